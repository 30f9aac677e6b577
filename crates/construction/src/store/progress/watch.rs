//! Active projects that need attention: when each last reported, and its
//! late phases.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use serde::Serialize;

use crate::domain::progress::ProjectId;
use crate::domain::Phase;

/// An active project with the date of its latest report, if any.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct LastReport {
    pub id: ProjectId,
    pub name: String,
    pub institution_name: Option<String>,
    pub last_report: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

pub async fn last_reports<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
) -> Result<Vec<LastReport>, DbError> {
    let q = Sql::new(
        "SELECT p.id, p.name, i.name AS institution_name, \
         (SELECT MAX(r.reported_on) FROM construction_progress_reports r WHERE r.project_id = p.id) AS last_report, \
         p.created_at FROM construction_projects p LEFT JOIN institutions i ON i.id = p.institution_id \
         WHERE p.status = 'active'",
    );
    ex.into()
        .fetch_all(scope.restrict(q, "p.institution_id").push(" ORDER BY p.id"))
        .await
}

/// A phase of an active project whose planned end passed unfinished.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct LatePhase {
    pub project_id: ProjectId,
    pub project_name: String,
    pub institution_name: Option<String>,
    pub phase: Phase,
    pub planned_end: NaiveDate,
}

/// Late phases on `today` (see `domain::progress::is_late`), the longest
/// overdue first.
pub async fn late_phases<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
) -> Result<Vec<LatePhase>, DbError> {
    let q = Sql::new(
        "SELECT p.id AS project_id, p.name AS project_name, i.name AS institution_name, ph.phase, ph.planned_end \
         FROM construction_phases ph JOIN construction_projects p ON p.id = ph.project_id \
         LEFT JOIN institutions i ON i.id = p.institution_id \
         WHERE p.status = 'active' AND ph.actual_end IS NULL AND ph.planned_end < ",
    )
    .bind(today);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "p.institution_id")
                .push(" ORDER BY ph.planned_end, p.id, ph.seq"),
        )
        .await
}
