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
    /// The published version this draft was copied from.
    pub based_on: Option<FrameworkId>,
}

impl FrameworkRow {
    /// The indicator tree. Only trees that parse are saved (a draft's may
    /// still be incomplete, a published one is checked), so a body that
    /// does not parse is a fault of the database, not of the user.
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
    pub based_on: Option<FrameworkId>,
}

fn body_of(f: &Framework) -> Result<String, DbError> {
    serde_json::to_string(f).map_err(|e| DbError::Other(sqlx::Error::Decode(Box::new(e))))
}

pub async fn insert(tx: &mut Tx, f: &NewFrameworkRow<'_>) -> Result<FrameworkId, DbError> {
    let body = body_of(f.framework)?;
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO inspection_frameworks (owner, purpose, name, year, version, body, \
         total_points, leaf_count, created_by, based_on, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
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
    .arg(f.based_on)
    .arg(now);
    Ok(FrameworkId(tx.scalar(q).await?))
}

const COLUMNS: &str = "SELECT id, owner, purpose, name, year, version, body, total_points, \
     leaf_count, status, based_on FROM inspection_frameworks WHERE 1=1";

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

/// Which frameworks a list shows: those of the owners given (the ones the
/// caller reads), optionally of one purpose and year.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub owners: Vec<Owner>,
    pub purpose: Option<Purpose>,
    pub year: Option<i64>,
}

/// The versions the filter selects, newest year first, then by name and
/// version.
pub async fn list<'a>(ex: impl Into<Ex<'a>>, f: &Filter) -> Result<Vec<FrameworkRow>, DbError> {
    if f.owners.is_empty() {
        return Ok(vec![]);
    }
    let mut q = Sql::new(COLUMNS)
        .push(" AND owner IN (")
        .bind_list(f.owners.iter().copied())
        .push(")");
    if let Some(p) = f.purpose {
        q = q.push(" AND purpose = ").bind(p);
    }
    if let Some(y) = f.year {
        q = q.push(" AND year = ").bind(y);
    }
    ex.into()
        .fetch_all(q.push(" ORDER BY year DESC, name, version DESC, id DESC"))
        .await
}

/// Replaces a draft's name, year and tree; false if it is not a draft (a
/// published version is never edited).
pub async fn update_draft(
    tx: &mut Tx,
    id: FrameworkId,
    name: &str,
    year: i64,
    f: &Framework,
) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE inspection_frameworks SET name = $1, year = $2, body = $3, total_points = $4, \
         leaf_count = $5, updated_at = $6 WHERE id = $7 AND status = 'draft'",
    )
    .arg(name)
    .arg(year)
    .arg(body_of(f)?)
    .arg(f.total.0)
    .arg(f.leaves().len() as i64)
    .arg(platform::time::now())
    .arg(id);
    Ok(tx.execute(q).await? == 1)
}

/// The number the next version of the standard `name` gets.
pub async fn next_version<'a>(
    ex: impl Into<Ex<'a>>,
    owner: Owner,
    name: &str,
) -> Result<i64, DbError> {
    let q =
        Sql::new("SELECT COALESCE(MAX(version), 0) + 1 FROM inspection_frameworks WHERE owner = ")
            .bind(owner)
            .push(" AND name = ")
            .bind(name);
    ex.into().scalar(q).await
}
