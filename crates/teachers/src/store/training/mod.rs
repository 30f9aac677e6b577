//! 继续教育 records: training projects and their sessions (bureau-wide,
//! readable by every reader of the area), attendance of each institution's
//! staff (scoped), the compliance pass and the yearly totals.

pub mod attendance;
pub mod compliance;
pub mod staff_ref;
pub mod totals;

use chrono::NaiveDate;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::training::{ProjectId, SessionId};
use crate::domain::Level;

/// A training project (培训项目) with its sessions and 人次 counted.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Project {
    pub id: ProjectId,
    pub name: String,
    pub organiser: String,
    pub level: Level,
    pub year: i64,
    pub sessions: i64,
    /// 人次: attendances credited over all its sessions.
    pub person_times: i64,
}

const PROJECT: &str = "SELECT p.id, p.name, p.organiser, p.level, p.year, \
     (SELECT COUNT(*) FROM teachers_training_sessions s WHERE s.project_id = p.id) AS sessions, \
     (SELECT COUNT(*) FROM teachers_training_attendance a \
        JOIN teachers_training_sessions s ON s.id = a.session_id WHERE s.project_id = p.id) AS person_times \
     FROM teachers_training_projects p WHERE 1=1";

/// Projects of `year` (all years when none), newest first.
pub async fn projects(db: &Db, year: Option<i64>) -> Result<Vec<Project>, DbError> {
    let mut q = Sql::new(PROJECT);
    if let Some(y) = year {
        q = q.push(" AND p.year = ").bind(y);
    }
    db.fetch_all(q.push(" ORDER BY p.year DESC, p.id DESC"))
        .await
}

pub async fn project<'a>(ex: impl Into<Ex<'a>>, id: ProjectId) -> Result<Option<Project>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(PROJECT).push(" AND p.id = ").bind(id))
        .await
}

/// A project as it is created.
#[derive(Clone, Debug, serde::Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewProject {
    pub name: String,
    #[serde(default)]
    pub organiser: String,
    pub level: Level,
    pub year: i64,
}

pub async fn insert_project(tx: &mut Tx, p: &NewProject) -> Result<ProjectId, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO teachers_training_projects (name, organiser, level, year, created_at) VALUES (")
                .bind(p.name.as_str())
                .push(", ")
                .bind(p.organiser.as_str())
                .push(", ")
                .bind(p.level)
                .push(", ")
                .bind(p.year)
                .push(", ")
                .bind(platform::time::now())
                .push(") RETURNING id"),
        )
        .await?;
    Ok(ProjectId(id))
}

/// A session (培训场次) of a project, with the attendances credited.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Session {
    pub id: SessionId,
    pub project_id: ProjectId,
    pub project_name: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours: i64,
    pub places: Option<i64>,
    pub attended: i64,
}

const SESSION: &str = "SELECT s.id, s.project_id, p.name AS project_name, s.title, s.starts_on, \
     s.ends_on, s.hours, s.places, \
     (SELECT COUNT(*) FROM teachers_training_attendance a WHERE a.session_id = s.id) AS attended \
     FROM teachers_training_sessions s JOIN teachers_training_projects p ON p.id = s.project_id \
     WHERE 1=1";

pub async fn sessions(db: &Db, project: ProjectId) -> Result<Vec<Session>, DbError> {
    db.fetch_all(
        Sql::new(SESSION)
            .push(" AND s.project_id = ")
            .bind(project)
            .push(" ORDER BY s.starts_on, s.id"),
    )
    .await
}

pub async fn session<'a>(ex: impl Into<Ex<'a>>, id: SessionId) -> Result<Option<Session>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(SESSION).push(" AND s.id = ").bind(id))
        .await
}

/// A session as it is created.
#[derive(Clone, Debug, serde::Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewSession {
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub hours: i64,
    #[serde(default)]
    pub places: Option<i64>,
}

pub async fn insert_session(
    tx: &mut Tx,
    project: ProjectId,
    s: &NewSession,
) -> Result<SessionId, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO teachers_training_sessions (project_id, title, starts_on, ends_on, hours, places) VALUES (")
                .bind(project)
                .push(", ")
                .bind(s.title.as_str())
                .push(", ")
                .bind(s.starts_on)
                .push(", ")
                .bind(s.ends_on)
                .push(", ")
                .bind(s.hours)
                .push(", ")
                .bind(s.places)
                .push(") RETURNING id"),
        )
        .await?;
    Ok(SessionId(id))
}
