//! Storage of the network: the community college and schools (institutions
//! of category 932), their teaching points (教学点) and standardisation
//! history. Reads take the caller's `Scope`.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::network::{
    PointStatus, StandardDraft, StandardStatus, TeachingPointDraft, TeachingPointId,
};

/// The registry's code of community schools and colleges (社区学校/学院).
pub const COMMUNITY_TYPE: &str = "932";

/// A teaching point as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TeachingPoint {
    pub id: TeachingPointId,
    pub institution_id: i64,
    pub institution_name: String,
    pub name: String,
    pub township_id: i64,
    pub township_name: String,
    pub community: String,
    pub address: String,
    pub status: PointStatus,
}

/// A community school of the network with its latest standardisation
/// assessment and its teaching points.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct School {
    pub institution_id: i64,
    pub name: String,
    pub township_id: i64,
    pub township_name: String,
    pub standard: Option<StandardStatus>,
    pub standard_year: Option<i64>,
    pub standard_note: Option<String>,
    pub points: i64,
}

/// The latest assessment of each institution: highest year, then id.
const LATEST: &str = "s.id = (SELECT s2.id FROM community_standardisation s2 \
     WHERE s2.institution_id = s.institution_id ORDER BY s2.year DESC, s2.id DESC LIMIT 1)";

pub async fn insert_point(
    tx: &mut Tx,
    institution_id: i64,
    d: &TeachingPointDraft,
) -> Result<TeachingPointId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO community_teaching_points (institution_id, name, township_id, community, \
         address, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.name.as_str())
    .arg(d.township_id)
    .arg(d.community.as_str())
    .arg(d.address.as_str())
    .arg(d.status)
    .arg(now)
    .arg(now);
    Ok(TeachingPointId(tx.scalar(q).await?))
}

const POINT_SELECT: &str = "SELECT p.id, p.institution_id, i.name AS institution_name, p.name, \
     p.township_id, t.name AS township_name, p.community, p.address, p.status \
     FROM community_teaching_points p JOIN institutions i ON i.id = p.institution_id \
     JOIN townships t ON t.id = p.township_id WHERE 1=1";

/// The teaching points in scope (of one township if given).
pub async fn points<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    township: Option<i64>,
) -> Result<Vec<TeachingPoint>, DbError> {
    let mut q = Sql::new(POINT_SELECT);
    if let Some(t) = township {
        q = q.push(" AND p.township_id = ").bind(t);
    }
    let q = scope
        .restrict(q, "p.institution_id")
        .push(" ORDER BY t.code, i.name, p.name")
        .limit(2000, 0);
    ex.into().fetch_all(q).await
}

/// One teaching point, if the scope sees it.
pub async fn point<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: TeachingPointId,
) -> Result<Option<TeachingPoint>, DbError> {
    let q = scope.restrict(
        Sql::new(POINT_SELECT).push(" AND p.id = ").bind(id),
        "p.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Whether an institution is a community school or college of the registry.
pub async fn is_community_school<'a>(
    ex: impl Into<Ex<'a>>,
    institution_id: i64,
) -> Result<bool, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM institutions WHERE id = ")
        .bind(institution_id)
        .push(" AND school_type = ")
        .bind(COMMUNITY_TYPE);
    Ok(ex.into().scalar(q).await? > 0)
}

/// The community schools in scope with their latest assessment and points.
pub async fn schools<'a>(ex: impl Into<Ex<'a>>, scope: &Scope) -> Result<Vec<School>, DbError> {
    let q = Sql::new(format!(
        "SELECT i.id AS institution_id, i.name, t.id AS township_id, t.name AS township_name, \
         s.status AS standard, s.year AS standard_year, s.note AS standard_note, \
         (SELECT COUNT(*) FROM community_teaching_points p WHERE p.institution_id = i.id \
          AND p.status = 'active') AS points \
         FROM institutions i JOIN townships t ON t.id = i.township_id \
         LEFT JOIN community_standardisation s ON s.institution_id = i.id AND {LATEST} \
         WHERE i.status = 'active' AND i.school_type = "
    ))
    .bind(COMMUNITY_TYPE);
    let q = scope.restrict(q, "i.id").push(" ORDER BY t.code, i.name");
    ex.into().fetch_all(q).await
}

/// An institution's latest assessment (status, year).
pub async fn latest_standard(
    tx: &mut Tx,
    institution_id: i64,
) -> Result<Option<(StandardStatus, i64)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        status: StandardStatus,
        year: i64,
    }
    let q = Sql::new(format!(
        "SELECT s.status, s.year FROM community_standardisation s WHERE s.institution_id = $1 AND {LATEST}"
    ))
    .arg(institution_id);
    let row: Option<Row> = tx.fetch_optional(q).await?;
    Ok(row.map(|r| (r.status, r.year)))
}

pub async fn insert_standard(
    tx: &mut Tx,
    institution_id: i64,
    d: &StandardDraft,
    by: Option<i64>,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO community_standardisation (institution_id, status, year, note, recorded_at, \
         recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.status)
    .arg(d.year)
    .arg(d.note.as_str())
    .arg(platform::time::now())
    .arg(by);
    tx.scalar(q).await
}

/// The townships of the district, for forms: (id, name).
pub async fn townships<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, String)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        name: String,
    }
    let rows: Vec<Row> = ex
        .into()
        .fetch_all(Sql::new("SELECT id, name FROM townships ORDER BY code"))
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}
