//! Each teacher's progress in the current cycle, and 学分落实情况检查:
//! per-institution compliance, the teachers behind, the .xlsx export and
//! the inbox counts.

use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::excel::{Cell, Title, Workbook};
use platform::AppError;
use serde::Serialize;

use super::settings::requirement;
use crate::domain::teams::{permille_label, share_permille};
use crate::domain::training::{Progress, Requirement};
use crate::store::training::attendance::{self, StaffCredit};
use crate::store::training::compliance::{self as store, InstitutionCompliance, TeacherHours};
use crate::store::training::staff_ref;

/// A teacher's progress in the current cycle.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StaffProgress {
    pub staff_id: i64,
    pub name: String,
    pub institution_name: String,
    pub requirement: Requirement,
    pub cycle: String,
    pub hours: i64,
    pub status: Progress,
    pub status_label: String,
    pub credits: Vec<StaffCredit>,
}

pub async fn staff_progress(
    db: &Db,
    caller: &Caller,
    staff_id: i64,
) -> Result<StaffProgress, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    let staff = staff_ref::in_scope(db, &caller.scope, staff_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let req = requirement(db).await?;
    let (from, to) = (req.cycle.starts_on(), req.cycle.ends_on());
    let hours = store::hours_of(db, staff.id, from, to).await?;
    let credits = attendance::of_staff(db, staff.id, from, to).await?;
    let status = req.progress(hours);
    Ok(StaffProgress {
        staff_id: staff.id,
        name: staff.name,
        institution_name: staff.institution_name,
        requirement: req,
        cycle: req.cycle.label(),
        hours,
        status,
        status_label: status.label().to_string(),
        credits,
    })
}

/// One institution's line of the check, with its 达标 share.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ComplianceLine {
    #[serde(flatten)]
    pub counts: InstitutionCompliance,
    /// 达标率 in tenths of a percent.
    pub met_permille: i64,
    pub met_share: String,
}

/// The check over the caller's scope.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Compliance {
    pub requirement: Requirement,
    pub cycle: String,
    pub lines: Vec<ComplianceLine>,
    pub teachers: i64,
    pub met: i64,
    pub behind: i64,
    pub met_share: String,
}

fn line(counts: InstitutionCompliance) -> ComplianceLine {
    let met_permille = share_permille(counts.met, counts.teachers);
    ComplianceLine {
        counts,
        met_permille,
        met_share: permille_label(met_permille),
    }
}

pub async fn compliance(db: &Db, caller: &Caller) -> Result<Compliance, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    let req = requirement(db).await?;
    let rows = store::by_institution(db, &caller.scope, &req).await?;
    let (teachers, met, behind) = rows.iter().fold((0, 0, 0), |(t, m, b), r| {
        (t + r.teachers, m + r.met, b + r.behind)
    });
    Ok(Compliance {
        requirement: req,
        cycle: req.cycle.label(),
        lines: rows.into_iter().map(line).collect(),
        teachers,
        met,
        behind,
        met_share: permille_label(share_permille(met, teachers)),
    })
}

/// One institution's teachers, those behind only when `behind_only`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InstitutionTeachers {
    pub requirement: Requirement,
    pub institution_id: i64,
    pub teachers: Vec<TeacherProgress>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TeacherProgress {
    #[serde(flatten)]
    pub hours: TeacherHours,
    pub status: Progress,
}

pub async fn institution_teachers(
    db: &Db,
    caller: &Caller,
    institution_id: i64,
    behind_only: bool,
) -> Result<InstitutionTeachers, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    if !caller.scope.allows(platform::InstitutionId(institution_id)) {
        return Err(AppError::NotFound);
    }
    let req = requirement(db).await?;
    let below = behind_only.then_some(req.due);
    let rows = store::teachers(db, &caller.scope, &req, Some(institution_id), below).await?;
    Ok(InstitutionTeachers {
        requirement: req,
        institution_id,
        teachers: rows
            .into_iter()
            .map(|h| TeacherProgress {
                status: req.progress(h.hours),
                hours: h,
            })
            .collect(),
    })
}

/// The check as a workbook: one sheet per institution line, then every
/// teacher behind.
pub async fn export(db: &Db, caller: &Caller) -> Result<Vec<u8>, AppError> {
    let c = compliance(db, caller).await?;
    let title = Title::list("继续教育学分落实情况检查")
        .filter("周期", c.cycle.clone())
        .filter("每周期学时要求", c.requirement.required.to_string())
        .filter("截至目前应完成学时", c.requirement.due.to_string());
    let mut wb = Workbook::export(
        &title,
        &[
            "单位",
            "教师人数",
            "累计学时",
            "达标人数",
            "达标率",
            "进度落后人数",
        ],
    );
    for l in &c.lines {
        let r = &l.counts;
        wb.row(&[
            Cell::text(r.institution_name.as_str()),
            Cell::Int(r.teachers),
            Cell::Int(r.hours),
            Cell::Int(r.met),
            Cell::text(l.met_share.as_str()),
            Cell::Int(r.behind),
        ])?;
    }
    wb.row(&[
        Cell::text("合计"),
        Cell::Int(c.teachers),
        Cell::Int(c.lines.iter().map(|l| l.counts.hours).sum()),
        Cell::Int(c.met),
        Cell::text(c.met_share.as_str()),
        Cell::Int(c.behind),
    ])?;
    Ok(wb.finish()?)
}

/// The teachers behind in the caller's scope (进度落后名单) as a workbook.
pub async fn export_behind(db: &Db, caller: &Caller) -> Result<Vec<u8>, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    let req = requirement(db).await?;
    let rows = store::teachers(db, &caller.scope, &req, None, Some(req.due)).await?;
    let title = Title::list("继续教育进度落后教师名单")
        .filter("周期", req.cycle.label())
        .filter("截至目前应完成学时", req.due.to_string());
    let mut wb = Workbook::export(&title, &["单位", "姓名", "本周期学时", "差额学时"]);
    for r in &rows {
        wb.row(&[
            Cell::text(r.institution_name.as_str()),
            Cell::text(r.name.as_str()),
            Cell::Int(r.hours),
            Cell::Int(req.due - r.hours),
        ])?;
    }
    Ok(wb.finish()?)
}

/// Inbox counts: for a school, its teachers behind; for the bureau, the
/// institutions with any teacher behind.
pub async fn behind_counts(db: &Db, scope: &Scope) -> Result<(i64, i64), AppError> {
    let req = requirement(db).await?;
    if req.due == 0 {
        return Ok((0, 0));
    }
    let rows = store::by_institution(db, scope, &req).await?;
    let institutions = rows.iter().filter(|r| r.behind > 0).count() as i64;
    let teachers = rows.iter().map(|r| r.behind).sum();
    Ok((institutions, teachers))
}

/// The inbox task of continuing education, if any teacher in the caller's
/// scope is behind.
pub async fn pending(db: &Db, caller: &Caller) -> Result<Option<platform::area::Task>, AppError> {
    let (institutions, teachers) = behind_counts(db, &caller.scope).await?;
    let (label, count) = match caller.scope {
        Scope::All => ("继续教育学时进度落后的单位", institutions),
        Scope::Institution(_) => ("本单位继续教育学时进度落后的教师", teachers),
    };
    Ok((count > 0).then(|| platform::area::Task {
        area: "教师队伍".into(),
        label: label.into(),
        count,
        href: "/teachers/training/compliance".into(),
        nav_href: "/teachers".into(),
    }))
}
