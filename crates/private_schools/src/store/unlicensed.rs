//! Storage of unlicensed kindergartens (无证幼儿园) and their visits. They
//! are the bureau's records, not an institution's: pages reach them only
//! through the bureau's reader.

use chrono::NaiveDate;
use platform::auth::BureauEx;
use platform::db::{DbError, Sql, Tx};
use serde::{Deserialize, Serialize};

use crate::domain::unlicensed::{Status, UnlicensedId};

/// An unlicensed kindergarten as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Unlicensed {
    pub id: UnlicensedId,
    pub name: String,
    pub address: String,
    pub township_id: i64,
    pub township_name: String,
    pub operator: String,
    pub phone: String,
    pub children: i64,
    pub found_on: NaiveDate,
    pub status: Status,
    pub deadline: Option<NaiveDate>,
    pub rectifying_since: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub placement: String,
    pub note: String,
    pub version: i64,
}

const SELECT: &str = "SELECT u.id, u.name, u.address, u.township_id, t.name AS township_name, \
     u.operator, u.phone, u.children, u.found_on, u.status, u.deadline, u.rectifying_since, \
     u.ended_on, u.placement, u.note, u.version \
     FROM private_unlicensed u JOIN townships t ON t.id = u.township_id WHERE 1=1";

/// Filters of the list; all optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Filter {
    /// Part of the name, address or operator.
    pub q: Option<String>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    /// found, rectifying, banned, compliant, stopped
    pub status: Option<String>,
    /// Only those past their rectification deadline.
    pub overdue: Option<String>,
}

impl Filter {
    pub fn overdue_only(&self) -> bool {
        matches!(self.overdue.as_deref(), Some("1" | "true" | "on"))
    }

    fn sql(&self, today: NaiveDate) -> Sql {
        let mut q = Sql::new(SELECT);
        if let Some(text) = self.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            q = q.and_any_contains(&["u.name", "u.address", "u.operator"], text);
        }
        if let Some(t) = self.township_id {
            q = q.push(" AND u.township_id = ").bind(t);
        }
        if let Some(s) = self.status.as_deref().and_then(Status::parse) {
            q = q.push(" AND u.status = ").bind(s);
        }
        if self.overdue_only() {
            q = overdue(q, today);
        }
        q
    }
}

fn overdue(q: Sql, today: NaiveDate) -> Sql {
    q.push(" AND u.status = 'rectifying' AND u.deadline < ")
        .bind(today)
}

pub async fn list<'a>(
    ex: impl BureauEx<'a>,
    f: &Filter,
    today: NaiveDate,
) -> Result<Vec<Unlicensed>, DbError> {
    ex.into()
        .fetch_all(f.sql(today).push(" ORDER BY t.code, u.name, u.id"))
        .await
}

pub async fn get<'a>(
    ex: impl BureauEx<'a>,
    id: UnlicensedId,
) -> Result<Option<Unlicensed>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(SELECT).push(" AND u.id = ").bind(id))
        .await
}

/// How many are past their rectification deadline.
pub async fn overdue_count<'a>(ex: impl BureauEx<'a>, today: NaiveDate) -> Result<i64, DbError> {
    let q = overdue(
        Sql::new("SELECT COUNT(*) FROM private_unlicensed u WHERE 1=1"),
        today,
    );
    ex.into().scalar(q).await
}

/// A checked new record.
pub struct NewUnlicensed<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub township_id: i64,
    pub operator: &'a str,
    pub phone: &'a str,
    pub children: i64,
    pub found_on: NaiveDate,
    pub note: &'a str,
}

pub async fn insert(tx: &mut Tx, n: &NewUnlicensed<'_>) -> Result<UnlicensedId, DbError> {
    let q = Sql::new(
        "INSERT INTO private_unlicensed (name, address, township_id, operator, phone, children, \
         found_on, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
         RETURNING id",
    )
    .arg(n.name)
    .arg(n.address)
    .arg(n.township_id)
    .arg(n.operator)
    .arg(n.phone)
    .arg(n.children)
    .arg(n.found_on)
    .arg(n.note)
    .arg(platform::time::now());
    Ok(UnlicensedId(tx.scalar(q).await?))
}

