//! Storage of resources (远程学习资源), events and honours, and held
//! training sessions. Resources and events are the district's public
//! record; trainings belong to the institution that held them and are read
//! through the caller's `Scope`.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::activities::{
    EventDraft, EventId, EventKind, ResourceDraft, ResourceId, ResourceKind, TrainingDraft,
    TrainingId, TrainingKind,
};

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Resource {
    pub id: ResourceId,
    pub title: String,
    pub kind: ResourceKind,
    pub subject: String,
    pub provider: String,
    pub url: String,
    /// Times opened through the catalogue.
    pub uses: i64,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub kind: EventKind,
    pub year: i64,
    pub township_id: i64,
    pub township_name: String,
    pub description: String,
    pub participants: i64,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Training {
    pub id: TrainingId,
    pub institution_id: i64,
    pub institution_name: String,
    pub kind: TrainingKind,
    pub title: String,
    pub held_on: NaiveDate,
    pub attendances: i64,
    pub hours: i64,
    pub certificates: i64,
    pub families: Option<i64>,
    pub children: Option<i64>,
}

/// The trainings of one kind in a period, added up.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TrainingTotal {
    pub kind: TrainingKind,
    pub sessions: i64,
    pub attendances: i64,
    pub hours: i64,
    pub certificates: i64,
    pub families: i64,
    pub children: i64,
}

pub async fn insert_resource(
    tx: &mut Tx,
    institution: Option<i64>,
    d: &ResourceDraft,
) -> Result<ResourceId, DbError> {
    let q = Sql::new(
        "INSERT INTO community_resources (institution_id, title, kind, subject, provider, url, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(institution)
    .arg(d.title.as_str())
    .arg(d.kind)
    .arg(d.subject.as_str())
    .arg(d.provider.as_str())
    .arg(d.url.as_str())
    .arg(platform::time::now());
    Ok(ResourceId(tx.scalar(q).await?))
}

/// The catalogue (of one kind if given), most used first.
pub async fn resources<'a>(
    ex: impl Into<Ex<'a>>,
    kind: Option<ResourceKind>,
) -> Result<Vec<Resource>, DbError> {
    let mut q = Sql::new(
        "SELECT id, title, kind, subject, provider, url, uses FROM community_resources WHERE 1=1",
    );
    if let Some(k) = kind {
        q = q.push(" AND kind = ").bind(k);
    }
    let q = q.push(" ORDER BY uses DESC, id").limit(1000, 0);
    ex.into().fetch_all(q).await
}

/// Counts one use of a resource; its address, if it exists.
pub async fn open_resource(tx: &mut Tx, id: ResourceId) -> Result<Option<String>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        url: String,
    }
    let q = Sql::new("UPDATE community_resources SET uses = uses + 1 WHERE id = $1 RETURNING url")
        .arg(id);
    let row: Option<Row> = tx.fetch_optional(q).await?;
    Ok(row.map(|r| r.url))
}

pub async fn insert_event(
    tx: &mut Tx,
    institution: Option<i64>,
    d: &EventDraft,
) -> Result<EventId, DbError> {
    let q = Sql::new(
        "INSERT INTO community_events (institution_id, title, kind, year, township_id, \
         description, participants, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(institution)
    .arg(d.title.as_str())
    .arg(d.kind)
    .arg(d.year)
    .arg(d.township_id)
    .arg(d.description.as_str())
    .arg(d.participants)
    .arg(platform::time::now());
    Ok(EventId(tx.scalar(q).await?))
}

/// The events and honours of a year, by township.
pub async fn events<'a>(ex: impl Into<Ex<'a>>, year: i64) -> Result<Vec<Event>, DbError> {
    let q = Sql::new(
        "SELECT e.id, e.title, e.kind, e.year, e.township_id, t.name AS township_name, \
         e.description, e.participants FROM community_events e \
         JOIN townships t ON t.id = e.township_id WHERE e.year = ",
    )
    .bind(year)
    .push(" ORDER BY t.code, e.kind, e.id")
    .limit(2000, 0);
    ex.into().fetch_all(q).await
}

pub async fn insert_training(
    tx: &mut Tx,
    institution_id: i64,
    d: &TrainingDraft,
    by: Option<i64>,
) -> Result<TrainingId, DbError> {
    let q = Sql::new(
        "INSERT INTO community_trainings (institution_id, kind, title, held_on, attendances, \
         hours, certificates, families, children, created_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.kind)
    .arg(d.title.as_str())
    .arg(d.held_on)
    .arg(d.attendances)
    .arg(d.hours)
    .arg(d.certificates)
    .arg(d.families)
    .arg(d.children)
    .arg(platform::time::now())
    .arg(by);
    Ok(TrainingId(tx.scalar(q).await?))
}

const TRAINING_SELECT: &str = "SELECT r.id, r.institution_id, i.name AS institution_name, r.kind, \
     r.title, r.held_on, r.attendances, r.hours, r.certificates, r.families, r.children \
     FROM community_trainings r JOIN institutions i ON i.id = r.institution_id WHERE 1=1";

/// The trainings held between two days (inclusive), newest first.
pub async fn trainings<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<Training>, DbError> {
    let q = Sql::new(TRAINING_SELECT)
        .push(" AND r.held_on >= ")
        .bind(from)
        .push(" AND r.held_on <= ")
        .bind(to);
    let q = scope
        .restrict(q, "r.institution_id")
        .push(" ORDER BY r.held_on DESC, r.id DESC")
        .limit(2000, 0);
    ex.into().fetch_all(q).await
}

pub async fn training<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: TrainingId,
) -> Result<Option<Training>, DbError> {
    let q = scope.restrict(
        Sql::new(TRAINING_SELECT).push(" AND r.id = ").bind(id),
        "r.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Each kind's trainings between two days, added up.
pub async fn totals<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<TrainingTotal>, DbError> {
    let q = Sql::new(
        "SELECT r.kind, COUNT(*) AS sessions, \
         CAST(COALESCE(SUM(r.attendances), 0) AS BIGINT) AS attendances, \
         CAST(COALESCE(SUM(r.hours), 0) AS BIGINT) AS hours, \
         CAST(COALESCE(SUM(r.certificates), 0) AS BIGINT) AS certificates, \
         CAST(COALESCE(SUM(r.families), 0) AS BIGINT) AS families, \
         CAST(COALESCE(SUM(r.children), 0) AS BIGINT) AS children \
         FROM community_trainings r WHERE r.held_on >= ",
    )
    .bind(from)
    .push(" AND r.held_on <= ")
    .bind(to);
    let q = scope
        .restrict(q, "r.institution_id")
        .push(" GROUP BY r.kind ORDER BY r.kind");
    ex.into().fetch_all(q).await
}
