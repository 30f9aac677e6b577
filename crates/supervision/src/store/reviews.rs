//! Storage reads of the start page: the supervised institutions and those
//! visited since a day, and the supervision campaigns and orders of the
//! inspection mechanism (read, never written here), within the caller's
//! scope.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use super::inspectors::SUPERVISED;

/// (supervised institutions, of them visited on or after `since`).
pub async fn coverage(db: &Db, scope: &Scope, since: NaiveDate) -> Result<(i64, i64), DbError> {
    let q = Sql::new(format!(
        "SELECT COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM supervision_visits v \
         WHERE v.institution_id = i.id AND v.visited_on >= $1) THEN 1 END) \
         FROM institutions i WHERE {SUPERVISED}"
    ))
    .arg(since);
    db.fetch_one(scope.restrict(q, "i.id")).await
}

/// Open supervision campaigns (an institution: those it takes part in).
pub async fn open_campaigns(db: &Db, scope: &Scope) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM inspection_campaigns c WHERE c.owner = 'supervision' \
         AND c.status = 'open'",
    );
    let q = match scope.institution() {
        None => q,
        Some(own) => q
            .push(" AND EXISTS (SELECT 1 FROM inspection_targets t WHERE t.campaign_id = c.id AND t.institution_id = ")
            .bind(own)
            .push(")"),
    };
    db.scalar(q).await
}

/// The supervision orders' figures on `today`.
#[derive(Clone, Copy, Debug, Default, PartialEq, sqlx::FromRow)]
pub struct OrderCounts {
    /// Not closed.
    pub open: i64,
    /// Waiting on the institution past their deadline.
    pub overdue: i64,
    /// Due (deadline) between the period's start and today.
    pub due: i64,
    /// Of `due`, closed by their deadline.
    pub on_time: i64,
}

pub async fn orders(
    db: &Db,
    scope: &Scope,
    due_since: NaiveDate,
    today: NaiveDate,
) -> Result<OrderCounts, DbError> {
    let q = Sql::new(
        "SELECT COUNT(CASE WHEN o.status <> 'closed' THEN 1 END) AS open, \
         COUNT(CASE WHEN o.status IN ('issued', 'reopened') AND o.deadline < $1 THEN 1 END) AS overdue, \
         COUNT(CASE WHEN o.deadline >= $2 AND o.deadline <= $1 THEN 1 END) AS due, \
         COUNT(CASE WHEN o.deadline >= $2 AND o.deadline <= $1 AND o.status = 'closed' \
         AND o.closed_on <= o.deadline THEN 1 END) AS on_time \
         FROM inspection_orders o WHERE o.owner = 'supervision'",
    )
    .arg(today)
    .arg(due_since);
    db.fetch_one(scope.restrict(q, "o.institution_id")).await
}
