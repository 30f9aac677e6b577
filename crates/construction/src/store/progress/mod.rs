//! Storage of progress reports (形象进度) with photos, stalled and late
//! projects, and the figures of the start page and reports. Projects are
//! scoped by their institution (`p.institution_id`): a school sees the
//! projects at its own institution only.

pub mod overview;
pub mod photos;
pub mod reports;
pub mod watch;

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use serde::Serialize;

use crate::domain::progress::ProjectId;
use crate::domain::{ProjectKind, ProjectStatus};

/// A project as the progress pages name it.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ProjectRef {
    pub id: ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub institution_id: Option<i64>,
    pub institution_name: Option<String>,
    pub township_name: String,
    pub year: i64,
    pub created_at: DateTime<Utc>,
}

const PROJECT: &str = "SELECT p.id, p.name, p.kind, p.status, p.institution_id, i.name AS institution_name, \
     t.name AS township_name, p.year, p.created_at FROM construction_projects p \
     LEFT JOIN institutions i ON i.id = p.institution_id JOIN townships t ON t.id = p.township_id WHERE 1=1";

/// A project the caller may see.
pub async fn project<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: ProjectId,
) -> Result<Option<ProjectRef>, DbError> {
    let q = scope.restrict(
        Sql::new(PROJECT).push(" AND p.id = ").bind(id),
        "p.institution_id",
    );
    ex.into().fetch_optional(q).await
}
