//! Starting a 危房改造 project from the 危房 list: the project row and its
//! seven phases, as the projects part keeps them (0700), and the link from
//! the building.

use platform::db::{DbError, Sql, Tx};

use super::buildings::{link_project, Building};
use crate::domain::{Phase, ProjectKind, ProjectStatus};

/// The project as started: named after the building, in the building's
/// institution and township, this year, planned to rebuild and remove the
/// building's area.
pub async fn start(tx: &mut Tx, b: &Building, year: i64, name: &str) -> Result<i64, DbError> {
    let now = platform::time::now();
    let id = tx
        .scalar(
            Sql::new(
                "INSERT INTO construction_projects (name, kind, institution_id, township_id, year, \
                 planned_floor_area, dangerous_area_removed, status, created_at, updated_at) VALUES (",
            )
            .bind(name)
            .push(", ")
            .bind(ProjectKind::DangerousRebuild)
            .push(", ")
            .bind(b.institution_id)
            .push(", ")
            .bind(b.township_id)
            .push(", ")
            .bind(year)
            .push(", ")
            .bind(b.floor_area)
            .push(", ")
            .bind(b.floor_area)
            .push(", ")
            .bind(ProjectStatus::Active)
            .push(", ")
            .bind(now)
            .push(", ")
            .bind(now)
            .push(") RETURNING id"),
        )
        .await?;
    for phase in Phase::ALL {
        tx.execute(
            Sql::new("INSERT INTO construction_phases (project_id, phase, seq) VALUES (")
                .bind(id)
                .push(", ")
                .bind(*phase)
                .push(", ")
                .bind(phase.seq())
                .push(")"),
        )
        .await?;
    }
    link_project(tx, b.id, id).await?;
    Ok(id)
}
