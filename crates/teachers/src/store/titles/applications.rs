//! 申报 rows and the round report's counts.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::titles::{ApplicationId, ApplicationStatus, RoundId};
use crate::domain::{TitleLevel, TitleSeries};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Application {
    pub id: ApplicationId,
    pub round_id: RoundId,
    pub staff_id: i64,
    pub staff_name: String,
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub from_series: Option<TitleSeries>,
    pub from_level: TitleLevel,
    pub series: TitleSeries,
    pub level: TitleLevel,
    pub status: ApplicationStatus,
    pub comment: String,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

const SELECT: &str = "SELECT a.id, a.round_id, a.staff_id, s.name AS staff_name, a.institution_id, \
     i.name AS institution_name, a.from_series, a.from_level, a.series, a.level, a.status, a.comment, \
     a.submitted_by, a.submitted_at, a.reviewed_by, a.reviewed_at FROM teachers_title_applications a \
     JOIN teachers_staff s ON s.id = a.staff_id JOIN institutions i ON i.id = a.institution_id WHERE 1=1";

/// A round's applications (a school's own only), by institution and name.
pub async fn applications(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    round: RoundId,
    status: Option<ApplicationStatus>,
) -> Result<Vec<Application>, DbError> {
    let mut q = Sql::new(SELECT).push(" AND a.round_id = ").bind(round);
    if let Some(s) = status {
        q = q.push(" AND a.status = ").bind(s);
    }
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "a.institution_id")
                .push(" ORDER BY i.name, s.name, a.id"),
        )
        .await
}

pub async fn application(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: ApplicationId,
) -> Result<Application, DbError> {
    ex.into()
        .fetch_one(scope.restrict(
            Sql::new(SELECT).push(" AND a.id = ").bind(id),
            "a.institution_id",
        ))
        .await
}

pub struct NewApplication<'a> {
    pub round: RoundId,
    pub staff: i64,
    pub institution: InstitutionId,
    pub from: (Option<TitleSeries>, TitleLevel),
    pub to: (TitleSeries, TitleLevel),
    pub by: &'a str,
}

pub async fn insert_application(
    tx: &mut Tx,
    a: &NewApplication<'_>,
) -> Result<ApplicationId, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO teachers_title_applications (round_id, staff_id, institution_id, from_series, \
             from_level, series, level, status, submitted_by, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8, $9) RETURNING id",
        )
        .arg(a.round)
        .arg(a.staff)
        .arg(a.institution)
        .arg(a.from.0.map(TitleSeries::as_str))
        .arg(a.from.1)
        .arg(a.to.0)
        .arg(a.to.1)
        .arg(a.by)
        .arg(Utc::now()),
    )
    .await
    .map(ApplicationId)
}

/// Records the review result of an application.
pub async fn review(
    tx: &mut Tx,
    id: ApplicationId,
    status: ApplicationStatus,
    comment: &str,
    by: &str,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_title_applications SET status = $1, comment = $2, reviewed_by = $3, reviewed_at = $4 WHERE id = $5")
            .arg(status)
            .arg(comment)
            .arg(by)
            .arg(Utc::now())
            .arg(id),
    )
    .await?;
    Ok(())
}

/// Passes already given to an institution's applicants for one title.
pub async fn passed(
    ex: impl Into<Ex<'_>>,
    round: RoundId,
    institution: InstitutionId,
    series: TitleSeries,
    level: TitleLevel,
) -> Result<i64, DbError> {
    ex.into()
        .scalar(
            super::of_title(
                "SELECT COUNT(*) FROM teachers_title_applications",
                round,
                institution,
                (series, level),
            )
            .push(" AND status = 'passed'"),
        )
        .await
}

/// Writes a promotion back to the staff record (职称, 取得时间).
pub async fn promote(
    tx: &mut Tx,
    staff: i64,
    series: TitleSeries,
    level: TitleLevel,
    on: NaiveDate,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_staff SET title_series = $1, title_level = $2, title_obtained_on = $3, version = version + 1, updated_at = $4 WHERE id = $5")
            .arg(series)
            .arg(level)
            .arg(on)
            .arg(Utc::now())
            .arg(staff),
    )
    .await?;
    Ok(())
}

/// A line of the round report: applications for one title by result.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ReportLine {
    pub series: TitleSeries,
    pub level: TitleLevel,
    pub applied: i64,
    pub passed: i64,
    pub failed: i64,
    pub pending: i64,
}

/// Counts by series and level (a school's own applications only).
pub async fn report(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    round: RoundId,
) -> Result<Vec<ReportLine>, DbError> {
    let q = Sql::new(
        "SELECT a.series, a.level, COUNT(*) AS applied, \
         COUNT(CASE WHEN a.status = 'passed' THEN 1 END) AS passed, \
         COUNT(CASE WHEN a.status = 'failed' THEN 1 END) AS failed, \
         COUNT(CASE WHEN a.status = 'submitted' THEN 1 END) AS pending \
         FROM teachers_title_applications a WHERE a.round_id = ",
    )
    .bind(round);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "a.institution_id")
                .push(" GROUP BY a.series, a.level ORDER BY a.series, a.level"),
        )
        .await
}

/// Applications awaiting review in open rounds.
pub async fn awaiting_review(ex: impl Into<Ex<'_>>, scope: &Scope) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM teachers_title_applications a JOIN teachers_title_rounds r ON r.id = a.round_id \
         WHERE r.status = 'open' AND a.status = 'submitted'",
    );
    ex.into()
        .scalar(scope.restrict(q, "a.institution_id"))
        .await
}
