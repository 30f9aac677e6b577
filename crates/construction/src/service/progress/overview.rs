//! The area's start page and its reports: projects by kind and status,
//! what needs attention, the latest reports; the project table with each
//! project's latest 形象进度, totals by kind, township and funding source,
//! and the seed's
//! 危房改造 figures counted from the records.

use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::watch::{attention, Attention};
use crate::domain::ProjectKind;
use crate::store::progress::overview::{
    self as store, FundingTotals, KindStatusCount, LatestReport, ProjectLine, Totals,
};

/// The start page (/construction).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StartPage {
    pub counts: Vec<KindStatusCount>,
    pub attention: Attention,
    pub latest: Vec<LatestReport>,
}

pub async fn start_page(db: &Db, caller: &Caller) -> Result<StartPage, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let scope = &caller.scope;
    Ok(StartPage {
        counts: store::by_kind_and_status(db, scope).await?,
        attention: attention(db, scope, platform::time::today()).await?,
        latest: store::latest_reports(db, scope, 10).await?,
    })
}

/// 危房改造 in figures: projects, planned floor area and dangerous area
/// removed, summed from the projects of that kind (the seed's "10 个项目，
/// 规划建筑面积 11430 平方米，消除危房面积 6074 平方米").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DangerousRebuild {
    pub projects: i64,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
}

/// The reports (/construction/reports).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Reports {
    pub projects: Vec<ProjectLine>,
    pub by_kind: Vec<Totals>,
    pub by_township: Vec<Totals>,
    pub dangerous_rebuild: DangerousRebuild,
    /// Budget by funding source (中央, 省, 市, 区, 自筹), in the sources' order.
    pub by_funding_source: Vec<FundingTotals>,
}

pub async fn reports(db: &Db, caller: &Caller) -> Result<Reports, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let scope = &caller.scope;
    let by_kind = store::totals_by_kind(db, scope).await?;
    let dangerous_rebuild = by_kind
        .iter()
        .find(|t| t.group == ProjectKind::DangerousRebuild.as_str())
        .map(|t| DangerousRebuild {
            projects: t.projects,
            planned_floor_area: t.planned_floor_area,
            dangerous_area_removed: t.dangerous_area_removed,
        })
        .unwrap_or_default();
    Ok(Reports {
        projects: store::project_table(db, scope).await?,
        by_township: store::totals_by_township(db, scope).await?,
        by_funding_source: store::totals_by_funding_source(db, scope).await?,
        by_kind,
        dangerous_rebuild,
    })
}
