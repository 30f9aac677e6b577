//! Services of the area's start page (/supervision): 督导覆盖率 this term,
//! open supervision campaigns and rectification orders (open, overdue,
//! 整改按期完成率 this school year) of the inspection mechanism, and the
//! area's indicators ([`indicators`]). Campaigns, orders and frameworks are
//! the mechanism's pages; this part links to them.

mod demo;
mod demo_frameworks;
pub mod indicators;

use chrono::NaiveDate;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::vocab::{SchoolYear, Term};
use platform::AppError;
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::inspectors::Period;
use crate::domain::reviews::percent;
use crate::store::reviews as store;

/// The start page's key figures, within the caller's scope.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StartPage {
    /// "2026—2027学年第一学期".
    pub term: String,
    pub term_since: NaiveDate,
    /// Supervised institutions (running, licensed).
    pub institutions: i64,
    /// Of them visited by a responsible inspector this term.
    pub visited_term: i64,
    /// 督导覆盖率 this term, percent.
    pub coverage: Option<f64>,
    /// Of them visited this month.
    pub visited_month: i64,
    pub open_campaigns: i64,
    pub open_orders: i64,
    pub overdue_orders: i64,
    /// Supervision orders due this school year up to today.
    pub due_orders: i64,
    /// Of them closed by their deadline.
    pub on_time_orders: i64,
    /// 整改按期完成率 this school year, percent.
    pub on_time_rate: Option<f64>,
}

pub async fn start_page(db: &Db, caller: &Caller) -> Result<StartPage, AppError> {
    caller.require(WorkArea::Supervision, Access::Read)?;
    let today = platform::time::today();
    let term_since = Period::Term.start(today);
    let (institutions, visited_term) = store::coverage(db, &caller.scope, term_since).await?;
    let (_, visited_month) = store::coverage(db, &caller.scope, Period::Month.start(today)).await?;
    let year_since = SchoolYear::of(today).first_day().unwrap_or(term_since);
    let orders = store::orders(db, &caller.scope, year_since, today).await?;
    Ok(StartPage {
        term: Term::of(today).label(),
        term_since,
        institutions,
        visited_term,
        coverage: percent(visited_term, institutions),
        visited_month,
        open_campaigns: store::open_campaigns(db, &caller.scope).await?,
        open_orders: orders.open,
        overdue_orders: orders.overdue,
        due_orders: orders.due,
        on_time_orders: orders.on_time,
        on_time_rate: percent(orders.on_time, orders.due),
    })
}
