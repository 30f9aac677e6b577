//! Storage of sessions (班次), their meetings (课表) and enrolments (报名).

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::courses::{
    CourseId, CourseKind, MeetingId, SessionDraft, SessionId, Span, TeacherId,
};

/// A session with its places (`enrolled` of `capacity`) and meetings.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Session {
    pub id: SessionId,
    pub course_id: CourseId,
    pub course_title: String,
    pub course_kind: CourseKind,
    pub institution_id: i64,
    pub institution_name: String,
    pub title: String,
    pub teacher_id: Option<i64>,
    pub teacher_name: Option<String>,
    pub place: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub capacity: i64,
    pub enrolled: i64,
    pub enrol_open: bool,
    pub meetings: i64,
}

impl Session {
    /// Places left (余额).
    pub fn places_left(&self) -> i64 {
        (self.capacity - self.enrolled).max(0)
    }
}

/// A meeting of the timetable with how many attended.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Meeting {
    pub id: MeetingId,
    pub session_id: SessionId,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub attended: i64,
}

impl Meeting {
    pub fn span(&self) -> Span<DateTime<Utc>> {
        (self.starts_at, self.ends_at)
    }
}

pub async fn insert_session(
    tx: &mut Tx,
    course: CourseId,
    institution_id: i64,
    teacher: Option<TeacherId>,
    d: &SessionDraft,
) -> Result<SessionId, DbError> {
    let now = platform::time::now();
    let q = Sql::new(
        "INSERT INTO community_sessions (course_id, institution_id, title, teacher_id, place, first_day, \
         last_day, capacity, enrol_open, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .arg(course)
    .arg(institution_id)
    .arg(d.title.as_str())
    .arg(teacher.map(|t| t.0))
    .arg(d.place.as_str())
    .arg(d.first_day)
    .arg(d.last_day)
    .arg(d.capacity)
    .arg(d.enrol_open)
    .arg(now)
    .arg(now);
    Ok(SessionId(tx.scalar(q).await?))
}

const SESSION_COLUMNS: &str = "SELECT s.id, s.course_id, c.title AS course_title, c.kind AS course_kind, \
     s.institution_id, i.name AS institution_name, s.title, s.teacher_id, t.name AS teacher_name, s.place, \
     s.first_day, s.last_day, CAST(s.capacity AS BIGINT) AS capacity, CAST(s.enrolled AS BIGINT) AS enrolled, \
     s.enrol_open, (SELECT COUNT(*) FROM community_meetings m WHERE m.session_id = s.id) AS meetings \
     FROM community_sessions s JOIN community_courses c ON c.id = s.course_id \
     JOIN institutions i ON i.id = s.institution_id \
     LEFT JOIN community_teachers t ON t.id = s.teacher_id WHERE 1=1";

/// What a list of sessions may be narrowed to.
#[derive(Clone, Copy, Debug, Default)]
pub struct SessionFilter {
    pub institution: Option<i64>,
    pub course: Option<CourseId>,
    /// Sessions running on or after this day.
    pub from: Option<NaiveDate>,
}

/// The sessions in scope, newest first.
pub async fn sessions<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    f: SessionFilter,
) -> Result<Vec<Session>, DbError> {
    let mut q = Sql::new(SESSION_COLUMNS);
    if let Some(id) = f.institution {
        q = q.push(" AND s.institution_id = ").bind(id);
    }
    if let Some(id) = f.course {
        q = q.push(" AND s.course_id = ").bind(id);
    }
    if let Some(day) = f.from {
        q = q.push(" AND s.last_day >= ").bind(day);
    }
    let q = scope
        .restrict(q, "s.institution_id")
        .push(" ORDER BY s.first_day DESC, s.id DESC")
        .limit(super::LIST_LIMIT, 0);
    ex.into().fetch_all(q).await
}

/// One session, if the scope sees it.
pub async fn session<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: SessionId,
) -> Result<Option<Session>, DbError> {
    let q = scope.restrict(
        Sql::new(SESSION_COLUMNS).push(" AND s.id = ").bind(id),
        "s.institution_id",
    );
    ex.into().fetch_optional(q).await
}

pub async fn insert_meeting(
    tx: &mut Tx,
    session: SessionId,
    span: Span<DateTime<Utc>>,
) -> Result<MeetingId, DbError> {
    let q = Sql::new("INSERT INTO community_meetings (session_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING id")
        .arg(session)
        .arg(span.0)
        .arg(span.1);
    Ok(MeetingId(tx.scalar(q).await?))
}

pub async fn update_meeting(
    tx: &mut Tx,
    id: MeetingId,
    span: Span<DateTime<Utc>>,
) -> Result<u64, DbError> {
    let q = Sql::new("UPDATE community_meetings SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .arg(span.0)
        .arg(span.1)
        .arg(id);
    tx.execute(q).await
}

const MEETING_COLUMNS: &str = "SELECT m.id, m.session_id, m.starts_at, m.ends_at, \
     (SELECT COUNT(*) FROM community_attendance a WHERE a.meeting_id = m.id) AS attended \
     FROM community_meetings m JOIN community_sessions s ON s.id = m.session_id WHERE 1=1";

/// The timetable of a session, in order.
pub async fn meetings<'a>(
    ex: impl Into<Ex<'a>>,
    session: SessionId,
) -> Result<Vec<Meeting>, DbError> {
    let q = Sql::new(MEETING_COLUMNS)
        .push(" AND m.session_id = ")
        .bind(session)
        .push(" ORDER BY m.starts_at, m.id");
    ex.into().fetch_all(q).await
}

/// One meeting, if the scope sees its session.
pub async fn meeting<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: MeetingId,
) -> Result<Option<Meeting>, DbError> {
    let q = scope.restrict(
        Sql::new(MEETING_COLUMNS).push(" AND m.id = ").bind(id),
        "s.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Sessions in scope ended before `today` with attendance whose hours are
/// not yet converted to credits.
pub async fn unconverted<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM community_sessions s WHERE s.last_day < ")
        .bind(today)
        .push(
            " AND EXISTS (SELECT 1 FROM community_attendance a WHERE a.session_id = s.id) \
         AND NOT EXISTS (SELECT 1 FROM community_credits k WHERE k.source = 'hours' \
         AND k.source_ref = 'session:' || s.id)",
        );
    ex.into()
        .scalar(scope.restrict(q, "s.institution_id"))
        .await
}
