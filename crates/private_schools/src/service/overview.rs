//! The area's start page (/private): private institutions by type, this
//! year's 年检合格率 and grades, open rectification orders, and — for the
//! bureau — unlicensed kindergartens by status and the closures.

use chrono::Datelike;
use institutions::domain::Category;
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::inspections::{self, YearResults};
use crate::domain::inspections::Kind;
use crate::domain::unlicensed::Status;
use crate::store::closures::{self as closures, Closure};
use crate::store::overview as store;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CategoryCount {
    pub category: String,
    pub count: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StartPage {
    pub year: i64,
    pub private_by_category: Vec<CategoryCount>,
    pub annual: YearResults,
    pub grading: YearResults,
    pub open_orders: i64,
    pub overdue_orders: i64,
    /// The bureau's only: empty for an institution.
    pub unlicensed: Vec<StatusCount>,
    pub unlicensed_overdue: i64,
    pub closures: Vec<Closure>,
}

pub async fn start_page(db: &Db, caller: &Caller) -> Result<StartPage, AppError> {
    let reader = caller.reader(db, WorkArea::PrivateEducation)?;
    let today = platform::time::today();
    let year = i64::from(today.year());
    let mut by_category: Vec<CategoryCount> = Vec::new();
    for (school_type, n) in store::private_by_type(db, &caller.scope).await? {
        let label = Category::of_school_type(&school_type).label();
        match by_category.iter_mut().find(|c| c.category == label) {
            Some(c) => c.count += n,
            None => by_category.push(CategoryCount {
                category: label.into(),
                count: n,
            }),
        }
    }
    let (open_orders, overdue_orders) = store::open_orders(db, &caller.scope, today).await?;
    let mut unlicensed = Vec::new();
    if let Ok(bureau) = caller.bureau(db, WorkArea::PrivateEducation) {
        for (status, count) in store::unlicensed_by_status(&bureau).await? {
            if let Some(status) = Status::parse(&status) {
                unlicensed.push(StatusCount { status, count });
            }
        }
    }
    Ok(StartPage {
        year,
        private_by_category: by_category,
        annual: inspections::year(db, caller, Kind::Annual, year).await?,
        grading: inspections::year(db, caller, Kind::Grading, year).await?,
        open_orders,
        overdue_orders,
        unlicensed,
        unlicensed_overdue: super::unlicensed::overdue(db, caller).await?,
        closures: closures::list(reader.db(), &caller.scope).await?,
    })
}
