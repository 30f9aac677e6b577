//! Stalled projects and late phases, for the start page and the inbox of
//! the sections that write the area (计财科, 安全科), and the bureau setting
//! of how many days without a report make a project stalled.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{DbError, Ex};
use platform::settings::{self, Setting};
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::progress::{is_stalled, DEFAULT_STALLED_DAYS};
use crate::store::progress::watch::{self as store, LastReport, LatePhase};

/// 停滞天数: an active project with no progress report for more days than
/// this is stalled.
pub const STALLED_DAYS: Setting = Setting {
    key: "construction.stalled_days",
    label: "在建项目超过多少天未报形象进度视为停滞",
    default: "30",
};

/// The bureau's figure (the default if the stored one is unreadable).
pub async fn stalled_days<'a>(ex: impl Into<Ex<'a>>) -> Result<i64, DbError> {
    let v = settings::get(ex, &STALLED_DAYS).await?;
    Ok(v.trim().parse().unwrap_or(DEFAULT_STALLED_DAYS))
}

/// Active projects in `scope` with no report for more than `days` days
/// on `today` (counted from the project's creation when it has none).
pub async fn stalled<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
    days: i64,
) -> Result<Vec<LastReport>, DbError> {
    let mut all = store::last_reports(ex, scope).await?;
    all.retain(|p| {
        let last = p
            .last_report
            .unwrap_or_else(|| platform::time::date_of(p.created_at));
        is_stalled(last, today, days)
    });
    all.sort_by_key(|p| p.last_report);
    Ok(all)
}

/// What needs attention on `today`.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Attention {
    pub stalled_days: i64,
    pub stalled: Vec<LastReport>,
    pub late: Vec<LatePhase>,
}

pub async fn attention<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Attention, DbError> {
    let mut ex = ex.into();
    let days = stalled_days(&mut ex).await?;
    Ok(Attention {
        stalled_days: days,
        stalled: stalled(&mut ex, scope, today, days).await?,
        late: store::late_phases(&mut ex, scope, today).await?,
    })
}

/// The inbox's tasks: for those who write the area (the bureau's
/// construction sections and leadership), stalled projects and late phases.
pub async fn tasks(
    db: &platform::db::Db,
    caller: &Caller,
) -> Result<Vec<platform::area::Task>, AppError> {
    if !caller.role.may(WorkArea::Construction, Access::Write) {
        return Ok(vec![]);
    }
    let a = attention(db, &caller.scope, platform::time::today()).await?;
    let projects_late = {
        let mut ids: Vec<_> = a.late.iter().map(|l| l.project_id).collect();
        ids.dedup();
        ids.len() as i64
    };
    Ok(vec![
        crate::service::pending::task(
            format!("在建项目超过 {} 天未报形象进度", a.stalled_days),
            a.stalled.len() as i64,
            "/construction#stalled".into(),
        ),
        crate::service::pending::task(
            "项目阶段逾期未完成".into(),
            projects_late,
            "/construction#late".into(),
        ),
    ])
}

/// The area's bureau settings as the form and the API send them.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ProgressSettings {
    pub stalled_days: i64,
}

/// Changes the stalled-days setting (the bureau's writers of the area),
/// audited.
pub async fn set_settings(
    db: &platform::db::Db,
    caller: &Caller,
    new: &ProgressSettings,
) -> Result<ProgressSettings, AppError> {
    caller.require_bureau(WorkArea::Construction)?;
    if !(1..=365).contains(&new.stalled_days) {
        return Err(AppError::invalid(
            "stalled_days",
            "停滞天数应在 1 到 365 之间",
        ));
    }
    let mut tx = db.begin().await?;
    let before = ProgressSettings {
        stalled_days: stalled_days(&mut tx).await?,
    };
    settings::set(
        &mut tx,
        &STALLED_DAYS,
        &new.stalled_days.to_string(),
        caller.who.user_id,
    )
    .await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_settings",
            format!("基建设置：{}——{} 天", STALLED_DAYS.label, new.stalled_days),
        )
        .before(&before)
        .after(new),
    )
    .await?;
    Ok(new.clone())
}
