//! The left-behind children's archive (留守儿童档案): family situation,
//! psychological state and care records. Only 局领导, 基教科 and the child's
//! own school see it; every view and every change is audited.

mod roster;

pub use roster::{care_due_before, filed_label, roster_workbook, CARE_EVERY_DAYS};

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Role, Section};
use platform::db::Db;
use platform::vocab::{Checker, Field};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::today;
use crate::domain::dates::parse_date;
use crate::store::left_behind::{self as store, Archive, ArchiveRow, CareRow};
use crate::store::students::{self, StudentId, StudentRecord};

pub(crate) const ENTITY: &str = "left_behind_archive";

/// Whether the caller's role keeps left-behind archives at all (which
/// students' archives is then a matter of scope).
pub fn may_see(caller: &Caller) -> bool {
    matches!(
        caller.role,
        Role::Leadership | Role::Section(Section::BasicEducation) | Role::Institution
    )
}

pub fn kind_label(left_behind: i64) -> &'static str {
    match left_behind {
        1 => "单亲留守",
        2 => "双亲留守",
        _ => "非留守",
    }
}

/// The student an archive belongs to, as the archive page shows them.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ArchiveStudent {
    #[schema(value_type = i64)]
    pub id: StudentId,
    pub name: String,
    /// 1 单亲留守, 2 双亲留守.
    pub left_behind: i64,
    pub left_behind_label: String,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub institution_name: Option<String>,
    pub grade: Option<i64>,
    pub class_name: Option<String>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ArchiveView {
    pub student: ArchiveStudent,
    /// Empty fields until the archive is first saved.
    pub archive: Archive,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Newest first.
    pub care_records: Vec<CareRow>,
}

/// The student, if the caller may see their archive: 403 for roles that
/// never see archives, 404 for a student outside the caller's scope.
pub(crate) async fn visible_student(
    db: &Db,
    caller: &Caller,
    id: StudentId,
) -> Result<StudentRecord, AppError> {
    if !may_see(caller) {
        return Err(AppError::Forbidden);
    }
    let s = students::get(db, &caller.scope, id).await?;
    if s.left_behind == 0 {
        return Err(AppError::Conflict(format!(
            "{} 在学籍中未登记为留守儿童，没有留守儿童档案",
            s.name
        )));
    }
    Ok(s)
}

pub(crate) fn student_of(s: &StudentRecord) -> ArchiveStudent {
    ArchiveStudent {
        id: s.id,
        name: s.name.clone(),
        left_behind: s.left_behind,
        left_behind_label: kind_label(s.left_behind).into(),
        institution_id: s.institution_id,
        institution_name: s.institution_name.clone(),
        grade: s.grade,
        class_name: s.class_name.clone(),
    }
}

fn check_archive(a: &Archive) -> Result<Archive, AppError> {
    let mut c = Checker::new();
    let out = Archive {
        guardian: c.required_text(GUARDIAN, &a.guardian, 50).into(),
        guardian_relation: c.text(RELATION, &a.guardian_relation, 20).into(),
        guardian_phone: c.phone(PHONE, &a.guardian_phone).into(),
        parents_whereabouts: c.text(WHEREABOUTS, &a.parents_whereabouts, 200).into(),
        family_situation: c.text(FAMILY, &a.family_situation, 2000).into(),
        psychological_notes: c.text(PSYCHOLOGY, &a.psychological_notes, 2000).into(),
    };
    c.finish(out).map_err(AppError::Invalid)
}

const GUARDIAN: Field = Field::new("guardian", "实际监护人");
const RELATION: Field = Field::new("guardian_relation", "与学生关系");
const PHONE: Field = Field::new("guardian_phone", "监护人电话");
const WHEREABOUTS: Field = Field::new("parents_whereabouts", "父母外出去向");
const FAMILY: Field = Field::new("family_situation", "家庭情况");
const PSYCHOLOGY: Field = Field::new("psychological_notes", "心理状况");

/// Creates or replaces the archive (audited with before and after).
pub async fn save(
    db: &Db,
    caller: &Caller,
    id: StudentId,
    input: &Archive,
) -> Result<ArchiveRow, AppError> {
    let s = visible_student(db, caller, id).await?;
    let archive = check_archive(input)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, id).await?;
    store::upsert(&mut tx, id, &archive).await?;
    let after = store::get(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("archive vanished after upsert")))?;
    let mut entry = Entry::new("update", ENTITY, format!("修改 {} 的留守儿童档案", s.name))
        .id(id.0)
        .institution(s.institution_id)
        .after(&after.archive);
    if let Some(b) = &before {
        entry = entry.before(&b.archive);
    }
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(after)
}

/// A care record as entered.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CareInput {
    /// 关爱日期, e.g. 2026-03-14.
    pub cared_on: String,
    /// 关爱人
    pub carer: String,
    /// 关爱内容
    pub content: String,
}

const CARER: Field = Field::new("carer", "关爱人");
const CONTENT: Field = Field::new("content", "关爱内容");

fn check_care(input: &CareInput) -> Result<(NaiveDate, String, String), AppError> {
    let mut c = Checker::new();
    let date = parse_date(&input.cared_on);
    match date {
        None => c.custom("cared_on", "请填写关爱日期，如 2026-03-14"),
        Some(d) if d > today() => c.custom("cared_on", "关爱日期不能晚于今天"),
        _ => {}
    }
    let carer = c.required_text(CARER, &input.carer, 50).to_string();
    let content = c.required_text(CONTENT, &input.content, 2000).to_string();
    let checked = c.finish((carer, content)).map_err(AppError::Invalid)?;
    Ok((date.unwrap_or_default(), checked.0, checked.1))
}

/// Adds a care record; returns its id.
pub async fn add_care(
    db: &Db,
    caller: &Caller,
    id: StudentId,
    input: &CareInput,
) -> Result<crate::domain::ids::CareRecordId, AppError> {
    let s = visible_student(db, caller, id).await?;
    let (on, carer, content) = check_care(input)?;
    let mut tx = db.begin().await?;
    let cid = store::add_care(&mut tx, id, on, &carer, &content).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new("update", ENTITY, format!("为 {} 新增关爱记录（{on}，{carer}）", s.name))
            .id(id.0)
            .institution(s.institution_id)
            .after(&serde_json::json!({"care_record": cid, "cared_on": on, "carer": carer, "content": content})),
    )
    .await?;
    tx.commit().await?;
    Ok(cid)
}
