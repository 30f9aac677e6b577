//! Storage of construction projects: the projects, their phases, their
//! funding (budget, contracts, payments) and the timeline's rows. Reads
//! take the caller's `Scope`: a school sees the projects at its own
//! institution; projects without one are the bureau's alone.

mod funding;
mod phases;
mod timeline;

pub use funding::*;
pub use phases::*;
pub use timeline::*;

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx, Updated};
use serde::{Deserialize, Serialize};

use crate::domain::projects::{NewProject, ProjectId};
use crate::domain::{Phase, ProjectKind, ProjectStatus};

/// A project as lists and pages show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Project {
    pub id: ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub institution_id: Option<i64>,
    pub institution_name: Option<String>,
    pub township_id: i64,
    pub township_name: String,
    pub year: i64,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
    pub status: ProjectStatus,
    pub responsible_person: String,
    pub note: String,
    pub school_name: String,
    pub school_type: String,
    pub school_code: String,
    /// The last phase that has started.
    pub current_phase: Option<Phase>,
    /// Phases whose planned end has passed without an actual end.
    pub late_phases: i64,
    pub version: i64,
}

impl Project {
    /// Where the project is: its institution, or the new school's name.
    pub fn place(&self) -> &str {
        self.institution_name
            .as_deref()
            .unwrap_or(&self.school_name)
    }
}

/// Filters of the project list and the timeline; empty means all.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ProjectFilter {
    #[serde(deserialize_with = "blank_or")]
    #[param(value_type = Option<String>)]
    pub kind: Option<ProjectKind>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub year: Option<i64>,
    #[serde(deserialize_with = "blank_or")]
    #[param(value_type = Option<String>)]
    pub status: Option<ProjectStatus>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

/// A code from a query string, where a blank value (a select left on
/// "全部") means no filter.
fn blank_or<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: platform::text_enum::TextEnum,
{
    let v: Option<String> = Option::deserialize(d)?;
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => T::parse(v)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("“{v}”不是有效的选项"))),
    }
}

impl ProjectFilter {
    /// ` AND …` for each filter set, on projects aliased `p`.
    pub(crate) fn apply(&self, mut q: Sql) -> Sql {
        if let Some(k) = self.kind {
            q = q.push(" AND p.kind = ").bind(k);
        }
        if let Some(y) = self.year {
            q = q.push(" AND p.year = ").bind(y);
        }
        if let Some(s) = self.status {
            q = q.push(" AND p.status = ").bind(s);
        }
        if let Some(t) = self.township_id {
            q = q.push(" AND p.township_id = ").bind(t);
        }
        q
    }
}

fn select(today: NaiveDate) -> Sql {
    Sql::new(
        "SELECT p.id, p.name, p.kind, p.institution_id, i.name AS institution_name, p.township_id, \
         t.name AS township_name, p.year, p.planned_floor_area, p.dangerous_area_removed, p.status, \
         p.responsible_person, p.note, p.school_name, p.school_type, p.school_code, \
         (SELECT f.phase FROM construction_phases f WHERE f.project_id = p.id \
           AND f.actual_start IS NOT NULL ORDER BY f.seq DESC LIMIT 1) AS current_phase, \
         (SELECT COUNT(*) FROM construction_phases f WHERE f.project_id = p.id \
           AND f.actual_end IS NULL AND f.planned_end < ",
    )
    .bind(today)
    .push(
        ") AS late_phases, p.version \
         FROM construction_projects p LEFT JOIN institutions i ON i.id = p.institution_id \
         JOIN townships t ON t.id = p.township_id WHERE 1=1",
    )
}

/// One page of the projects in scope that pass `filter`, newest year first.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    filter: &ProjectFilter,
    today: NaiveDate,
    limit: i64,
    offset: i64,
) -> Result<Vec<Project>, DbError> {
    let q = filter.apply(scope.restrict(select(today), "p.institution_id"));
    ex.into()
        .fetch_all(
            q.push(" ORDER BY p.year DESC, p.kind, p.name, p.id")
                .limit(limit, offset),
        )
        .await
}