/// A new status and what goes with it.
pub struct StatusChange<'a> {
    pub status: Status,
    pub deadline: Option<NaiveDate>,
    pub rectifying_since: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub placement: &'a str,
}

/// Saves a change of status over `version`; false if someone saved in between.
pub async fn set_status(
    tx: &mut Tx,
    id: UnlicensedId,
    version: i64,
    c: &StatusChange<'_>,
) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE private_unlicensed SET status = $1, deadline = $2, rectifying_since = $3, \
         ended_on = $4, placement = $5, updated_at = $6, version = version + 1 \
         WHERE id = $7 AND version = $8",
    )
    .arg(c.status)
    .arg(c.deadline)
    .arg(c.rectifying_since)
    .arg(c.ended_on)
    .arg(c.placement)
    .arg(platform::time::now())
    .arg(id)
    .arg(version);
    Ok(tx.execute(q).await? == 1)
}

/// A visit (走访) to an unlicensed kindergarten.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Visit {
    pub id: i64,
    pub visited_on: NaiveDate,
    pub visitor: String,
    pub found: String,
}

pub async fn visits<'a>(ex: impl BureauEx<'a>, id: UnlicensedId) -> Result<Vec<Visit>, DbError> {
    let q = Sql::new(
        "SELECT id, visited_on, visitor, found FROM private_unlicensed_visits WHERE unlicensed_id = ",
    )
    .bind(id)
    .push(" ORDER BY visited_on DESC, id DESC");
    ex.into().fetch_all(q).await
}

pub async fn insert_visit(
    tx: &mut Tx,
    id: UnlicensedId,
    visited_on: NaiveDate,
    visitor: &str,
    found: &str,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO private_unlicensed_visits (unlicensed_id, visited_on, visitor, found, \
         created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .arg(id)
    .arg(visited_on)
    .arg(visitor)
    .arg(found)
    .arg(platform::time::now());
    tx.scalar(q).await
}

/// Counts by township and status (月报), for records found by `until`.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TownshipCount {
    pub township_name: String,
    pub status: Status,
    pub count: i64,
}

pub async fn by_township<'a>(
    ex: impl BureauEx<'a>,
    until: NaiveDate,
) -> Result<Vec<TownshipCount>, DbError> {
    let q = Sql::new(
        "SELECT t.name AS township_name, u.status, COUNT(*) AS count FROM private_unlicensed u \
         JOIN townships t ON t.id = u.township_id WHERE u.found_on <= ",
    )
    .bind(until)
    .push(" GROUP BY t.code, t.name, u.status ORDER BY t.code, u.status");
    ex.into().fetch_all(q).await
}

/// Found and ended (取缔, 转为合规, 停办) between two dates.
pub async fn found_and_ended<'a>(
    ex: impl BureauEx<'a>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(i64, i64), DbError> {
    let q = Sql::new(
        "SELECT CAST(COALESCE(SUM(CASE WHEN found_on >= $1 AND found_on <= $2 THEN 1 ELSE 0 END), \
         0) AS BIGINT) AS found, CAST(COALESCE(SUM(CASE WHEN ended_on >= $1 AND ended_on <= $2 \
         THEN 1 ELSE 0 END), 0) AS BIGINT) AS ended FROM private_unlicensed",
    )
    .arg(from)
    .arg(to);
    let r: (i64, i64) = ex.into().fetch_one(q).await?;
    Ok(r)
}

/// The names already registered, with their township.
pub async fn names<'a>(ex: impl BureauEx<'a>) -> Result<Vec<(String, i64)>, DbError> {
    ex.into()
        .fetch_all(Sql::new("SELECT name, township_id FROM private_unlicensed"))
        .await
}
