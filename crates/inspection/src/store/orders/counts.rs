//! Figures of the orders for the inbox and the areas' indicators: open,
//! overdue, closed on time or late (整改按期完成率).

use chrono::NaiveDate;
use platform::db::{DbError, Ex, Sql};
use serde::Serialize;

use crate::domain::order::Closings;
use crate::domain::Owner;

/// One owner's orders by where they stand on `today`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema,
)]
pub struct OrderCounts {
    /// Not closed yet (overdue ones included).
    pub open: i64,
    /// Waiting on the institution past the deadline.
    pub overdue: i64,
    pub closed_on_time: i64,
    pub closed_late: i64,
}

const COUNTS: &str = "SELECT \
     COALESCE(SUM(CASE WHEN status <> 'closed' THEN 1 ELSE 0 END), 0) AS open, \
     COALESCE(SUM(CASE WHEN status IN ('issued', 'reopened') AND deadline < $1 THEN 1 ELSE 0 END), 0) AS overdue, \
     COALESCE(SUM(CASE WHEN status = 'closed' AND closed_on <= deadline THEN 1 ELSE 0 END), 0) AS closed_on_time, \
     COALESCE(SUM(CASE WHEN status = 'closed' AND closed_on > deadline THEN 1 ELSE 0 END), 0) AS closed_late \
     FROM inspection_orders WHERE owner = $2";

/// `owner`'s orders on `today`, across the district.
pub async fn counts<'a>(
    ex: impl Into<Ex<'a>>,
    owner: Owner,
    today: NaiveDate,
) -> Result<OrderCounts, DbError> {
    let q = Sql::new(COUNTS).arg(today).arg(owner);
    Ok(ex.into().fetch_optional(q).await?.unwrap_or_default())
}

/// 整改按期完成率 of `owner`'s orders closed in `year`, in percent; none
/// when none was closed that year. A reopened order counts against its
/// last deadline.
pub async fn on_time_rate<'a>(
    ex: impl Into<Ex<'a>>,
    owner: Owner,
    year: i32,
) -> Result<Option<f64>, DbError> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let q = Sql::new(COUNTS)
        .arg(first)
        .arg(owner)
        .push(" AND status = 'closed' AND closed_on >= $3 AND closed_on <= $4")
        .arg(first)
        .arg(last);
    let c: OrderCounts = ex.into().fetch_optional(q).await?.unwrap_or_default();
    Ok(Closings {
        on_time: c.closed_on_time,
        late: c.closed_late,
    }
    .on_time_rate())
}

/// `owner`'s overdue orders on `today`, for its writers' inbox (one range
/// of the (owner, status, deadline) index per status).
pub async fn overdue_of_owner<'a>(
    ex: impl Into<Ex<'a>>,
    owner: Owner,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM inspection_orders WHERE owner = $1 \
         AND status IN ('issued', 'reopened') AND deadline < $2",
    )
    .arg(owner)
    .arg(today);
    ex.into().scalar(q).await
}

/// One institution's overdue orders on `today` (all owners).
pub async fn overdue_of_institution<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM inspection_orders WHERE institution_id = $1 \
         AND status IN ('issued', 'reopened') AND deadline < $2",
    )
    .arg(institution)
    .arg(today);
    ex.into().scalar(q).await
}
