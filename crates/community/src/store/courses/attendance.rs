//! Storage of attendance (考勤) and the roll of a session.

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::courses::{MeetingId, SessionId};

/// A learning card as attendance needs it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct CardRef {
    pub id: i64,
    pub card_no: String,
    pub name: String,
    pub registered_via: String,
    pub verified_on: Option<NaiveDate>,
}

/// The card of a number (as typed at the door) or an id.
pub async fn card<'a>(
    ex: impl Into<Ex<'a>>,
    card_no: Option<&str>,
    id: Option<i64>,
) -> Result<Option<CardRef>, DbError> {
    let q = Sql::new(
        "SELECT id, card_no, name, registered_via, verified_on FROM community_cards WHERE ",
    );
    let q = match (card_no, id) {
        (Some(no), _) => q.push("card_no = ").bind(no.trim()),
        (None, Some(id)) => q.push("id = ").bind(id),
        (None, None) => return Ok(None),
    };
    ex.into().fetch_optional(q).await
}

/// Whether a card holds an active enrolment in a session.
pub async fn is_enrolled(tx: &mut Tx, session: SessionId, card: i64) -> Result<bool, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM community_enrolments WHERE session_id = $1 AND card_id = $2 AND status = 'enrolled'",
    )
    .arg(session)
    .arg(card);
    Ok(tx.scalar(q).await? > 0)
}

/// One attendance at a meeting.
#[derive(Clone, Copy, Debug)]
pub struct Present {
    pub meeting: MeetingId,
    pub session: SessionId,
    pub card: i64,
    pub minutes: i64,
    pub at: DateTime<Utc>,
    pub by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, p: &Present) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO community_attendance (meeting_id, session_id, card_id, minutes, attended_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .arg(p.meeting)
    .arg(p.session)
    .arg(p.card)
    .arg(p.minutes)
    .arg(p.at)
    .arg(p.by);
    tx.scalar(q).await
}

/// Verifies an online-registered card at its first attendance (a card
/// already verified stays as it was).
pub async fn verify_card(tx: &mut Tx, card: i64, on: NaiveDate) -> Result<u64, DbError> {
    let q = Sql::new(
        "UPDATE community_cards SET verified_on = $1, updated_at = $2 \
         WHERE id = $3 AND verified_on IS NULL AND registered_via = 'online'",
    )
    .arg(on)
    .arg(platform::time::now())
    .arg(card);
    tx.execute(q).await
}

/// A card of a session's roll: its attendance at all meetings, and at the
/// meeting asked about.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct RollLine {
    pub card_id: i64,
    pub card_no: String,
    pub name: String,
    /// Meetings attended.
    pub attended: i64,
    /// Minutes of learning counted.
    pub minutes: i64,
    /// Present at the meeting asked about.
    pub present: bool,
}

/// The cards enrolled in a session (by card number) with their attendance;
/// `present` tells the given meeting.
pub async fn roll<'a>(
    ex: impl Into<Ex<'a>>,
    session: SessionId,
    meeting: Option<MeetingId>,
) -> Result<Vec<RollLine>, DbError> {
    let q = Sql::new(
        "SELECT c.id AS card_id, c.card_no, c.name, \
         (SELECT COUNT(*) FROM community_attendance a WHERE a.session_id = e.session_id AND a.card_id = c.id) AS attended, \
         CAST((SELECT COALESCE(SUM(a.minutes), 0) FROM community_attendance a \
               WHERE a.session_id = e.session_id AND a.card_id = c.id) AS BIGINT) AS minutes, \
         EXISTS (SELECT 1 FROM community_attendance a WHERE a.meeting_id = ",
    )
    .bind(meeting.map_or(0, |m| m.0))
    .push(
        " AND a.card_id = c.id) AS present FROM community_enrolments e \
         JOIN community_cards c ON c.id = e.card_id WHERE e.status = 'enrolled' AND e.session_id = ",
    )
    .bind(session)
    .push(" ORDER BY c.card_no");
    ex.into().fetch_all(q).await
}
