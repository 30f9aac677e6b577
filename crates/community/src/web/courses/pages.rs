//! /community/courses: the sessions with places left, the courses and the
//! teachers' pool of the caller's scope, and the forms to add each.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::{may_write, notices};
use crate::domain::courses::{
    CourseInput, CourseKind, CreditRules, Engagement, SessionInput, TeacherInput,
};
use crate::service::courses::{self as service, rules, SessionLine};
use crate::store::courses::sessions::SessionFilter;
use crate::store::courses::{Course, Teacher};

const TITLE: &str = "课程与班次";

/// Every field of the three forms as typed (one struct: the page shows
/// them together and redisplays what was typed).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Typed {
    institution_id: String,
    title: String,
    course_title: String,
    kind: String,
    description: String,
    hours_per_session: String,
    name: String,
    phone: String,
    speciality: String,
    engagement: String,
    course_id: String,
    teacher_id: String,
    place: String,
    first_day: String,
    last_day: String,
    capacity: String,
    enrol_open: String,
    weekday: String,
    starts: String,
    ends: String,
}

fn id(v: &str) -> Option<i64> {
    v.trim().parse().ok()
}

struct Data {
    rules: CreditRules,
    sessions: Vec<SessionLine>,
    courses: Vec<Course>,
    teachers: Vec<Teacher>,
}

async fn load(s: &AppState, caller: &Caller) -> Result<Data, AppError> {
    Ok(Data {
        rules: rules(&s.db).await?,
        sessions: service::sessions(&s.db, caller, SessionFilter::default()).await?,
        courses: service::courses(&s.db, caller, None).await?,
        teachers: service::teachers(&s.db, caller, None).await?,
    })
}

fn sessions_table(rows: &[SessionLine]) -> Markup {
    html! {
        h2 { "班次" }
        @if rows.is_empty() { p.muted #no-sessions { "尚未开设班次。" } } @else {
            table #sessions {
                thead { tr { th { "班次" } th { "课程" } th { "学校" } th { "授课教师" } th { "起止日期" } th.num { "课次" } th.num { "名额" } th.num { "已报名" } th.num { "余额" } th { "报名" } } }
                tbody { @for l in rows { @let s = &l.session; tr {
                    td { a href=(format!("/community/sessions/{}", s.id.0)) { (s.title) } }
                    td { (s.course_title) } td { (s.institution_name) } td { (s.teacher_name.as_deref().unwrap_or("—")) }
                    td { (show_date(s.first_day)) " 至 " (show_date(s.last_day)) }
                    td.num { (s.meetings) } td.num { (s.capacity) } td.num { (s.enrolled) } td.num.places-left { (l.places_left) }
                    td { @if s.enrol_open { "开放" } @else { "关闭" } }
                } } }
            }
        }
    }
}

fn courses_table(rows: &[Course], teachers: &[Teacher]) -> Markup {
    html! {
        h2 { "课程" }
        table #courses {
            thead { tr { th { "课程" } th { "类别" } th { "学校" } th.num { "每次课学时" } th.num { "班次数" } } }
            tbody { @for c in rows { tr {
                td { (c.title) } td { (c.kind.label()) } td { (c.institution_name) } td.num { (c.hours_per_session) } td.num { (c.sessions) }
            } } }
        }
        h2 { "师资库" }
        table #teachers {
            thead { tr { th { "姓名" } th { "联系电话" } th { "专长" } th { "类型" } th { "学校" } th { "状态" } } }
            tbody { @for t in teachers { tr {
                td { (t.name) } td { (t.phone) } td { (t.speciality) } td { (t.engagement.label()) } td { (t.institution_name) } td { (t.status.label()) }
            } } }
        }
    }
}

