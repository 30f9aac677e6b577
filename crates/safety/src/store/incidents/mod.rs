//! Incidents (安全事故) of the institutions in the caller's scope, with their
//! counts by type; epidemic events and their daily reports in `epidemics`.

pub mod epidemics;

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::web::forms::empty_as_none;
use serde::{Deserialize, Serialize};

use crate::domain::incidents::{IncidentId, IncidentInput, IncidentKind, IncidentStatus};

/// An incident with its school and township.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Incident {
    pub id: IncidentId,
    pub institution_id: i64,
    pub institution_name: String,
    pub township_name: String,
    pub occurred_at: DateTime<Utc>,
    pub occurred_on: NaiveDate,
    pub kind: IncidentKind,
    pub injured: i64,
    pub deaths: i64,
    pub description: String,
    pub measures: String,
    pub reported_by: String,
    pub reported_at: DateTime<Utc>,
    pub status: IncidentStatus,
    pub follow_up: String,
    pub closed_on: Option<NaiveDate>,
}

const INCIDENT: &str =
    "SELECT x.id, x.institution_id, i.name AS institution_name, t.name AS township_name, \
     x.occurred_at, x.occurred_on, x.kind, x.injured, x.deaths, x.description, x.measures, \
     x.reported_by, x.reported_at, x.status, x.follow_up, x.closed_on \
     FROM safety_incidents x JOIN institutions i ON i.id = x.institution_id \
     JOIN townships t ON t.id = i.township_id WHERE 1=1";

/// The incidents of a period (the dates they happened on), by type,
/// township, school or status.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct IncidentFilter {
    #[serde(deserialize_with = "blank_as_none")]
    #[param(value_type = Option<String>)]
    pub from: Option<NaiveDate>,
    #[serde(deserialize_with = "blank_as_none")]
    #[param(value_type = Option<String>)]
    pub to: Option<NaiveDate>,
    #[serde(deserialize_with = "blank_as_none")]
    pub kind: Option<IncidentKind>,
    #[serde(deserialize_with = "empty_as_none")]
    pub township_id: Option<i64>,
    #[serde(deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    #[serde(deserialize_with = "blank_as_none")]
    pub status: Option<IncidentStatus>,
}

/// A query value read as `T`, an empty one (a filter left blank) as absent.
fn blank_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let text: Option<String> = Option::deserialize(d)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => T::deserialize(serde::de::value::StrDeserializer::<D::Error>::new(v)).map(Some),
    }
}

/// The incidents of one type in a list: how many, how many hurt and dead.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct KindCount {
    pub kind: IncidentKind,
    pub incidents: i64,
    pub injured: i64,
    pub deaths: i64,
}

fn filtered(select: &str, scope: &Scope, f: &IncidentFilter) -> Sql {
    let mut q = scope.restrict(Sql::new(select), "x.institution_id");
    if let Some(from) = f.from {
        q = q.push(" AND x.occurred_on >= ").bind(from);
    }
    if let Some(to) = f.to {
        q = q.push(" AND x.occurred_on <= ").bind(to);
    }
    if let Some(kind) = f.kind {
        q = q.push(" AND x.kind = ").bind(kind);
    }
    if let Some(id) = f.township_id {
        q = q.push(" AND i.township_id = ").bind(id);
    }
    if let Some(id) = f.institution_id {
        q = q.push(" AND x.institution_id = ").bind(id);
    }
    if let Some(status) = f.status {
        q = q.push(" AND x.status = ").bind(status);
    }
    q
}

pub async fn list(
    db: &Db,
    scope: &Scope,
    f: &IncidentFilter,
    limit: i64,
) -> Result<Vec<Incident>, DbError> {
    let q = filtered(INCIDENT, scope, f)
        .push(" ORDER BY x.occurred_at DESC, x.id DESC LIMIT ")
        .bind(limit);
    db.fetch_all(q).await
}

/// The counts by type of the incidents the filter selects.
pub async fn by_kind(
    db: &Db,
    scope: &Scope,
    f: &IncidentFilter,
) -> Result<Vec<KindCount>, DbError> {
    let select =
        "SELECT x.kind, COUNT(*) AS incidents, CAST(SUM(x.injured) AS BIGINT) AS injured, \
         CAST(SUM(x.deaths) AS BIGINT) AS deaths \
         FROM safety_incidents x JOIN institutions i ON i.id = x.institution_id WHERE 1=1";
    db.fetch_all(filtered(select, scope, f).push(" GROUP BY x.kind ORDER BY x.kind"))
        .await
}

/// Incidents not closed yet.
pub async fn open_count(db: &Db, scope: &Scope) -> Result<i64, DbError> {
    let q = scope.restrict(
        Sql::new("SELECT COUNT(*) FROM safety_incidents x WHERE x.status <> 'closed'"),
        "x.institution_id",
    );
    db.scalar(q).await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: IncidentId,
) -> Result<Option<Incident>, DbError> {
    let q = scope.restrict(
        Sql::new(INCIDENT).push(" AND x.id = ").bind(id),
        "x.institution_id",
    );
    ex.into().fetch_optional(q).await
}

pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    i: &IncidentInput,
) -> Result<IncidentId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO safety_incidents (institution_id, occurred_at, occurred_on, kind, injured, deaths, \
         description, measures, reported_by, reported_at, status, updated_at) VALUES (",
    )
    .bind(institution_id)
    .push(", ")
    .bind(platform::time::from_local(i.occurred_at))
    .push(", ")
    .bind(i.occurred_at.date())
    .push(", ")
    .bind(i.kind)
    .push(", ")
    .bind(i.injured)
    .push(", ")
    .bind(i.deaths)
    .push(", ")
    .bind(i.description.trim())
    .push(", ")
    .bind(i.measures.trim())
    .push(", ")
    .bind(i.reported_by.trim())
    .push(", ")
    .bind(now)
    .push(", ")
    .bind(IncidentStatus::Reported)
    .push(", ")
    .bind(now)
    .push(") RETURNING id");
    Ok(IncidentId(tx.scalar(q).await?))
}

/// Moves an incident on from status `from` (0 rows when someone moved it
/// first).
pub async fn advance(
    tx: &mut Tx,
    id: IncidentId,
    from: IncidentStatus,
    to: IncidentStatus,
    follow_up: &str,
    closed_on: Option<NaiveDate>,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE safety_incidents SET status = ")
            .bind(to)
            .push(", follow_up = ")
            .bind(follow_up.trim())
            .push(", closed_on = ")
            .bind(closed_on)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE id = ")
            .bind(id)
            .push(" AND status = ")
            .bind(from),
    )
    .await
}
