//! Attendance (考勤) per meeting: a card typed at the door or ticked on the
//! roll. Refused: a card not enrolled in the session, a time outside the
//! meeting's window, twice for one meeting. An online-registered card is
//! verified at its first attendance, in the same transaction.

use chrono::{DateTime, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::time::{date_of, parse_local, show_minute};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::by;
use super::sessions::{found, SessionLine};
use crate::domain::courses::timetable::{
    attended_minutes, length_minutes, within_window, EARLY_MINUTES, LATE_MINUTES,
};
use crate::domain::courses::{CreditRules, MeetingId, SessionId};
use crate::store::courses::attendance::{self as store, CardRef, Present, RollLine};
use crate::store::courses::sessions::{meeting, meetings, Meeting};

/// A card present at a meeting.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AttendanceInput {
    /// The card number as typed at the door (or `card_id`).
    pub card_no: String,
    pub card_id: Option<i64>,
    /// When, in Beijing time (empty: now).
    pub attended_at: String,
    /// Minutes counted, if fewer than the meeting's length.
    pub minutes: String,
}

async fn meeting_found(db: &Db, caller: &Caller, id: MeetingId) -> Result<Meeting, AppError> {
    meeting(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn window_error(m: &Meeting, at: DateTime<Utc>) -> AppError {
    AppError::invalid(
        "attended_at",
        format!(
            "考勤时间 {} 不在本次课 {}–{} 的时段内（可提前 {EARLY_MINUTES} 分钟、延后 {LATE_MINUTES} 分钟）",
            show_minute(at),
            show_minute(m.starts_at),
            platform::time::local(m.ends_at).format("%H:%M")
        ),
    )
}

/// Writes one attendance inside `tx`, with every check that needs the
/// database.
async fn write(
    tx: &mut Tx,
    m: &Meeting,
    card: &CardRef,
    minutes: i64,
    at: DateTime<Utc>,
    by: Option<i64>,
) -> Result<(), AppError> {
    if !store::is_enrolled(tx, m.session_id, card.id).await? {
        return Err(AppError::invalid(
            "card_no",
            format!("学习卡 {} 未报名本班次，不能登记考勤", card.card_no),
        ));
    }
    let p = Present {
        meeting: m.id,
        session: m.session_id,
        card: card.id,
        minutes,
        at,
        by,
    };
    store::insert(tx, &p).await.map_err(|e| match e {
        DbError::Unique(_) => AppError::Conflict(format!(
            "学习卡 {} 本次课已登记考勤，不能重复登记",
            card.card_no
        )),
        e => e.into(),
    })?;
    store::verify_card(tx, card.id, date_of(at)).await?;
    Ok(())
}

/// Marks a card present at a meeting.
pub async fn mark(
    db: &Db,
    caller: &Caller,
    id: MeetingId,
    input: &AttendanceInput,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let m = meeting_found(db, caller, id).await?;
    let s = found(db, caller, m.session_id).await?;
    let typed = input.card_no.trim();
    let card = store::card(db, (!typed.is_empty()).then_some(typed), input.card_id)
        .await?
        .ok_or_else(|| AppError::invalid("card_no", "没有这个学习卡号"))?;
    let at = match input.attended_at.trim() {
        "" => platform::time::now(),
        t => parse_local(t)
            .ok_or_else(|| AppError::invalid("attended_at", "考勤时间格式应为 年-月-日 时:分"))?,
    };
    if !within_window(&m.span(), at) {
        return Err(window_error(&m, at));
    }
    let stated = match input.minutes.trim() {
        "" => None,
        t => Some(
            t.parse::<i64>()
                .map_err(|_| AppError::invalid("minutes", "计入的学习时长应为整数分钟"))?,
        ),
    };
    let minutes = attended_minutes(length_minutes(&m.span()), stated)
        .map_err(|why| AppError::invalid("minutes", why))?;
    let mut tx = db.begin().await?;
    write(&mut tx, &m, &card, minutes, at, by(caller)).await?;
    let entry = Entry::new(
        "create",
        "community_attendance",
        format!(
            "{}：学习卡 {} 出勤 {}（{} 分钟）",
            s.title,
            card.card_no,
            show_minute(m.starts_at),
            minutes
        ),
    )
    .id(m.id.0)
    .institution(Some(InstitutionId(s.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    Ok(())
}

/// Ticks cards present on a meeting's roll (after the class: the time
/// recorded is the meeting's start). Cards already present are left as
/// they are; returns how many were marked.
pub async fn tick(db: &Db, caller: &Caller, id: MeetingId, cards: &[i64]) -> Result<u64, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let m = meeting_found(db, caller, id).await?;
    let s = found(db, caller, m.session_id).await?;
    if platform::time::now() + chrono::Duration::minutes(EARLY_MINUTES) < m.starts_at {
        return Err(AppError::Conflict("本次课尚未开始，不能登记考勤".into()));
    }
    let present: Vec<i64> = store::roll(db, s.id, Some(id))
        .await?
        .into_iter()
        .filter(|l| l.present)
        .map(|l| l.card_id)
        .collect();
    let minutes = length_minutes(&m.span());
    let mut tx = db.begin().await?;
    let mut marked = 0u64;
    for card_id in cards.iter().filter(|c| !present.contains(c)) {
        let card = store::card(&mut tx, None, Some(*card_id))
            .await?
            .ok_or_else(|| AppError::invalid("card_no", "没有这个学习卡"))?;
        write(&mut tx, &m, &card, minutes, m.starts_at, by(caller)).await?;
        marked += 1;
    }
    let entry = Entry::new(
        "create",
        "community_attendance",
        format!(
            "{}：{} 的课登记出勤 {marked} 人",
            s.title,
            show_minute(m.starts_at)
        ),
    )
    .id(m.id.0)
    .institution(Some(InstitutionId(s.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    Ok(marked)
}

/// A session's roll: its timetable and the enrolled cards with their
/// attendance (at the meeting asked about, if any).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Roll {
    pub session: SessionLine,
    pub timetable: Vec<Meeting>,
    pub meeting_id: Option<MeetingId>,
    pub lines: Vec<RollLine>,
    /// The credit rules the roll's figures follow.
    pub rules: CreditRules,
}

/// The roll of a session; the view is audited (card holders' names).
pub async fn roll(
    db: &Db,
    caller: &Caller,
    id: SessionId,
    at: Option<MeetingId>,
) -> Result<Roll, AppError> {
    let reader = caller.reader(db, WorkArea::Lifelong)?;
    let s = found(db, caller, id).await?;
    let timetable = meetings(db, id).await?;
    if at.is_some_and(|m| !timetable.iter().any(|t| t.id == m)) {
        return Err(AppError::NotFound);
    }
    let lines = store::roll(db, id, at).await?;
    reader
        .audit_view(
            Entry::new(
                "view",
                "community_session",
                format!("查看班次 {} 的花名册（{} 人）", s.title, lines.len()),
            )
            .id(id.0)
            .institution(Some(InstitutionId(s.institution_id))),
        )
        .await?;
    Ok(Roll {
        session: s.into(),
        timetable,
        meeting_id: at,
        lines,
        rules: super::rules(db).await?,
    })
}