/// How many projects in scope pass `filter`.
pub async fn count<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    filter: &ProjectFilter,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM construction_projects p WHERE 1=1");
    ex.into()
        .scalar(filter.apply(scope.restrict(q, "p.institution_id")))
        .await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: ProjectId,
    today: NaiveDate,
) -> Result<Option<Project>, DbError> {
    let q = scope.restrict(
        select(today).push(" AND p.id = ").bind(id),
        "p.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// `p`'s columns, bound as $1–$12 in the order insert and update name them.
fn bind(q: Sql, p: &NewProject, township: i64) -> Sql {
    q.arg(p.name.as_str())
        .arg(p.kind)
        .arg(p.institution_id)
        .arg(township)
        .arg(p.year)
        .arg(p.planned_floor_area)
        .arg(p.dangerous_area_removed)
        .arg(p.responsible_person.as_str())
        .arg(p.note.as_str())
        .arg(p.school_name.as_str())
        .arg(p.school_type.as_str())
        .arg(p.school_code.as_str())
}

/// Inserts a project in `township` with its seven phases, without dates.
pub async fn insert(tx: &mut Tx, p: &NewProject, township: i64) -> Result<ProjectId, DbError> {
    let q = Sql::new(
        "INSERT INTO construction_projects (name, kind, institution_id, township_id, year, \
         planned_floor_area, dangerous_area_removed, responsible_person, note, school_name, \
         school_type, school_code, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, \
         $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
    );
    let id = tx
        .scalar(bind(q, p, township).arg(platform::time::now()))
        .await?;
    let id = ProjectId(id);
    phases::insert_all(tx, id).await?;
    Ok(id)
}

/// Saves an edit made on top of `version`.
pub async fn update(
    tx: &mut Tx,
    id: ProjectId,
    version: i64,
    p: &NewProject,
    township: i64,
) -> Result<Updated, DbError> {
    let q = Sql::new(
        "UPDATE construction_projects SET name = $1, kind = $2, institution_id = $3, \
         township_id = $4, year = $5, planned_floor_area = $6, dangerous_area_removed = $7, \
         responsible_person = $8, note = $9, school_name = $10, school_type = $11, \
         school_code = $12, version = version + 1, updated_at = $13 WHERE id = $14 \
         AND version = $15",
    );
    let q = bind(q, p, township)
        .arg(platform::time::now())
        .arg(id)
        .arg(version);
    Ok(Updated::from_rows(tx.execute(q).await?))
}

/// Links a delivered new school to its project and marks the project done.
pub async fn deliver(tx: &mut Tx, id: ProjectId, institution: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "UPDATE construction_projects SET institution_id = $1, status = 'completed', \
             version = version + 1, updated_at = $2 WHERE id = $3",
        )
        .arg(institution)
        .arg(platform::time::now())
        .arg(id),
    )
    .await?;
    Ok(())
}

/// Sets the project's status (completed when its last phase ends).
pub async fn set_status(tx: &mut Tx, id: ProjectId, status: ProjectStatus) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE construction_projects SET status = $1, updated_at = $2 WHERE id = $3")
            .arg(status)
            .arg(platform::time::now())
            .arg(id),
    )
    .await?;
    Ok(())
}

/// The township of an institution, if it exists.
pub async fn township_of(tx: &mut Tx, institution: i64) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> = tx
        .fetch_optional(
            Sql::new("SELECT township_id FROM institutions WHERE id = $1").arg(institution),
        )
        .await?;
    Ok(row.map(|(t,)| t))
}

/// Institutions to pick a project's place from: (id, name).
pub async fn institution_choices<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, String)>, DbError> {
    ex.into()
        .fetch_all(Sql::new(
            "SELECT id, name FROM institutions WHERE status <> 'closed' ORDER BY name",
        ))
        .await
}
