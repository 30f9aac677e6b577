//! Storage of rectification orders (整改通知书) and what happened to them.
//! Reads take the caller's `Scope`: an institution sees its own orders.

mod counts;
mod list;
mod steps;

pub use counts::{counts, on_time_rate, overdue_of_institution, overdue_of_owner, OrderCounts};
pub use list::{count, list, OrderFilter};
pub use steps::{insert_step, steps, Step};

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx, Updated};
use serde::Serialize;

use crate::domain::{CampaignId, OrderId, OrderStatus, Owner, Source};

/// An order as lists and pages show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Order {
    pub id: OrderId,
    pub owner: Owner,
    pub institution_id: i64,
    pub institution_name: String,
    pub campaign_id: Option<CampaignId>,
    pub source: Source,
    pub source_id: Option<i64>,
    pub number: String,
    pub finding: String,
    pub requirement: String,
    pub responsible_person: String,
    pub deadline: NaiveDate,
    pub status: OrderStatus,
    pub issued_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub version: i64,
}

impl Order {
    /// Waiting on the institution past its deadline (逾期).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_overdue(self.deadline, today)
    }
}

/// A checked order to store.
pub struct NewOrderRow<'a> {
    pub owner: Owner,
    pub institution_id: i64,
    pub campaign_id: Option<CampaignId>,
    pub source: Source,
    pub source_id: Option<i64>,
    pub number: &'a str,
    pub finding: &'a str,
    pub requirement: &'a str,
    pub responsible_person: &'a str,
    pub deadline: NaiveDate,
    pub issued_by: Option<i64>,
    pub issued_on: NaiveDate,
}

pub async fn insert(tx: &mut Tx, o: &NewOrderRow<'_>) -> Result<OrderId, DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_orders (owner, institution_id, campaign_id, source, source_id, \
         number, finding, requirement, responsible_person, deadline, issued_by, issued_on, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         $13, $13) RETURNING id",
    )
    .arg(o.owner)
    .arg(o.institution_id)
    .arg(o.campaign_id)
    .arg(o.source)
    .arg(o.source_id)
    .arg(o.number)
    .arg(o.finding)
    .arg(o.requirement)
    .arg(o.responsible_person)
    .arg(o.deadline)
    .arg(o.issued_by)
    .arg(o.issued_on)
    .arg(platform::time::now());
    Ok(OrderId(tx.scalar(q).await?))
}

/// The columns of [`Order`], on orders aliased `o`.
pub(crate) const SELECT: &str = "SELECT o.id, o.owner, o.institution_id, \
     i.name AS institution_name, o.campaign_id, o.source, o.source_id, o.number, o.finding, \
     o.requirement, o.responsible_person, o.deadline, o.status, o.issued_on, o.closed_on, \
     o.version FROM inspection_orders o JOIN institutions i ON i.id = o.institution_id WHERE 1=1";

/// One order, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: OrderId,
) -> Result<Option<Order>, DbError> {
    let q = scope.restrict(
        Sql::new(SELECT).push(" AND o.id = ").bind(id),
        "o.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The next number of `owner`'s orders in `year` (1 for the first), taken
/// inside the issuing transaction so two orders never share one.
pub async fn next_number(tx: &mut Tx, owner: Owner, year: i32) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_order_numbers (owner, year, last) VALUES ($1, $2, 1) \
         ON CONFLICT (owner, year) DO UPDATE SET last = inspection_order_numbers.last + 1 \
         RETURNING last",
    )
    .arg(owner)
    .arg(i64::from(year));
    tx.scalar(q).await
}

/// A change of status made on top of `version`.
pub struct StatusChange {
    pub status: OrderStatus,
    pub deadline: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

/// Saves a change of status if nobody changed the order since `version`.
pub async fn set_status(
    tx: &mut Tx,
    id: OrderId,
    version: i64,
    change: &StatusChange,
) -> Result<Updated, DbError> {
    let q = Sql::new(
        "UPDATE inspection_orders SET status = $1, deadline = $2, closed_on = $3, \
         version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6",
    )
    .arg(change.status)
    .arg(change.deadline)
    .arg(change.closed_on)
    .arg(platform::time::now())
    .arg(id)
    .arg(version);
    Ok(Updated::from_rows(tx.execute(q).await?))
}
