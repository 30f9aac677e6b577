//! /community/sessions/{id}: a session's timetable and roll; desk
//! enrolment, attendance at a meeting (card typed at the door, or the roll
//! ticked), a meeting added, hours converted to credits, certificates
//! issued, the roll exported.

use axum::extract::{Path, Query, RawForm, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::{show_date, show_minute};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::{may_write, notices};
use crate::domain::courses::credits::show_credits;
use crate::domain::courses::{MeetingId, SessionId};
use crate::service::courses::{self as service, AttendanceInput, EnrolInput, MeetingInput, Roll};
use crate::store::courses::sessions::Meeting;

const TITLE: &str = "班次";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    meeting: Option<i64>,
}

/// Fields of the session page's forms as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Typed {
    card_no: String,
    minutes: String,
    starts_at: String,
    ends_at: String,
}

fn href(id: SessionId, meeting: Option<MeetingId>, notice: Option<&str>) -> String {
    let mut q: Vec<String> = Vec::new();
    if let Some(m) = meeting {
        q.push(format!("meeting={}", m.0));
    }
    if let Some(n) = notice {
        q.push(format!("notice={n}"));
    }
    let tail = if q.is_empty() {
        String::new()
    } else {
        format!("?{}", q.join("&"))
    };
    format!("/community/sessions/{}{tail}", id.0)
}

fn timetable(r: &Roll) -> Markup {
    let id = r.session.session.id;
    html! {
        h2 { "课表" }
        @if r.timetable.is_empty() { p.muted { "尚未排课。" } } @else {
            table #timetable {
                thead { tr { th { "#" } th { "上课时间" } th { "下课" } th.num { "出勤人数" } th { "" } } }
                tbody { @for (k, m) in r.timetable.iter().enumerate() { tr.current[r.meeting_id == Some(m.id)] {
                    td { (k + 1) } td { (show_minute(m.starts_at)) } td { (platform::time::local(m.ends_at).format("%H:%M")) }
                    td.num { (m.attended) } td { a href=(href(id, Some(m.id), None)) { "考勤" } }
                } } }
            }
        }
    }
}

fn roll(
    actor: &Actor,
    r: &Roll,
    meeting: Option<&Meeting>,
    write: bool,
    t: &Typed,
    e: &Refusal,
) -> Markup {
    let meetings = r.session.session.meetings;
    html! {
        h2 { "花名册" @if let Some(m) = meeting { "（" (show_minute(m.starts_at)) " 的课）" } }
        p { a #roll-export href=(format!("/community/sessions/{}/roll.xlsx", r.session.session.id.0)) { "导出花名册与考勤（.xlsx）" } }
        @if let (true, Some(m)) = (write, meeting) {
            form.inline #door-form method="post" action=(format!("/community/meetings/{}/attendance", m.id.0)) {
                (csrf_field(actor))
                label for="door-card" { "刷卡/输入学习卡号签到" }
                input #door-card name="card_no" value=(t.card_no) autofocus;
                label for="minutes" { "计入分钟（可空）" } input #minutes name="minutes" type="number" value=(t.minutes);
                button type="submit" { "签到" } (field_error(&e.errors, "card_no")) (field_error(&e.errors, "attended_at"))
            }
        }
        form #roll-form method="post" action=(meeting.map(|m| format!("/community/meetings/{}/roll", m.id.0)).unwrap_or_default()) {
            (csrf_field(actor))
            table #roll {
                thead { tr { @if meeting.is_some() { th { "出勤" } } th { "学习卡号" } th { "姓名" } th.num { "出勤/课次" } th.num { "学习时长（分钟）" } th.num { "可转换学分" } } }
                tbody { @for l in &r.lines { tr {
                    @if meeting.is_some() { td { input type="checkbox" name="card" value=(l.card_id) checked[l.present] disabled[l.present || !write]; } }
                    td { a href=(format!("/community/ledger/{}", l.card_id)) { (l.card_no) } } td { (l.name) }
                    td.num { (l.attended) " / " (meetings) } td.num { (l.minutes) }
                    td.num { (show_credits(r.rules.credits_tenths(l.minutes))) }
                } } }
            }
            @if write && meeting.is_some() { p { button type="submit" { "保存考勤" } } }
        }
    }
}

