//! Storage of visits (督导记录). Reads take the caller's `Scope`: an
//! institution sees the visits to itself.

use chrono::NaiveDate;
use inspection::domain::OrderId;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::inspectors::{Focus, VisitId};

/// A visit as lists and pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Visit {
    pub id: VisitId,
    pub institution_id: i64,
    pub institution_name: String,
    pub account_id: Option<i64>,
    pub inspector_name: String,
    pub visited_on: NaiveDate,
    pub focus: Focus,
    pub findings: String,
    pub suggestions: String,
    /// The rectification order the visit's finding became, if any.
    pub order_id: Option<OrderId>,
}

/// A checked visit to store.
pub struct NewVisit<'a> {
    pub institution_id: i64,
    pub account_id: Option<i64>,
    pub inspector_name: &'a str,
    pub visited_on: NaiveDate,
    pub focus: Focus,
    pub findings: &'a str,
    pub suggestions: &'a str,
    pub created_by: Option<i64>,
}

/// Which visits a list shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct VisitFilter {
    pub institution_id: Option<i64>,
    pub account_id: Option<i64>,
    pub since: Option<NaiveDate>,
}

pub async fn insert(tx: &mut Tx, v: &NewVisit<'_>) -> Result<VisitId, DbError> {
    let q = Sql::new(
        "INSERT INTO supervision_visits (institution_id, account_id, inspector_name, visited_on, \
         focus, findings, suggestions, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .arg(v.institution_id)
    .arg(v.account_id)
    .arg(v.inspector_name)
    .arg(v.visited_on)
    .arg(v.focus)
    .arg(v.findings)
    .arg(v.suggestions)
    .arg(v.created_by)
    .arg(platform::time::now());
    Ok(VisitId(tx.scalar(q).await?))
}

/// Links a visit to the order its finding became.
pub async fn set_order(tx: &mut Tx, id: VisitId, order: OrderId) -> Result<(), DbError> {
    let q = Sql::new("UPDATE supervision_visits SET order_id = $1 WHERE id = $2")
        .arg(order)
        .arg(id);
    tx.execute(q).await.map(|_| ())
}

const SELECT: &str = "SELECT v.id, v.institution_id, i.name AS institution_name, v.account_id, \
     v.inspector_name, v.visited_on, v.focus, v.findings, v.suggestions, v.order_id \
     FROM supervision_visits v JOIN institutions i ON i.id = v.institution_id WHERE 1=1";

/// One visit, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: VisitId,
) -> Result<Option<Visit>, DbError> {
    let q = scope.restrict(
        Sql::new(SELECT).push(" AND v.id = ").bind(id),
        "v.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The visits the filter and the scope let through, newest first, at most
/// `limit`.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    f: VisitFilter,
    limit: i64,
) -> Result<Vec<Visit>, DbError> {
    let mut q = Sql::new(SELECT);
    if let Some(id) = f.institution_id {
        q = q.push(" AND v.institution_id = ").bind(id);
    }
    if let Some(id) = f.account_id {
        q = q.push(" AND v.account_id = ").bind(id);
    }
    if let Some(day) = f.since {
        q = q.push(" AND v.visited_on >= ").bind(day);
    }
    let q = scope
        .restrict(q, "v.institution_id")
        .push(" ORDER BY v.visited_on DESC, v.id DESC")
        .limit(limit, 0);
    ex.into().fetch_all(q).await
}
