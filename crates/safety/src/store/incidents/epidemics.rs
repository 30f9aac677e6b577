//! Epidemic events (疫情) and their daily reports, in the caller's scope.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::incidents::{Disease, EpidemicId, EpidemicInput, EpidemicReport};

/// An event with its totals so far.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Epidemic {
    pub id: EpidemicId,
    pub institution_id: i64,
    pub institution_name: String,
    pub disease: Disease,
    pub first_case_on: NaiveDate,
    pub observation_days: i64,
    pub plan_activated_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub note: String,
    /// 累计病例: the first case and every new case reported since.
    pub cases: i64,
    /// The last day reported, if any.
    pub last_report_on: Option<NaiveDate>,
}

const EPIDEMIC: &str = "SELECT e.id, e.institution_id, i.name AS institution_name, e.disease, \
     e.first_case_on, e.observation_days, e.plan_activated_on, e.closed_on, e.note, \
     CAST(1 + COALESCE((SELECT SUM(r.new_cases) FROM safety_epidemic_reports r WHERE r.epidemic_id = e.id), 0) AS BIGINT) AS cases, \
     (SELECT MAX(r.reported_on) FROM safety_epidemic_reports r WHERE r.epidemic_id = e.id) AS last_report_on \
     FROM safety_epidemics e JOIN institutions i ON i.id = e.institution_id WHERE 1=1";

/// A day's report as stored.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct DailyReport {
    pub reported_on: NaiveDate,
    pub new_cases: i64,
    pub absent: i64,
    pub classes: String,
}

/// New cases of one institution on one day (the district's daily view).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct DayCases {
    pub institution_name: String,
    pub reported_on: NaiveDate,
    pub new_cases: i64,
}

/// Events, open ones first, newest first.
pub async fn list(db: &Db, scope: &Scope, open_only: bool) -> Result<Vec<Epidemic>, DbError> {
    let mut q = scope.restrict(Sql::new(EPIDEMIC), "e.institution_id");
    if open_only {
        q = q.push(" AND e.closed_on IS NULL");
    }
    db.fetch_all(
        q.push(" ORDER BY e.closed_on IS NOT NULL, e.first_case_on DESC, e.id DESC LIMIT 1000"),
    )
    .await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: EpidemicId,
) -> Result<Option<Epidemic>, DbError> {
    let q = scope.restrict(
        Sql::new(EPIDEMIC).push(" AND e.id = ").bind(id),
        "e.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The open event of an institution, if any.
pub async fn open_of(tx: &mut Tx, institution_id: i64) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = tx
        .fetch_optional(
            Sql::new(
                "SELECT id FROM safety_epidemics WHERE closed_on IS NULL AND institution_id = ",
            )
            .bind(institution_id),
        )
        .await?;
    Ok(row.map(|(id,)| id))
}

pub async fn reports<'a>(
    ex: impl Into<Ex<'a>>,
    id: EpidemicId,
) -> Result<Vec<DailyReport>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT reported_on, new_cases, absent, classes FROM safety_epidemic_reports WHERE epidemic_id = ",
            )
            .bind(id)
            .push(" ORDER BY reported_on"),
        )
        .await
}

/// Open events in scope without a report for `day`.
pub async fn missing_report(db: &Db, scope: &Scope, day: NaiveDate) -> Result<i64, DbError> {
    let q = scope
        .restrict(
            Sql::new("SELECT COUNT(*) FROM safety_epidemics e WHERE e.closed_on IS NULL"),
            "e.institution_id",
        )
        .push(" AND NOT EXISTS (SELECT 1 FROM safety_epidemic_reports r WHERE r.epidemic_id = e.id AND r.reported_on = ")
        .bind(day)
        .push(")");
    db.scalar(q).await
}

/// New cases by institution and day from `from` to `to`.
pub async fn cases_by_day(
    db: &Db,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayCases>, DbError> {
    let q = scope
        .restrict(
            Sql::new(
                "SELECT i.name AS institution_name, r.reported_on, CAST(SUM(r.new_cases) AS BIGINT) AS new_cases \
                 FROM safety_epidemic_reports r JOIN safety_epidemics e ON e.id = r.epidemic_id \
                 JOIN institutions i ON i.id = e.institution_id WHERE 1=1",
            ),
            "e.institution_id",
        )
        .push(" AND r.reported_on >= ")
        .bind(from)
        .push(" AND r.reported_on <= ")
        .bind(to)
        .push(" GROUP BY i.name, r.reported_on ORDER BY i.name, r.reported_on");
    db.fetch_all(q).await
}

pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    e: &EpidemicInput,
) -> Result<EpidemicId, DbError> {
    let q = Sql::new(
        "INSERT INTO safety_epidemics (institution_id, disease, first_case_on, observation_days, note, created_at) VALUES (",
    )
    .bind(institution_id)
    .push(", ")
    .bind(e.disease)
    .push(", ")
    .bind(e.first_case_on)
    .push(", ")
    .bind(e.observation())
    .push(", ")
    .bind(e.note.trim())
    .push(", ")
    .bind(platform::time::now())
    .push(") RETURNING id");
    Ok(EpidemicId(tx.scalar(q).await?))
}

/// Adds a day's report; `DbError::Unique` when that day has one already.
pub async fn insert_report(tx: &mut Tx, id: EpidemicId, r: &EpidemicReport) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO safety_epidemic_reports (epidemic_id, reported_on, new_cases, absent, classes, created_at) VALUES (",
        )
        .bind(id)
        .push(", ")
        .bind(r.reported_on)
        .push(", ")
        .bind(r.new_cases)
        .push(", ")
        .bind(r.absent)
        .push(", ")
        .bind(r.classes.trim())
        .push(", ")
        .bind(platform::time::now())
        .push(")"),
    )
    .await?;
    Ok(())
}

/// Sets a date column of an open event (`plan_activated_on` or `closed_on`).
pub async fn set_date(
    tx: &mut Tx,
    id: EpidemicId,
    column: &str,
    on: NaiveDate,
) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE safety_epidemics SET ")
            .push(column)
            .push(" = ")
            .bind(on)
            .push(" WHERE closed_on IS NULL AND id = ")
            .bind(id),
    )
    .await
}
