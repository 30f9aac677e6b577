//! Storage of indicator frameworks: one row per version, the indicator tree
//! as JSON. Frameworks are the bureau's, not an institution's: no scope.

use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::{Framework, FrameworkId, Owner, Purpose};

/// A framework version as lists show it; `body` is the JSON of its tree.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct FrameworkRow {
    pub id: FrameworkId,
    pub owner: Owner,
    pub purpose: Purpose,
    pub name: String,
    pub year: i64,
    pub version: i64,
    #[serde(skip)]
    pub body: String,
    pub total_points: i64,
    pub leaf_count: i64,
    pub status: String,
}

impl FrameworkRow {
    /// The indicator tree. Only checked frameworks are saved, so a body
    /// that does not parse is a fault of the database, not of the user.
    pub fn framework(&self) -> Result<Framework, DbError> {
        serde_json::from_str(&self.body)
            .map_err(|e| DbError::Other(sqlx::Error::Decode(Box::new(e))))
    }

    pub fn is_published(&self) -> bool {
        self.status == "published"
    }
}

/// A checked framework version to store.
pub struct NewFrameworkRow<'a> {
    pub owner: Owner,
    pub purpose: Purpose,
    pub name: &'a str,
    pub year: i64,
    pub version: i64,
    pub framework: &'a Framework,
    pub created_by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, f: &NewFrameworkRow<'_>) -> Result<FrameworkId, DbError> {
    let body = serde_json::to_string(f.framework)
        .map_err(|e| DbError::Other(sqlx::Error::Decode(Box::new(e))))?;
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO inspection_frameworks (owner, purpose, name, year, version, body, \
         total_points, leaf_count, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .arg(f.owner)
    .arg(f.purpose)
    .arg(f.name)
    .arg(f.year)
    .arg(f.version)
    .arg(body)
    .arg(f.framework.total.0)
    .arg(f.framework.leaves().len() as i64)
    .arg(f.created_by)
    .arg(now);
    Ok(FrameworkId(tx.scalar(q).await?))
}

const COLUMNS: &str = "SELECT id, owner, purpose, name, year, version, body, total_points, \
     leaf_count, status FROM inspection_frameworks WHERE 1=1";

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    id: FrameworkId,
) -> Result<Option<FrameworkRow>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(COLUMNS).push(" AND id = ").bind(id))
        .await
}

/// Marks a version published (frozen); false if it already was.
pub async fn publish(tx: &mut Tx, id: FrameworkId) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE inspection_frameworks SET status = 'published', updated_at = $1 \
         WHERE id = $2 AND status = 'draft'",
    )
    .arg(platform::time::now())
    .arg(id);
    Ok(tx.execute(q).await? == 1)
}
