//! Demo-only writes to the inspection mechanism's tables: a target's
//! result, and an order's response and re-check. The demo writes what
//! happened months ago, which the mechanism's services (acting today)
//! would refuse; everything here is checked before: results come from
//! `Framework::score`, and every closed order has its evidence files.

use chrono::{DateTime, NaiveDate, Utc};
use inspection::domain::{CampaignId, OrderId, Scored};
use platform::db::{DbError, Sql, Tx};

/// Stores a target's submitted self-evaluation and its scored result.
pub async fn score_target(
    tx: &mut Tx,
    campaign: CampaignId,
    institution_id: i64,
    answers: &str,
    scored: &Scored,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    let q = Sql::new(
        "UPDATE inspection_targets SET self_status = 'submitted', self_answers = $1, \
         self_submitted_at = $2, answers = $1, raw_points = $3, total_points = $4, band = $5, \
         vetoed_by = $6, scored_at = $2 WHERE campaign_id = $7 AND institution_id = $8",
    )
    .arg(answers)
    .arg(at)
    .arg(scored.raw.0)
    .arg(scored.total.0)
    .arg(scored.band.clone())
    .arg(scored.vetoed_by.join(","))
    .arg(campaign)
    .arg(institution_id);
    tx.execute(q).await.map(|_| ())
}

/// Records an order's event (`respond` or `close`) and its new status.
pub async fn order_event(
    tx: &mut Tx,
    order: OrderId,
    event: &str,
    note: &str,
    on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_order_events (order_id, event, note, at) VALUES ($1, $2, $3, $4)",
    )
    .arg(order)
    .arg(event)
    .arg(note)
    .arg(at);
    tx.execute(q).await?;
    let (status, closed_on) = match event {
        "close" => ("closed", Some(on)),
        _ => ("responded", None),
    };
    let q = Sql::new(
        "UPDATE inspection_orders SET status = $1, closed_on = $2, version = version + 1, \
         updated_at = $3 WHERE id = $4",
    )
    .arg(status)
    .arg(closed_on)
    .arg(at)
    .arg(order);
    tx.execute(q).await.map(|_| ())
}