fn actions(actor: &Actor, r: &Roll, t: &Typed, e: &Refusal) -> Markup {
    let id = r.session.session.id.0;
    html! {
        h2 { "现场报名" }
        form.inline #enrol-form method="post" action=(format!("/community/sessions/{id}/enrol")) {
            (csrf_field(actor))
            label for="enrol-card" { "学习卡号" } input #enrol-card name="card_no" value=(t.card_no);
            button type="submit" { "报名" }
        }
        h2 { "加课" }
        form.inline #meeting-form method="post" action=(format!("/community/sessions/{id}/meetings")) {
            (csrf_field(actor))
            label for="starts_at" { "上课" } input #starts_at name="starts_at" type="datetime-local" value=(t.starts_at);
            label for="ends_at" { "下课" } input #ends_at name="ends_at" type="datetime-local" value=(t.ends_at);
            button type="submit" { "加课" } (field_error(&e.errors, "starts_at")) (field_error(&e.errors, "ends_at"))
        }
        h2 { "学分与证书" }
        p.muted { (r.rules.describe()) }
        form.inline method="post" action=(format!("/community/sessions/{id}/credits")) {
            (csrf_field(actor)) button #convert type="submit" { "学时转换为学分" }
        }
        form.inline method="post" action=(format!("/community/sessions/{id}/certificates")) {
            (csrf_field(actor)) button #certify type="submit" { "颁发结业证书" }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, r: &Roll, t: &Typed, e: &Refusal) -> Markup {
    let s = &r.session.session;
    let meeting = r
        .meeting_id
        .and_then(|m| r.timetable.iter().find(|x| x.id == m));
    let write = may_write(caller);
    html! {
        p { a href="/community/courses" { "← 课程与班次" } }
        h1 { (s.course_title) " · " (s.title) }
        p #session-summary {
            (s.institution_name) "，" (s.place) "，" (show_date(s.first_day)) " 至 " (show_date(s.last_day))
            "，授课：" (s.teacher_name.as_deref().unwrap_or("未指定"))
            "；名额 " (s.capacity) "，已报名 " (s.enrolled) "，余额 " strong #places-left { (r.session.places_left) }
        }
        (refusal_view(e))
        (timetable(r))
        (roll(actor, r, meeting, write, t, e))
        @if write { (actions(actor, r, t, e)) }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    Query(q): Query<ShowQuery>,
    notice: Notice,
) -> PageResult {
    let r = service::roll(&s.db, &caller, id, q.meeting.map(MeetingId)).await?;
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &r, &Typed::default(), &Refusal::default())) };
    Ok(page(&actor, TITLE, body).into_response())
}

/// Redirects to the session (at `meeting`) on success; redisplays it with
/// what was typed otherwise.
async fn answer<T>(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    at: (SessionId, Option<MeetingId>),
    t: &Typed,
    done: Result<T, AppError>,
    key: &str,
) -> PageResult {
    match done {
        Ok(_) => Ok(Redirect::to(&href(at.0, at.1, Some(key))).into_response()),
        Err(e) => {
            let r = service::roll(&s.db, caller, at.0, at.1).await?;
            redisplay(actor, TITLE, e, |refusal| {
                view(actor, caller, &r, t, refusal)
            })
        }
    }
}

/// [`answer`] for a button without fields.
async fn answer_plain<T>(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: SessionId,
    done: Result<T, AppError>,
    key: &str,
) -> PageResult {
    answer(s, actor, caller, (id, None), &Typed::default(), done, key).await
}

pub async fn enrol(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    axum::Form(t): axum::Form<Typed>,
) -> PageResult {
    let done = service::enrol_at_desk(
        &s.db,
        &caller,
        id,
        &EnrolInput {
            card_no: t.card_no.clone(),
        },
    )
    .await;
    answer(&s, &actor, &caller, (id, None), &t, done, "enrolled").await
}

pub async fn add_meeting(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    axum::Form(t): axum::Form<Typed>,
) -> PageResult {
    let input = MeetingInput {
        starts_at: t.starts_at.clone(),
        ends_at: t.ends_at.clone(),
    };
    let done = service::add_meeting(&s.db, &caller, id, &input).await;
    answer(&s, &actor, &caller, (id, None), &t, done, "meeting").await
}

pub async fn convert(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> PageResult {
    let done = service::convert_session(&s.db, &caller, id).await;
    answer_plain(&s, &actor, &caller, id, done, "converted").await
}

pub async fn certify(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> PageResult {
    let done = service::issue_certificates(&s.db, &caller, id).await;
    answer_plain(&s, &actor, &caller, id, done, "certified").await
}

/// The session of a meeting in scope.
async fn session_of(s: &AppState, caller: &Caller, id: MeetingId) -> Result<SessionId, AppError> {
    crate::store::courses::sessions::meeting(&s.db, &caller.scope, id)
        .await?
        .map(|m| m.session_id)
        .ok_or(AppError::NotFound)
}

pub async fn mark(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<MeetingId>,
    axum::Form(t): axum::Form<Typed>,
) -> PageResult {
    let session = session_of(&s, &caller, id).await?;
    let input = AttendanceInput {
        card_no: t.card_no.clone(),
        minutes: t.minutes.clone(),
        ..AttendanceInput::default()
    };
    let done = service::mark(&s.db, &caller, id, &input).await;
    answer(&s, &actor, &caller, (session, Some(id)), &t, done, "marked").await
}

/// The roll form: `card` repeated for each ticked card.
pub async fn tick(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<MeetingId>,
    RawForm(body): RawForm,
) -> PageResult {
    let session = session_of(&s, &caller, id).await?;
    let cards: Vec<i64> = url::form_urlencoded::parse(&body)
        .filter(|(k, _)| k == "card")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    let done = service::tick(&s.db, &caller, id, &cards).await;
    answer(
        &s,
        &actor,
        &caller,
        (session, Some(id)),
        &Typed::default(),
        done,
        "marked",
    )
    .await
}
