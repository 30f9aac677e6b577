//! The left-behind children's archive (留守儿童档案): family situation,
//! psychological state and care records. Only 局领导, 基教科 and the child's
//! own school see it; every view and every change is audited.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Role, Section};
use platform::db::Db;
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::today;
use crate::domain::dates::parse_date;
use crate::domain::text::{required, Label};
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
    let t = |s: &str| s.trim().to_string();
    let out = Archive {
        guardian: t(&a.guardian),
        guardian_relation: t(&a.guardian_relation),
        guardian_phone: t(&a.guardian_phone),
        parents_whereabouts: t(&a.parents_whereabouts),
        family_situation: t(&a.family_situation),
        psychological_notes: t(&a.psychological_notes),
    };
    let mut e = Vec::new();
    if out.guardian.is_empty() {
        e.push(FieldError::new("guardian", "请填写实际监护人"));
    }
    for (field, label, v, max) in [
        ("guardian", "实际监护人", &out.guardian, 50),
        (
            "guardian_relation",
            "与学生关系",
            &out.guardian_relation,
            20,
        ),
        (
            "parents_whereabouts",
            "父母外出去向",
            &out.parents_whereabouts,
            200,
        ),
        ("family_situation", "家庭情况", &out.family_situation, 2000),
        (
            "psychological_notes",
            "心理状况",
            &out.psychological_notes,
            2000,
        ),
    ] {
        if v.chars().count() > max {
            e.push(FieldError::new(field, format!("{label}不能超过 {max} 字")));
        }
    }
    let p = &out.guardian_phone;
    let digits = p.chars().filter(char::is_ascii_digit).count();
    if !p.is_empty()
        && (!(7..=20).contains(&digits)
            || !p
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' ')))
    {
        e.push(FieldError::new(
            "guardian_phone",
            format!("监护人电话“{p}”格式不正确"),
        ));
    }
    if e.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Invalid(e))
    }
}

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

const CARER: Label = Label::new("carer", "关爱人", "关爱人", 50);
const CONTENT: Label = Label::new("content", "关爱内容", "关爱内容", 2000);

fn check_care(c: &CareInput) -> Result<(NaiveDate, String, String), AppError> {
    let mut e = Vec::new();
    let date = parse_date(&c.cared_on);
    match date {
        None => e.push(FieldError::new("cared_on", "请填写关爱日期，如 2026-03-14")),
        Some(d) if d > today() => e.push(FieldError::new("cared_on", "关爱日期不能晚于今天")),
        _ => {}
    }
    let carer = required(&mut e, &CARER, &c.carer);
    let content = required(&mut e, &CONTENT, &c.content);
    match date {
        Some(d) if e.is_empty() => Ok((d, carer.into(), content.into())),
        _ => Err(AppError::Invalid(e)),
    }
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
