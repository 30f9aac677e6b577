//! The timeline's rows: every phase of every project in scope, in one query.

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use super::{PhaseRow, ProjectFilter};
use crate::domain::projects::ProjectId;
use crate::domain::ProjectKind;

/// One phase of one project, with what the timeline labels the project by.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TimelineRow {
    pub id: ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub year: i64,
    pub place: String,
    #[sqlx(flatten)]
    pub phase: PhaseRow,
}

/// The phases of the projects in scope that pass `filter` (paging ignored),
/// by year, project and phase.
pub async fn timeline(
    db: &Db,
    scope: &Scope,
    filter: &ProjectFilter,
) -> Result<Vec<TimelineRow>, DbError> {
    let q = Sql::new(
        "SELECT p.id, p.name, p.kind, p.year, COALESCE(i.name, p.school_name) AS place, \
         f.phase, f.planned_start, f.planned_end, f.actual_start, f.actual_end \
         FROM construction_projects p JOIN construction_phases f ON f.project_id = p.id \
         LEFT JOIN institutions i ON i.id = p.institution_id WHERE p.status <> 'cancelled'",
    );
    let q = filter.apply(scope.restrict(q, "p.institution_id"));
    db.fetch_all(q.push(" ORDER BY p.year, p.id, f.seq")).await
}
