//! Sessions (班次) with their places and timetable (课表): a session is
//! created with the meetings of its weekly rule; single meetings are added
//! or moved afterwards, never overlapping another of the same session.

use chrono::{DateTime, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::time::{from_local, parse_local, show_minute};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{institution_for, no_such_institution};
use crate::domain::courses::timetable::first_overlap;
use crate::domain::courses::{MeetingId, SessionId, SessionInput, Span, TeacherId};
use crate::store::courses::sessions::{self as store, Meeting, Session, SessionFilter};
use crate::store::courses::{course, teacher};

/// A session as lists show it, with its places left.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SessionLine {
    #[serde(flatten)]
    pub session: Session,
    pub places_left: i64,
}

impl From<Session> for SessionLine {
    fn from(session: Session) -> Self {
        SessionLine {
            places_left: session.places_left(),
            session,
        }
    }
}

/// A session with its timetable.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SessionDetail {
    #[serde(flatten)]
    pub line: SessionLine,
    pub timetable: Vec<Meeting>,
}

pub async fn sessions(
    db: &Db,
    caller: &Caller,
    f: SessionFilter,
) -> Result<Vec<SessionLine>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let rows = store::sessions(db, &caller.scope, f).await?;
    Ok(rows.into_iter().map(SessionLine::from).collect())
}

/// A session in scope (404 otherwise).
pub(crate) async fn found(db: &Db, caller: &Caller, id: SessionId) -> Result<Session, AppError> {
    store::session(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn session(db: &Db, caller: &Caller, id: SessionId) -> Result<SessionDetail, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let s = found(db, caller, id).await?;
    Ok(SessionDetail {
        timetable: store::meetings(db, id).await?,
        line: s.into(),
    })
}

/// Creates a session of a course with the meetings of its weekly rule.
pub async fn create_session(
    db: &Db,
    caller: &Caller,
    input: &SessionInput,
) -> Result<SessionId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let c = course(
        db,
        &caller.scope,
        crate::domain::courses::CourseId(input.course_id),
    )
    .await?
    .ok_or_else(|| AppError::invalid("course_id", "请选择本校的课程"))?;
    institution_for(caller, Some(c.institution_id))?;
    let teacher_id = match input.teacher_id {
        None => None,
        Some(id) => match teacher(db, &caller.scope, TeacherId(id)).await? {
            Some(t) if t.institution_id == c.institution_id => Some(t.id),
            _ => {
                return Err(AppError::invalid(
                    "teacher_id",
                    "请从本校师资库中选择授课教师",
                ))
            }
        },
    };
    let meetings: Vec<Span<DateTime<Utc>>> = draft
        .rule
        .map(|r| r.meetings(draft.first_day, draft.last_day))
        .unwrap_or_default()
        .into_iter()
        .map(|(s, e)| (from_local(s), from_local(e)))
        .collect();
    if draft.rule.is_some() && meetings.is_empty() {
        return Err(AppError::invalid(
            "weekday",
            "开班至结班期间没有该星期的日子，无法排课",
        ));
    }
    let mut tx = db.begin().await?;
    let id = store::insert_session(&mut tx, c.id, c.institution_id, teacher_id, &draft)
        .await
        .map_err(no_such_institution)?;
    for m in &meetings {
        store::insert_meeting(&mut tx, id, *m).await?;
    }
    let rule = draft
        .rule
        .map(|r| format!("，{}，共 {} 次课", r.describe(), meetings.len()));
    let entry = Entry::new(
        "create",
        "community_session",
        format!(
            "班次：{} {}（{} 人）{}",
            c.title,
            draft.title,
            draft.capacity,
            rule.unwrap_or_default()
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(c.institution_id)))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

/// A single meeting as typed: start and end in Beijing time
/// ("2026-09-01 14:00").
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeetingInput {
    pub starts_at: String,
    pub ends_at: String,
}

impl MeetingInput {
    fn span(&self, s: &Session) -> Result<Span<DateTime<Utc>>, AppError> {
        let start = parse_local(&self.starts_at)
            .ok_or_else(|| AppError::invalid("starts_at", "上课时间格式应为 年-月-日 时:分"))?;
        let end = parse_local(&self.ends_at)
            .ok_or_else(|| AppError::invalid("ends_at", "下课时间格式应为 年-月-日 时:分"))?;
        if end <= start {
            return Err(AppError::invalid("ends_at", "下课时间应晚于上课时间"));
        }
        let day = platform::time::date_of(start);
        if day < s.first_day || day > s.last_day || platform::time::date_of(end) != day {
            return Err(AppError::invalid(
                "starts_at",
                "上课日期应在开班与结班日期之间，且当天结束",
            ));
        }
        Ok((start, end))
    }
}

/// Refuses a meeting overlapping another of the same session.
fn no_overlap(others: &[Meeting], span: &Span<DateTime<Utc>>) -> Result<(), AppError> {
    let spans: Vec<_> = others.iter().map(Meeting::span).collect();
    match first_overlap(&spans, span) {
        Some(k) => Err(AppError::invalid(
            "starts_at",
            format!("与本班次 {} 的课时间重叠", show_minute(others[k].starts_at)),
        )),
        None => Ok(()),
    }
}

/// Adds one meeting to a session's timetable.
pub async fn add_meeting(
    db: &Db,
    caller: &Caller,
    id: SessionId,
    input: &MeetingInput,
) -> Result<MeetingId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let s = found(db, caller, id).await?;
    let span = input.span(&s)?;
    let mut tx = db.begin().await?;
    no_overlap(&store::meetings(&mut tx, id).await?, &span)?;
    let meeting = store::insert_meeting(&mut tx, id, span).await?;
    let entry = Entry::new(
        "create",
        "community_meeting",
        format!("{}：加课 {}", s.title, show_minute(span.0)),
    )
    .id(meeting.0)
    .institution(Some(InstitutionId(s.institution_id)))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(meeting)
}

/// Moves one meeting (调课).
pub async fn edit_meeting(
    db: &Db,
    caller: &Caller,
    id: MeetingId,
    input: &MeetingInput,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let m = store::meeting(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let s = found(db, caller, m.session_id).await?;
    let span = input.span(&s)?;
    let mut tx = db.begin().await?;
    let others: Vec<Meeting> = store::meetings(&mut tx, s.id)
        .await?
        .into_iter()
        .filter(|o| o.id != id)
        .collect();
    no_overlap(&others, &span)?;
    if m.attended > 0 {
        return Err(AppError::Conflict("本次课已有考勤记录，不能调课".into()));
    }
    store::update_meeting(&mut tx, id, span).await?;
    let entry = Entry::new(
        "update",
        "community_meeting",
        format!(
            "{}：调课 {} → {}",
            s.title,
            show_minute(m.starts_at),
            show_minute(span.0)
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(s.institution_id)))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(())
}
