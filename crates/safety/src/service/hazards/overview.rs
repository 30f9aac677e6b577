//! The area's start page (/safety): open hazards by risk level, overdue
//! orders of the area, the rectification rate, this year's drill
//! compliance and plans overdue for review, the latest open hazards.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::may_order_fix;
use crate::domain::hazards::{percent, HazardState, RiskLevel};
use crate::service::drills::{self, Compliance};
use crate::service::pending::task;
use crate::store::drills as drill_store;
use crate::store::hazards::{self as store, Hazard, HazardFilter, StateCount};

/// Open hazards of one risk level.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LevelCount {
    pub risk_level: RiskLevel,
    /// Not yet rectified.
    pub open: i64,
    /// Still waiting for an order.
    pub unordered: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StartPage {
    pub levels: Vec<LevelCount>,
    pub hazards: i64,
    pub rectified: i64,
    /// 隐患整改率 (%): rectified of all hazards.
    pub rectification_rate: Option<f64>,
    /// Orders of owner safety past their deadline without a response.
    pub overdue_orders: i64,
    pub overdue_reviews: i64,
    pub drills: Compliance,
    pub latest_open: Vec<Hazard>,
}

fn levels(counts: &[StateCount]) -> Vec<LevelCount> {
    let sum = |l: RiskLevel, f: &dyn Fn(HazardState) -> bool| {
        counts
            .iter()
            .filter(|c| c.risk_level == l && f(c.state))
            .map(|c| c.hazards)
            .sum()
    };
    RiskLevel::ALL
        .iter()
        .rev()
        .map(|&l| LevelCount {
            risk_level: l,
            open: sum(l, &|s| s.is_open()),
            unordered: sum(l, &|s| s == HazardState::Reported),
        })
        .collect()
}

pub async fn start_page(db: &Db, caller: &Caller) -> Result<StartPage, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let today = platform::time::today();
    let counts = store::counts(db, &caller.scope).await?;
    let hazards = counts.iter().map(|c| c.hazards).sum();
    let rectified = counts
        .iter()
        .filter(|c| !c.state.is_open())
        .map(|c| c.hazards)
        .sum();
    let open = HazardFilter {
        open: Some(true),
        ..HazardFilter::default()
    };
    let mut latest_open = store::list(db, &caller.scope, &open).await?;
    latest_open.truncate(10);
    Ok(StartPage {
        levels: levels(&counts),
        hazards,
        rectified,
        rectification_rate: percent(rectified, hazards),
        overdue_orders: store::overdue_orders(db, &caller.scope, today).await?,
        overdue_reviews: drill_store::overdue_reviews(db, &caller.scope, today).await?,
        drills: drills::this_year(db, caller, today).await?,
        latest_open,
    })
}

/// The inbox: hazards waiting for the 安全科's order.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !may_order_fix(caller) {
        return Ok(vec![]);
    }
    let counts = store::counts(db, &caller.scope).await?;
    let waiting = counts
        .iter()
        .filter(|c| c.state == HazardState::Reported)
        .map(|c| c.hazards)
        .sum();
    Ok(vec![task(
        "待下发整改通知的隐患".into(),
        waiting,
        "/safety/hazards?state=reported".into(),
    )])
}
