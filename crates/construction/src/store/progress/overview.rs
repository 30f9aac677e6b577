//! The figures of the start page and the reports: projects by kind and
//! status, the project table with each project's latest 形象进度, totals by
//! kind and township, and the latest reports.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use serde::Serialize;

use crate::domain::progress::{ProjectId, ReportId, Tenths};
use crate::domain::projects::FundingSource;
use crate::domain::{ProjectKind, ProjectStatus};

/// How many projects of a kind have a status.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct KindStatusCount {
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub projects: i64,
}

pub async fn by_kind_and_status<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<KindStatusCount>, DbError> {
    let q = scope.restrict(
        Sql::new(
            "SELECT p.kind, p.status, COUNT(*) AS projects FROM construction_projects p WHERE 1=1",
        ),
        "p.institution_id",
    );
    ex.into()
        .fetch_all(q.push(" GROUP BY p.kind, p.status"))
        .await
}

/// A line of the project table (项目一览表).
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ProjectLine {
    pub id: ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub year: i64,
    pub institution_name: Option<String>,
    pub township_name: String,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
    /// The latest report's overall 形象进度, tenths of a percent.
    #[schema(value_type = Option<i64>)]
    pub latest_overall: Option<Tenths>,
    pub latest_on: Option<NaiveDate>,
}

const LATEST: &str = "(SELECT r.overall FROM construction_progress_reports r WHERE r.project_id = p.id \
     ORDER BY r.reported_on DESC, r.id DESC LIMIT 1) AS latest_overall, \
     (SELECT MAX(r.reported_on) FROM construction_progress_reports r WHERE r.project_id = p.id) AS latest_on";

pub async fn project_table<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<ProjectLine>, DbError> {
    let q = Sql::new(format!(
        "SELECT p.id, p.name, p.kind, p.status, p.year, i.name AS institution_name, t.name AS township_name, \
         p.planned_floor_area, p.dangerous_area_removed, {LATEST} FROM construction_projects p \
         LEFT JOIN institutions i ON i.id = p.institution_id JOIN townships t ON t.id = p.township_id WHERE 1=1"
    ));
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" ORDER BY p.year DESC, t.code, p.name, p.id"),
        )
        .await
}

/// Projects and their areas for one group (a kind or a township).
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Totals {
    /// The kind's key or the township's name.
    pub group: String,
    pub projects: i64,
    pub active: i64,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
}

const TOTALS: &str = "COUNT(*) AS projects, \
     CAST(COALESCE(SUM(CASE WHEN p.status = 'active' THEN 1 ELSE 0 END), 0) AS BIGINT) AS active, \
     CAST(COALESCE(SUM(p.planned_floor_area), 0) AS BIGINT) AS planned_floor_area, \
     CAST(COALESCE(SUM(p.dangerous_area_removed), 0) AS BIGINT) AS dangerous_area_removed";

pub async fn totals_by_kind<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<Totals>, DbError> {
    let q = Sql::new(format!(
        "SELECT p.kind AS \"group\", {TOTALS} FROM construction_projects p WHERE 1=1"
    ));
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" GROUP BY p.kind ORDER BY p.kind"),
        )
        .await
}

pub async fn totals_by_township<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<Totals>, DbError> {
    let q = Sql::new(format!(
        "SELECT t.name AS \"group\", {TOTALS} FROM construction_projects p \
         JOIN townships t ON t.id = p.township_id WHERE 1=1"
    ));
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" GROUP BY t.id, t.name, t.code ORDER BY t.code"),
        )
        .await
}

/// A report in the list of the latest ones.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct LatestReport {
    pub id: ReportId,
    pub project_id: ProjectId,
    pub project_name: String,
    pub reported_on: NaiveDate,
    #[schema(value_type = i64)]
    pub overall: Tenths,
    pub notes: String,
}

pub async fn latest_reports<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    limit: i64,
) -> Result<Vec<LatestReport>, DbError> {
    let q = Sql::new(
        "SELECT r.id, r.project_id, p.name AS project_name, r.reported_on, r.overall, r.notes \
         FROM construction_progress_reports r JOIN construction_projects p ON p.id = r.project_id WHERE 1=1",
    );
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" ORDER BY r.reported_on DESC, r.id DESC")
                .limit(limit, 0),
        )
        .await
}

/// The budget of one funding source: how many projects it funds and how
/// much (元), over the projects in scope (cancelled ones left out).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct FundingTotals {
    pub source: FundingSource,
    pub projects: i64,
    pub amount: i64,
}

pub async fn totals_by_funding_source<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<FundingTotals>, DbError> {
    let q = Sql::new(
        "SELECT b.source, COUNT(DISTINCT b.project_id) AS projects, \
         CAST(COALESCE(SUM(b.amount), 0) AS BIGINT) AS amount \
         FROM construction_budget_lines b JOIN construction_projects p ON p.id = b.project_id \
         WHERE p.status <> 'cancelled'",
    );
    let mut rows: Vec<FundingTotals> = ex
        .into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" GROUP BY b.source"),
        )
        .await?;
    rows.sort_by_key(|r| FundingSource::ALL.iter().position(|s| *s == r.source));
    Ok(rows)
}
