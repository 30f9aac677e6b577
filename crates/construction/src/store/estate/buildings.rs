//! 校舍 rows, the filters of the list (the 危房 list among them) and the
//! 危房 area by township.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Arg, Db, DbError, Ex, Sql, Tx};
use platform::web::forms::empty_as_none;
use serde::{Deserialize, Serialize};

use super::and_eq;
use crate::domain::estate::{
    overdue_cutoff, BuildingId, BuildingInput, BuildingUse, CertificateStatus, SafetyGrade,
    Structure,
};
use crate::domain::ProjectStatus;

/// A building with its institution, township and covering project.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Building {
    pub id: BuildingId,
    pub institution_id: i64,
    pub institution_name: String,
    pub township_id: i64,
    pub township_name: String,
    pub name: String,
    pub floor_area: i64,
    pub year_built: Option<i64>,
    pub structure: Structure,
    pub floors: i64,
    pub purpose: BuildingUse,
    pub grade: Option<SafetyGrade>,
    pub appraised_on: Option<NaiveDate>,
    pub certificate: CertificateStatus,
    pub certificate_no: String,
    /// The 危房改造 project that covers the building, if any.
    pub project_id: Option<i64>,
    pub project_name: Option<String>,
    pub project_status: Option<ProjectStatus>,
    pub note: String,
    pub version: i64,
}

const BUILDING: &str = "SELECT b.id, b.institution_id, i.name AS institution_name, i.township_id, \
     t.name AS township_name, b.name, b.floor_area, b.year_built, b.structure, b.floors, b.purpose, \
     b.grade, b.appraised_on, b.certificate, b.certificate_no, b.project_id, p.name AS project_name, \
     p.status AS project_status, b.note, b.version \
     FROM construction_buildings b JOIN institutions i ON i.id = b.institution_id \
     JOIN townships t ON t.id = i.township_id \
     LEFT JOIN construction_projects p ON p.id = b.project_id WHERE 1=1";

/// The list's filters (query string of the page and the API).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct BuildingFilter {
    #[serde(deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    #[serde(deserialize_with = "empty_as_none")]
    pub township_id: Option<i64>,
    /// A, B, C or D (D: the 危房 list).
    pub grade: Option<String>,
    pub purpose: Option<String>,
    pub certificate: Option<String>,
    /// D级 buildings no 危房改造 project covers yet.
    pub uncovered: Option<bool>,
    /// Buildings whose appraisal is overdue (never appraised, or C/D级 not
    /// re-appraised within a year).
    pub overdue: Option<bool>,
    /// Part of the building's or institution's name.
    pub q: Option<String>,
    #[serde(deserialize_with = "empty_as_none")]
    pub page: Option<i64>,
}

fn filtered(select: &str, scope: &Scope, f: &BuildingFilter, today: NaiveDate) -> Sql {
    let mut q = scope.restrict(Sql::new(select), "b.institution_id");
    q = and_eq(q, "b.institution_id", f.institution_id);
    q = and_eq(q, "i.township_id", f.township_id);
    let grade = f.grade.as_deref().and_then(SafetyGrade::parse);
    q = and_eq(q, "b.grade", grade);
    q = and_eq(
        q,
        "b.purpose",
        f.purpose.as_deref().and_then(BuildingUse::parse),
    );
    let cert = f.certificate.as_deref().and_then(CertificateStatus::parse);
    q = and_eq(q, "b.certificate", cert);
    if f.uncovered == Some(true) {
        q = q
            .push(" AND b.grade = ")
            .bind(SafetyGrade::D)
            .push(" AND b.project_id IS NULL");
    }
    if f.overdue == Some(true) {
        q = overdue(q, today);
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
        q = q.and_any_contains(&["b.name", "i.name"], text.trim());
    }
    q
}

/// ` AND` the appraisal is overdue on `today` (see `appraisal_overdue`).
fn overdue(q: Sql, today: NaiveDate) -> Sql {
    q.push(" AND (b.grade IS NULL OR (b.grade IN ('C', 'D') AND b.appraised_on < ")
        .bind(overdue_cutoff(today))
        .push("))")
}

pub async fn list(
    db: &Db,
    scope: &Scope,
    f: &BuildingFilter,
    today: NaiveDate,
    limit: i64,
    offset: i64,
) -> Result<Vec<Building>, DbError> {
    let q = filtered(BUILDING, scope, f, today)
        .push(" ORDER BY t.code, i.name, b.name, b.id")
        .limit(limit, offset);
    db.fetch_all(q).await
}

/// How many buildings and how many square metres the filter finds.
#[derive(Clone, Copy, Debug, Default, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Totals {
    pub buildings: i64,
    pub floor_area: i64,
}