fn forms(actor: &Actor, caller: &Caller, d: &Data, t: &Typed, r: &Refusal) -> Markup {
    let e = &r.errors;
    let bureau = caller.scope == Scope::All;
    let mut schools: Vec<(String, String)> = options(
        d.courses
            .iter()
            .map(|c| (c.institution_id, c.institution_name.as_str())),
    );
    schools.dedup();
    let kinds = options(CourseKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    let engagements = options(Engagement::ALL.iter().map(|k| (k.as_str(), k.label())));
    let courses = options(
        d.courses
            .iter()
            .map(|c| (c.id.0, format!("{}（{}）", c.title, c.institution_name))),
    );
    let teachers = options(
        d.teachers
            .iter()
            .map(|x| (x.id.0, format!("{}（{}）", x.name, x.institution_name))),
    );
    let weekdays = options((1..=7).map(|n| {
        (
            n,
            ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][n - 1],
        )
    }));
    let input = |name: &'static str, label: &str, kind: &str, value: &str| {
        html! { label for=(name) { (label) } input id=(name) name=(name) type=(kind) value=(value); (field_error(e, name)) }
    };
    let school = |form: &str| {
        html! {
            @if bureau {
                label for=(format!("{form}-school")) { "学校（编号）" }
                input id=(format!("{form}-school")) name="institution_id" type="number" value=(t.institution_id);
                @if !schools.is_empty() { small.muted { "已有课程的学校：" @for (k, v) in &schools { (v) "（" (k) "） " } } }
                (field_error(e, "institution_id"))
            }
        }
    };
    html! {
        (refusal_view(r))
        section #new-session {
            h2 { "开设班次" }
            form.stacked #session-form method="post" action="/community/sessions" {
                (csrf_field(actor))
                label for="course_id" { "课程" } (select("course_id", &courses, &t.course_id, Some("请选择"))) (field_error(e, "course_id"))
                (input("title", "班次名称", "text", &t.title))
                label for="teacher_id" { "授课教师" } (select("teacher_id", &teachers, &t.teacher_id, Some("暂不指定"))) (field_error(e, "teacher_id"))
                (input("place", "上课地点", "text", &t.place))
                (input("first_day", "开班日期", "date", &t.first_day))
                (input("last_day", "结班日期", "date", &t.last_day))
                (input("capacity", "招生名额", "number", &t.capacity))
                label for="weekday" { "每周上课" } (select("weekday", &weekdays, &t.weekday, Some("暂不排课"))) (field_error(e, "weekday"))
                (input("starts", "上课时间", "time", &t.starts))
                (input("ends", "下课时间", "time", &t.ends))
                label { input type="checkbox" name="enrol_open" value="on" checked[t.enrol_open == "on"]; "开放报名" }
                p { button type="submit" { "开设班次" } }
            }
        }
        section #new-course {
            h2 { "添加课程" }
            form.stacked #course-form method="post" action="/community/courses" {
                (csrf_field(actor)) (school("course"))
                (input("course_title", "课程名称", "text", &t.course_title))
                label for="kind" { "类别" } (select("kind", &kinds, &t.kind, Some("请选择"))) (field_error(e, "kind"))
                (input("hours_per_session", "每次课学时", "number", &t.hours_per_session))
                label for="description" { "课程简介" } textarea #description name="description" rows="2" { (t.description) }
                p { button type="submit" { "添加课程" } }
            }
        }
        section #new-teacher {
            h2 { "加入师资库" }
            form.stacked #teacher-form method="post" action="/community/teachers" {
                (csrf_field(actor)) (school("teacher"))
                (input("name", "姓名", "text", &t.name))
                (input("phone", "联系电话", "tel", &t.phone))
                (input("speciality", "专长", "text", &t.speciality))
                label for="engagement" { "类型" } (select("engagement", &engagements, &t.engagement, Some("请选择"))) (field_error(e, "engagement"))
                p { button type="submit" { "加入" } }
            }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, d: &Data, t: &Typed, r: &Refusal) -> Markup {
    html! {
        p.muted { "学分银行规则：" (d.rules.describe()) }
        (sessions_table(&d.sessions))
        @if may_write(caller) { (forms(actor, caller, d, t, r)) }
        (courses_table(&d.courses, &d.teachers))
    }
}

pub async fn overview(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller).await?;
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &d, &Typed::default(), &Refusal::default())) };
    Ok(page(&actor, TITLE, body).into_response())
}

/// Redirects on success; redisplays the page with what was typed otherwise.
async fn answer<T>(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    t: &Typed,
    done: Result<T, AppError>,
    key: &str,
) -> PageResult {
    match done {
        Ok(_) => Ok(Redirect::to(&with_notice("/community/courses", key)).into_response()),
        Err(e) => {
            let d = load(s, caller).await?;
            redisplay(actor, TITLE, e, |r| view(actor, caller, &d, t, r))
        }
    }
}

pub async fn add_course(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let input = CourseInput {
        institution_id: id(&t.institution_id),
        title: t.course_title.clone(),
        kind: t.kind.clone(),
        description: t.description.clone(),
        hours_per_session: t.hours_per_session.clone(),
    };
    let done = service::create_course(&s.db, &caller, &input).await;
    answer(&s, &actor, &caller, &t, done, "course").await
}

pub async fn add_teacher(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let input = TeacherInput {
        institution_id: id(&t.institution_id),
        name: t.name.clone(),
        phone: t.phone.clone(),
        speciality: t.speciality.clone(),
        engagement: t.engagement.clone(),
    };
    let done = service::create_teacher(&s.db, &caller, &input).await;
    answer(&s, &actor, &caller, &t, done, "teacher").await
}

pub async fn add_session(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(t): Form<Typed>,
) -> PageResult {
    let input = SessionInput {
        course_id: id(&t.course_id).unwrap_or_default(),
        title: t.title.clone(),
        teacher_id: id(&t.teacher_id),
        place: t.place.clone(),
        first_day: t.first_day.clone(),
        last_day: t.last_day.clone(),
        capacity: t.capacity.clone(),
        enrol_open: t.enrol_open == "on",
        weekday: t.weekday.clone(),
        starts: t.starts.clone(),
        ends: t.ends.clone(),
    };
    let done = service::create_session(&s.db, &caller, &input).await;
    answer(&s, &actor, &caller, &t, done, "session").await
}
