//! Storage of responsible inspectors (责任督学挂牌督导): assignments, the
//! institutions each covers with their last visit, and visits
//! ([`visits`]). Reads of institution-owned rows take the caller's `Scope`.

pub mod visits;

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::inspectors::{AssignmentId, Covered};

/// The institutions supervision covers: running and licensed (无证园 are
/// private education's registry, not supervised schools).
pub const SUPERVISED: &str = "i.status = 'active' AND i.licence = 'licensed'";

/// One assignment of a responsible inspector to an institution.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Assignment {
    pub id: AssignmentId,
    pub institution_id: i64,
    /// The inspector's account (督学), or none for an external inspector.
    pub account_id: Option<i64>,
    pub inspector_name: String,
    pub phone: String,
    pub starts_on: NaiveDate,
    /// None while the assignment is current.
    pub ends_on: Option<NaiveDate>,
}

/// A checked assignment to store.
pub struct NewAssignment<'a> {
    pub institution_id: i64,
    pub account_id: Option<i64>,
    pub inspector_name: &'a str,
    pub phone: &'a str,
    pub starts_on: NaiveDate,
    pub created_by: Option<i64>,
}

/// The institution's id and name, if it exists and the scope sees it.
pub async fn institution<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: i64,
) -> Result<Option<(i64, String)>, DbError> {
    let q = Sql::new("SELECT id, name FROM institutions WHERE id = ").bind(id);
    ex.into().fetch_optional(scope.restrict(q, "id")).await
}

const COLUMNS: &str = "SELECT id, institution_id, account_id, inspector_name, phone, starts_on, \
     ends_on FROM supervision_assignments WHERE institution_id = ";

/// The institution's assignments, the current one first.
pub async fn history<'a>(
    ex: impl Into<Ex<'a>>,
    institution_id: i64,
) -> Result<Vec<Assignment>, DbError> {
    let q = Sql::new(COLUMNS)
        .bind(institution_id)
        .push(" ORDER BY starts_on DESC, id DESC");
    ex.into().fetch_all(q).await
}

/// The institution's current assignment.
pub async fn current<'a>(
    ex: impl Into<Ex<'a>>,
    institution_id: i64,
) -> Result<Option<Assignment>, DbError> {
    let q = Sql::new(COLUMNS)
        .bind(institution_id)
        .push(" AND ends_on IS NULL");
    ex.into().fetch_optional(q).await
}

pub async fn end(tx: &mut Tx, id: AssignmentId, ends_on: NaiveDate) -> Result<(), DbError> {
    let q = Sql::new("UPDATE supervision_assignments SET ends_on = $1 WHERE id = $2")
        .arg(ends_on)
        .arg(id);
    tx.execute(q).await.map(|_| ())
}

pub async fn insert(tx: &mut Tx, a: &NewAssignment<'_>) -> Result<AssignmentId, DbError> {
    let q = Sql::new(
        "INSERT INTO supervision_assignments (institution_id, account_id, inspector_name, phone, \
         starts_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(a.institution_id)
    .arg(a.account_id)
    .arg(a.inspector_name)
    .arg(a.phone)
    .arg(a.starts_on)
    .arg(a.created_by)
    .arg(platform::time::now());
    Ok(AssignmentId(tx.scalar(q).await?))
}

/// Every supervised institution in scope with its current inspector and
/// last visit, by name; only the institutions of `account` when given.
pub async fn covered<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    account: Option<i64>,
) -> Result<Vec<Covered>, DbError> {
    let mut q = Sql::new(format!(
        "SELECT i.id AS institution_id, i.name AS institution_name, \
         COALESCE(a.inspector_name, '') AS inspector_name, \
         (SELECT MAX(v.visited_on) FROM supervision_visits v WHERE v.institution_id = i.id) \
         AS last_visit FROM institutions i LEFT JOIN supervision_assignments a \
         ON a.institution_id = i.id AND a.ends_on IS NULL WHERE {SUPERVISED}"
    ));
    if let Some(account) = account {
        q = q.push(" AND a.account_id = ").bind(account);
    }
    let q = scope.restrict(q, "i.id").push(" ORDER BY i.name");
    ex.into().fetch_all(q).await
}

/// An inspector account (督学) that is active: its display name.
pub async fn inspector_account<'a>(
    ex: impl Into<Ex<'a>>,
    id: i64,
) -> Result<Option<String>, DbError> {
    let q = Sql::new(
        "SELECT display_name FROM users WHERE role = 'inspector' AND active = TRUE AND id = ",
    )
    .bind(id);
    let row: Option<(String,)> = ex.into().fetch_optional(q).await?;
    Ok(row.map(|(name,)| name))
}

/// Every active inspector account: (id, display name), by name.
pub async fn inspector_accounts<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, String)>, DbError> {
    let q = Sql::new(
        "SELECT id, display_name FROM users WHERE role = 'inspector' AND active = TRUE \
         ORDER BY display_name",
    );
    ex.into().fetch_all(q).await
}
