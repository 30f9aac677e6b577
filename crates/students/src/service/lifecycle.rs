//! The enrolment life cycle: admit, view, transfer (out, then confirmed by
//! the receiving institution), suspend/resume, graduate, record a
//! dropout (year-end promotion is in [`super::promotion`]). Each step is audited.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError, Sql};
use platform::{AppError, FieldError, InstitutionId};
use serde::Deserialize;

mod suspend;
mod transfer;

pub use suspend::suspension_allowed;
pub use transfer::{decide_transfer, place, request_transfer, transfer_decision, TransferRequest};

use super::{school_year_of, today};
use crate::domain::enrolment::EnrolmentStatus::{self, Active, Suspended};
use crate::domain::enrolment::LeftReason;
use crate::domain::ids::EnrolmentId;
use crate::domain::student::{check, Placement};
use crate::domain::taught::grades_taught;
use crate::domain::Grade;
use crate::store::enrolments;
use crate::store::students::{self, StudentId, StudentRecord};

/// The institution a 学校标识码 names and its 办学类型.
async fn find_by_code(
    db: &Db,
    code: &str,
    field: &str,
) -> Result<(InstitutionId, String), AppError> {
    db.fetch_optional::<(InstitutionId, String)>(
        Sql::new("SELECT id, school_type FROM institutions WHERE code = ").bind(code.trim()),
    )
    .await?
    .ok_or_else(|| AppError::invalid(field, format!("没有学校标识码为“{}”的机构", code.trim())))
}

/// Refuses a grade the institution does not teach (a 高三 pupil in a primary school).
pub fn check_grade_taught(school_type: &str, grade: Grade, field: &str) -> Result<(), AppError> {
    match grades_taught(school_type) {
        Some(range) if range.contains(&grade.0) => Ok(()),
        _ => Err(AppError::invalid(
            field,
            format!(
                "该校（{}）没有{}",
                platform::codes::school_type(school_type)
                    .map(|t| t.name.as_str())
                    .unwrap_or("未知类型"),
                grade.label()
            ),
        )),
    }
}

/// The institution a 学校标识码 names, if the caller may place students there
/// in this grade.
pub async fn institution_by_code(
    db: &Db,
    caller: &Caller,
    code: &str,
    grade: Grade,
) -> Result<InstitutionId, AppError> {
    let (id, school_type) = find_by_code(db, code, "学校标识码").await?;
    if !caller.scope.allows(id) {
        return Err(AppError::invalid("学校标识码", "只能在本校登记学生"));
    }
    check_grade_taught(&school_type, grade, "年级")?;
    Ok(id)
}