pub async fn totals(
    db: &Db,
    scope: &Scope,
    f: &BuildingFilter,
    today: NaiveDate,
) -> Result<Totals, DbError> {
    let select = "SELECT COUNT(*) AS buildings, CAST(COALESCE(SUM(b.floor_area), 0) AS BIGINT) AS floor_area \
         FROM construction_buildings b JOIN institutions i ON i.id = b.institution_id WHERE 1=1";
    db.fetch_one(filtered(select, scope, f, today)).await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: BuildingId,
) -> Result<Option<Building>, DbError> {
    let q = scope.restrict(
        Sql::new(BUILDING).push(" AND b.id = ").bind(id),
        "b.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The columns a form writes, with their values.
fn columns(b: &BuildingInput) -> [(&'static str, Arg); 11] {
    [
        ("name", b.name.as_str().into()),
        ("floor_area", b.floor_area.into()),
        ("year_built", b.year_built.into()),
        ("structure", b.structure.into()),
        ("floors", b.floors.into()),
        ("purpose", b.purpose.into()),
        ("grade", b.grade.map(SafetyGrade::as_str).into()),
        ("appraised_on", b.appraised_on.into()),
        ("certificate", b.certificate.into()),
        ("certificate_no", b.certificate_no.as_str().into()),
        ("note", b.note.as_str().into()),
    ]
}

pub async fn insert(
    tx: &mut Tx,
    institution_id: i64,
    b: &BuildingInput,
) -> Result<BuildingId, DbError> {
    let now = platform::time::now();
    let cols = columns(b);
    let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
    let mut q = Sql::new(format!(
        "INSERT INTO construction_buildings (institution_id, {}, created_at, updated_at) VALUES (",
        names.join(", ")
    ))
    .bind(institution_id);
    for (_, v) in cols {
        q = q.push(", ").bind(v);
    }
    let q = q
        .push(", ")
        .bind(now)
        .push(", ")
        .bind(now)
        .push(") RETURNING id");
    Ok(BuildingId(tx.scalar(q).await?))
}

/// Updates the building at `version`; false when someone changed it first.
pub async fn update(
    tx: &mut Tx,
    id: BuildingId,
    version: i64,
    b: &BuildingInput,
) -> Result<bool, DbError> {
    let mut q = Sql::new("UPDATE construction_buildings SET version = version + 1, updated_at = ")
        .bind(platform::time::now());
    for (c, v) in columns(b) {
        q = q.push(", ").push(c).push(" = ").bind(v);
    }
    let q = q
        .push(" WHERE id = ")
        .bind(id)
        .push(" AND version = ")
        .bind(version);
    Ok(tx.execute(q).await? == 1)
}

/// Links the building to the project that rebuilds it.
pub async fn link_project(tx: &mut Tx, id: BuildingId, project_id: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE construction_buildings SET version = version + 1, project_id = ")
            .bind(project_id)
            .push(", updated_at = ")
            .bind(platform::time::now())
            .push(" WHERE id = ")
            .bind(id),
    )
    .await?;
    Ok(())
}

/// 危房 (D级) by township: buildings, area, and the area a project covers.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TownshipDanger {
    pub township_id: i64,
    pub township_name: String,
    pub buildings: i64,
    pub floor_area: i64,
    pub covered_area: i64,
}

pub async fn dangerous_by_township(db: &Db, scope: &Scope) -> Result<Vec<TownshipDanger>, DbError> {
    let q = Sql::new(
        "SELECT t.id AS township_id, t.name AS township_name, COUNT(*) AS buildings, \
         CAST(SUM(b.floor_area) AS BIGINT) AS floor_area, \
         CAST(COALESCE(SUM(CASE WHEN b.project_id IS NULL THEN 0 ELSE b.floor_area END), 0) AS BIGINT) AS covered_area \
         FROM construction_buildings b JOIN institutions i ON i.id = b.institution_id \
         JOIN townships t ON t.id = i.township_id WHERE b.grade = ",
    )
    .bind(SafetyGrade::D);
    let q = scope
        .restrict(q, "b.institution_id")
        .push(" GROUP BY t.id, t.name, t.code ORDER BY t.code");
    db.fetch_all(q).await
}

/// How many buildings the filter finds (for the inbox).
pub async fn count(
    db: &Db,
    scope: &Scope,
    f: &BuildingFilter,
    today: NaiveDate,
) -> Result<i64, DbError> {
    Ok(totals(db, scope, f, today).await?.buildings)
}

/// (institution, name) of every building in `scope`: the import's check for
/// names already taken.
pub async fn names(db: &Db, scope: &Scope) -> Result<Vec<(i64, String)>, DbError> {
    let q = scope.restrict(
        Sql::new("SELECT b.institution_id, b.name FROM construction_buildings b WHERE 1=1"),
        "b.institution_id",
    );
    db.fetch_all(q).await
}

/// The district's townships (id, name), for the list's filter.
pub async fn townships(db: &Db) -> Result<Vec<(i64, String)>, DbError> {
    db.fetch_all(Sql::new("SELECT id, name FROM townships ORDER BY code"))
        .await
}
