//! What happened to an order after it was issued (整改过程).

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::order::StepKind;
use crate::domain::OrderId;

/// One step of an order's history, with who took it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Step {
    pub id: i64,
    pub event: StepKind,
    pub note: String,
    pub new_deadline: Option<NaiveDate>,
    pub by_name: Option<String>,
    pub at: DateTime<Utc>,
}

/// Records a step; its id names the evidence files attached with it.
pub async fn insert_step(
    tx: &mut Tx,
    order: OrderId,
    event: StepKind,
    note: &str,
    new_deadline: Option<NaiveDate>,
    by: Option<i64>,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_order_events (order_id, event, note, new_deadline, by_account, at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .arg(order)
    .arg(event)
    .arg(note)
    .arg(new_deadline)
    .arg(by)
    .arg(platform::time::now());
    tx.scalar(q).await
}

/// The steps of one order, oldest first (the caller has already seen the
/// order in its scope).
pub async fn steps<'a>(ex: impl Into<Ex<'a>>, order: OrderId) -> Result<Vec<Step>, DbError> {
    let q = Sql::new(
        "SELECT e.id, e.event, e.note, e.new_deadline, u.display_name AS by_name, e.at \
         FROM inspection_order_events e LEFT JOIN users u ON u.id = e.by_account \
         WHERE e.order_id = ",
    )
    .bind(order)
    .push(" ORDER BY e.id");
    ex.into().fetch_all(q).await
}