/// Admits one student (新生入学 or 插班): a new record and its enrolment.
pub async fn admit(db: &Db, caller: &Caller, values: &[&str]) -> Result<StudentRecord, AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    let (student, placement) = check(values, today()).map_err(AppError::Invalid)?;
    let institution =
        institution_by_code(db, caller, &placement.institution_code, placement.grade).await?;
    let mut tx = db.begin().await?;
    let id = match students::insert(&mut tx, &student).await {
        Ok(id) => id,
        Err(DbError::Unique(_)) => {
            return Err(AppError::invalid(
                "身份证件号",
                format!("身份证件号 {} 已有学籍，请走转学流程", student.id_number),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    enrol(&mut tx, id, institution, &placement).await?;
    let rec = students::get(&mut tx, &Scope::All, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "create",
            "student",
            format!(
                "{} 入学 {}",
                rec.name,
                rec.institution_name.clone().unwrap_or_default()
            ),
        )
        .id(id.0)
        .institution(Some(institution))
        .after(&student),
    )
    .await?;
    tx.commit().await?;
    Ok(rec)
}

async fn enrol(
    tx: &mut platform::db::Tx,
    id: StudentId,
    institution: InstitutionId,
    p: &Placement,
) -> Result<(), AppError> {
    let day = p.entered_on.unwrap_or_else(today);
    students::enrol(
        tx,
        id,
        institution,
        school_year_of(today()),
        p.grade,
        &p.class_name,
        day,
    )
    .await?;
    Ok(())
}

fn current_enrolment(
    s: &StudentRecord,
) -> Result<(EnrolmentId, InstitutionId, EnrolmentStatus), AppError> {
    match (s.enrolment_id, s.institution_id, s.status) {
        (Some(e), Some(i), Some(st)) => Ok((e, i, st)),
        _ => Err(AppError::Conflict(format!("{} 目前没有在读学籍", s.name))),
    }
}

/// A change of the current enrolment: suspend, resume, graduate, dropout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Suspend,
    Resume,
    Graduate,
    Dropout,
}

impl Step {
    /// From the last segment of a URL (`/students/{id}/suspend`).
    pub fn from_path(s: &str) -> Result<Step, AppError> {
        Ok(match s {
            "suspend" => Step::Suspend,
            "resume" => Step::Resume,
            "graduate" => Step::Graduate,
            "dropout" => Step::Dropout,
            _ => return Err(AppError::NotFound),
        })
    }
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepDetails {
    /// For a dropout: the cause and the person responsible for bringing the
    /// child back (a dropout-control case is opened).
    pub cause: String,
    pub responsible: String,
    /// For a suspension (休学): the reason (疾病, 家庭原因, 出国（境）,
    /// 其他), its explanation (required for 其他) and the first day.
    pub reason: String,
    pub detail: String,
    pub date: String,
}

pub async fn apply_step(
    db: &Db,
    caller: &Caller,
    id: StudentId,
    step: Step,
    details: &StepDetails,
) -> Result<StudentRecord, AppError> {
    let s = students::get(db, &caller.scope, id).await?;
    caller.require(WorkArea::Students, Access::Write)?;
    let (enrolment, institution, status) = current_enrolment(&s)?;
    suspend::refuse_outside_stage(&s, step)?;
    let suspension = (step == Step::Suspend)
        .then(|| suspend::checked(details))
        .transpose()?;
    let mut tx = db.begin().await?;
    let (ok, summary) = match step {
        Step::Suspend => {
            let ok = enrolments::set_status(&mut tx, enrolment, Active, Suspended).await?;
            if let (true, Some(s)) = (ok, &suspension) {
                suspend::record(&mut tx, enrolment, s).await?;
            }
            (ok, "休学")
        }
        Step::Resume => (
            enrolments::set_status(&mut tx, enrolment, Suspended, Active).await?,
            "复学",
        ),
        Step::Graduate => {
            let g = crate::domain::Grade(s.grade.unwrap_or(0));
            if !g.is_final() {
                return Err(AppError::Conflict(format!(
                    "{} 在读{}，不是毕业年级",
                    s.name,
                    g.label()
                )));
            }
            (
                status == Active
                    && enrolments::leave(&mut tx, enrolment, LeftReason::Graduated, today())
                        .await?,
                "毕业",
            )
        }
        Step::Dropout => {
            if details.cause.trim().is_empty() || details.responsible.trim().is_empty() {
                return Err(AppError::Invalid(vec![
                    FieldError::new("cause", "请填写辍学原因"),
                    FieldError::new("responsible", "请填写劝返责任人"),
                ]));
            }
            let left =
                enrolments::leave(&mut tx, enrolment, LeftReason::DroppedOut, today()).await?;
            if left {
                crate::store::dropout::open_case_for_student(
                    &mut tx,
                    &s,
                    institution,
                    details.cause.trim(),
                    details.responsible.trim(),
                    today(),
                )
                .await?;
            }
            (left, "辍学")
        }
    };
    if !ok {
        return Err(AppError::Conflict(format!(
            "{} 的学籍状态为“{}”，不能办理{summary}",
            s.name,
            status.label()
        )));
    }
    let mut entry = Entry::new("update", "enrolment", format!("{} {summary}", s.name))
        .id(id.0)
        .institution(Some(institution));
    if let Some(s) = &suspension {
        entry = entry.after(s);
    }
    audit::record(&mut tx, &caller.who, entry).await?;
    let after = students::get(&mut tx, &Scope::All, id).await?;
    tx.commit().await?;
    Ok(after)
}
