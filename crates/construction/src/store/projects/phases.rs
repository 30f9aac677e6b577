//! The seven phases of each project (construction_phases) and their dates.

use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::projects::{PhaseDates, ProjectId};
use crate::domain::Phase;

/// One phase of a project with its dates.
#[derive(Clone, Copy, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct PhaseRow {
    pub phase: Phase,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub dates: PhaseDates,
}

/// The project's phases in order.
pub async fn phases<'a>(
    ex: impl Into<Ex<'a>>,
    project: ProjectId,
) -> Result<Vec<PhaseRow>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT phase, planned_start, planned_end, actual_start, actual_end \
                 FROM construction_phases WHERE project_id = $1 ORDER BY seq",
            )
            .arg(project),
        )
        .await
}

/// The seven phases of a new project, without dates.
pub(super) async fn insert_all(tx: &mut Tx, project: ProjectId) -> Result<(), DbError> {
    let mut q = Sql::new("INSERT INTO construction_phases (project_id, phase, seq) VALUES ");
    for (i, p) in Phase::ALL.iter().enumerate() {
        if i > 0 {
            q = q.push(", ");
        }
        q = q
            .push("(")
            .bind(project)
            .push(", ")
            .bind(*p)
            .push(", ")
            .bind(p.seq())
            .push(")");
    }
    tx.execute(q).await?;
    Ok(())
}

pub async fn set_dates(
    tx: &mut Tx,
    project: ProjectId,
    phase: Phase,
    d: &PhaseDates,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "UPDATE construction_phases SET planned_start = $1, planned_end = $2, \
             actual_start = $3, actual_end = $4 WHERE project_id = $5 AND phase = $6",
        )
        .arg(d.planned_start)
        .arg(d.planned_end)
        .arg(d.actual_start)
        .arg(d.actual_end)
        .arg(project)
        .arg(phase),
    )
    .await?;
    Ok(())
}
