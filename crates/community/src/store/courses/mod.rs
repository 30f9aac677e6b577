//! Storage of courses (课程), the teachers' pool (师资库), sessions (班次)
//! with their meetings, enrolments, attendance, the credit ledger and
//! certificates. Every read of a school's records takes the caller's
//! `Scope`. Counters stored as INTEGER are read as BIGINT on both backends.

pub mod attendance;
pub mod credits;
pub mod sessions;

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::courses::{
    CourseDraft, CourseId, CourseKind, Engagement, TeacherDraft, TeacherId, TeacherStatus,
};

/// Most rows a list shows.
pub const LIST_LIMIT: i64 = 500;

/// A course as lists show it, with how many sessions it has run.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Course {
    pub id: CourseId,
    pub institution_id: i64,
    pub institution_name: String,
    pub title: String,
    pub kind: CourseKind,
    pub description: String,
    pub hours_per_session: i64,
    pub status: String,
    pub sessions: i64,
}

/// A teacher of the pool. `phone` arrives masked from the service.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Teacher {
    pub id: TeacherId,
    pub institution_id: i64,
    pub institution_name: String,
    pub name: String,
    pub phone: String,
    pub speciality: String,
    pub engagement: Engagement,
    pub status: TeacherStatus,
}

pub async fn insert_course(
    tx: &mut Tx,
    institution_id: i64,
    d: &CourseDraft,
) -> Result<CourseId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO community_courses (institution_id, title, kind, description, hours_per_session, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.title.as_str())
    .arg(d.kind)
    .arg(d.description.as_str())
    .arg(d.hours_per_session)
    .arg(now)
    .arg(now);
    Ok(CourseId(tx.scalar(q).await?))
}

const COURSE_COLUMNS: &str =
    "SELECT c.id, c.institution_id, i.name AS institution_name, c.title, c.kind, \
     c.description, CAST(c.hours_per_session AS BIGINT) AS hours_per_session, c.status, \
     (SELECT COUNT(*) FROM community_sessions s WHERE s.course_id = c.id) AS sessions \
     FROM community_courses c JOIN institutions i ON i.id = c.institution_id WHERE 1=1";

/// The courses in scope (of one school if given), by school and title.
pub async fn courses<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: Option<i64>,
) -> Result<Vec<Course>, DbError> {
    let mut q = Sql::new(COURSE_COLUMNS);
    if let Some(id) = institution {
        q = q.push(" AND c.institution_id = ").bind(id);
    }
    let q = scope
        .restrict(q, "c.institution_id")
        .push(" ORDER BY i.name, c.title, c.id")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One course, if the scope sees it.
pub async fn course<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: CourseId,
) -> Result<Option<Course>, DbError> {
    let q = scope.restrict(
        Sql::new(COURSE_COLUMNS).push(" AND c.id = ").bind(id),
        "c.institution_id",
    );
    ex.into().fetch_optional(q).await
}

pub async fn insert_teacher(
    tx: &mut Tx,
    institution_id: i64,
    d: &TeacherDraft,
) -> Result<TeacherId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO community_teachers (institution_id, name, phone, speciality, engagement, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.name.as_str())
    .arg(d.phone.as_str())
    .arg(d.speciality.as_str())
    .arg(d.engagement)
    .arg(now)
    .arg(now);
    Ok(TeacherId(tx.scalar(q).await?))
}

const TEACHER_COLUMNS: &str =
    "SELECT t.id, t.institution_id, i.name AS institution_name, t.name, t.phone, \
     t.speciality, t.engagement, t.status FROM community_teachers t \
     JOIN institutions i ON i.id = t.institution_id WHERE 1=1";

/// The teachers' pool in scope, by school and name.
pub async fn teachers<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: Option<i64>,
) -> Result<Vec<Teacher>, DbError> {
    let mut q = Sql::new(TEACHER_COLUMNS);
    if let Some(id) = institution {
        q = q.push(" AND t.institution_id = ").bind(id);
    }
    let q = scope
        .restrict(q, "t.institution_id")
        .push(" ORDER BY i.name, t.name, t.id")
        .limit(LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One teacher, if the scope sees it.
pub async fn teacher<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: TeacherId,
) -> Result<Option<Teacher>, DbError> {
    let q = scope.restrict(
        Sql::new(TEACHER_COLUMNS).push(" AND t.id = ").bind(id),
        "t.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// The community schools and colleges (社区学校/社区学院) running, with
/// their township: (id, township id), by id.
pub async fn community_schools<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, i64)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        township_id: i64,
    }
    let q = Sql::new(
        "SELECT id, township_id FROM institutions WHERE school_type = '932' AND status = 'active' \
         AND (name LIKE '%社区学校' OR name LIKE '%社区学院') ORDER BY id",
    );
    let rows: Vec<Row> = ex.into().fetch_all(q).await?;
    Ok(rows.into_iter().map(|r| (r.id, r.township_id)).collect())
}

/// Every active learning card: (id, township id, online), by id.
pub async fn active_cards<'a>(ex: impl Into<Ex<'a>>) -> Result<Vec<(i64, i64, bool)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        township_id: i64,
        online: bool,
    }
    let q = Sql::new(
        "SELECT id, township_id, (registered_via = 'online' AND verified_on IS NULL) AS online \
         FROM community_cards WHERE status = 'active' ORDER BY id",
    );
    let rows: Vec<Row> = ex.into().fetch_all(q).await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.id, r.township_id, r.online))
        .collect())
}
