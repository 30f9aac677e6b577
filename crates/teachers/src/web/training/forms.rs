//! The forms of the training pages: a new project, a new session, and an
//! attendance picked by name or national ID. A refused form comes back
//! with what was typed and each error beside its field.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::vocab::dates::parse_date;
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::AppState;
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::pages::{overview_page, project_page, session_page};
use crate::domain::training::{ProjectId, SessionId};
use crate::domain::Level;
use crate::service::training as service;
use crate::service::training::attendance::{self, AttendanceInput};
use crate::store::training::staff_ref::StaffRef;
use crate::store::training::{NewProject, NewSession, Session};

/// Reads a whole number typed in a form, or notes why not.
fn number(field: &str, label: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let n = text.parse().ok();
    if n.is_none() {
        errors.push(FieldError::new(field, format!("{label}“{text}”不是整数")));
    }
    n
}

fn date(field: &str, label: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let d = parse_date(text.trim());
    if d.is_none() {
        errors.push(FieldError::new(
            field,
            format!("{label}“{}”无法识别，请写成 2026-03-02 的形式", text.trim()),
        ));
    }
    d
}

fn invalid_if_any(errors: Vec<FieldError>) -> Result<(), AppError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProjectForm {
    name: String,
    organiser: String,
    level: String,
    year: String,
}

impl ProjectForm {
    fn parse(&self) -> Result<NewProject, AppError> {
        let mut errors = Vec::new();
        let level = Level::parse(&self.level);
        if level.is_none() {
            errors.push(FieldError::new("level", "请选择培训级别"));
        }
        let year = number("year", "年度", &self.year, &mut errors);
        if year.is_none() && self.year.trim().is_empty() {
            errors.push(FieldError::new("year", "请填写年度"));
        }
        invalid_if_any(errors)?;
        Ok(NewProject {
            name: self.name.clone(),
            organiser: self.organiser.clone(),
            level: level.unwrap_or(Level::District),
            year: year.unwrap_or_default(),
        })
    }
}

pub fn project_form(actor: &Actor, r: &Refusal, typed: Option<&ProjectForm>) -> Markup {
    let f = typed.cloned().unwrap_or_default();
    html! {
        form.stacked id="project-form" method="post" action="/teachers/training/projects" {
            (csrf_field(actor))
            (refusal_view(r))
            label for="name" { "项目名称" } input id="name" name="name" value=(f.name); (field_error(&r.errors, "name"))
            label for="organiser" { "主办单位" } input id="organiser" name="organiser" value=(f.organiser);
            label for="level" { "级别" }
            select id="level" name="level" {
                @for l in Level::ALL { option value=(l.as_str()) selected[f.level == l.as_str()] { (l.label()) } }
            }
            (field_error(&r.errors, "level"))
            label for="year" { "年度" } input id="year" name="year" inputmode="numeric" value=(f.year); (field_error(&r.errors, "year"))
            p { button type="submit" { "新建培训项目" } }
        }
    }
}

/// How a refused form answers: invalid input 422 and a conflict 409, each
/// re-rendered with the page; other errors go on to the error page.
pub(crate) fn refused(e: AppError) -> Result<(StatusCode, Refusal), AppError> {
    match e {
        AppError::Invalid(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Refusal {
                errors,
                alert: None,
            },
        )),
        AppError::Conflict(msg) => Ok((
            StatusCode::CONFLICT,
            Refusal {
                errors: vec![],
                alert: Some(msg),
            },
        )),
        other => Err(other),
    }
}

fn answer(status: StatusCode, page: Markup) -> Response {
    (status, page).into_response()
}

pub async fn create_project(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<ProjectForm>,
) -> PageResult {
    let done = match f.parse() {
        Ok(p) => service::create_project(&s.db, &caller, &p).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(p) => {
            Ok(Redirect::to(&format!("/teachers/training/projects/{}", p.id.0)).into_response())
        }
        Err(e) => {
            let (status, r) = refused(e)?;
            Ok(answer(
                status,
                overview_page(&s, &actor, &caller, &r, Some(&f)).await?,
            ))
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    title: String,
    starts_on: String,
    ends_on: String,
    hours: String,
    places: String,
}

impl SessionForm {
    fn parse(&self) -> Result<NewSession, AppError> {
        let mut errors = Vec::new();
        let starts_on = date("starts_on", "开始日期", &self.starts_on, &mut errors);
        let ends_on = date("ends_on", "结束日期", &self.ends_on, &mut errors);
        let hours = number("hours", "学时", &self.hours, &mut errors);
        if hours.is_none() && self.hours.trim().is_empty() {
            errors.push(FieldError::new("hours", "请填写学时"));
        }
        let places = number("places", "名额", &self.places, &mut errors);
        invalid_if_any(errors)?;
        Ok(NewSession {
            title: self.title.clone(),
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            hours: hours.unwrap_or_default(),
            places,
        })
    }
}

pub fn session_form(
    actor: &Actor,
    project: ProjectId,
    r: &Refusal,
    typed: Option<&SessionForm>,
) -> Markup {
    let f = typed.cloned().unwrap_or_default();
    html! {
        form.stacked id="session-form" method="post" action=(format!("/teachers/training/projects/{}/sessions", project.0)) {
            (csrf_field(actor))
            (refusal_view(r))
            label for="title" { "场次名称" } input id="title" name="title" value=(f.title); (field_error(&r.errors, "title"))
            label for="starts_on" { "开始日期" } input id="starts_on" name="starts_on" type="date" value=(f.starts_on); (field_error(&r.errors, "starts_on"))
            label for="ends_on" { "结束日期" } input id="ends_on" name="ends_on" type="date" value=(f.ends_on); (field_error(&r.errors, "ends_on"))
            label for="hours" { "学时" } input id="hours" name="hours" inputmode="numeric" value=(f.hours); (field_error(&r.errors, "hours"))
            label for="places" { "名额（不限请留空）" } input id="places" name="places" inputmode="numeric" value=(f.places); (field_error(&r.errors, "places"))
            p { button type="submit" { "新增场次" } }
        }
    }
}

pub async fn create_session(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Form(f): Form<SessionForm>,
) -> PageResult {
    let done = match f.parse() {
        Ok(n) => service::create_session(&s.db, &caller, id, &n).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(x) => {
            Ok(Redirect::to(&format!("/teachers/training/sessions/{}", x.id.0)).into_response())
        }
        Err(e) => {
            let (status, r) = refused(e)?;
            Ok(answer(
                status,
                project_page(&s, &actor, &caller, id, &r, Some(&f)).await?,
            ))
        }
    }
}

/// The picker: search staff by name or national ID, then credit one.
pub fn attendance_form(
    actor: &Actor,
    x: &Session,
    q: &str,
    found: &[StaffRef],
    r: &Refusal,
) -> Markup {
    let action = format!("/teachers/training/sessions/{}/attendance", x.id.0);
    html! {
        h2 { "登记参训" }
        (refusal_view(r))
        form id="staff-search" method="get" action=(format!("/teachers/training/sessions/{}", x.id.0)) {
            label for="q" { "按姓名或身份证件号查找教师" }
            input id="q" name="q" value=(q);
            button type="submit" { "查找" }
        }
        @if !q.trim().is_empty() && found.is_empty() { p.muted { "没有找到姓名含“" (q) "”或身份证件号为“" (q) "”的在职教职工。" } }
        @if !found.is_empty() {
            table id="staff-found" {
                thead { tr { th { "姓名" } th { "单位" } th { "参训日期" } th { "学时" } th {} } }
                tbody { @for st in found { tr { form method="post" action=(action) {
                    td { (st.name) } td { (st.institution_name) }
                    td { input type="date" name="attended_on" value=(x.starts_on.to_string()); }
                    td { input name="hours" inputmode="numeric" size="4" value=(x.hours); }
                    td { (csrf_field(actor)) input type="hidden" name="staff_id" value=(st.id); button type="submit" { "登记" } }
                } } } }
            }
            (field_error(&r.errors, "attended_on"))
            (field_error(&r.errors, "hours"))
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttendanceForm {
    staff_id: String,
    attended_on: String,
    hours: String,
}

impl AttendanceForm {
    fn parse(&self) -> Result<AttendanceInput, AppError> {
        let mut errors = Vec::new();
        let staff_id = self
            .staff_id
            .trim()
            .parse()
            .map_err(|_| AppError::NotFound)?;
        let attended_on = if self.attended_on.trim().is_empty() {
            None
        } else {
            date("attended_on", "参训日期", &self.attended_on, &mut errors)
        };
        let hours = number("hours", "学时", &self.hours, &mut errors);
        invalid_if_any(errors)?;
        Ok(AttendanceInput {
            staff_id,
            attended_on,
            hours,
        })
    }
}

pub async fn record(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    Form(f): Form<AttendanceForm>,
) -> PageResult {
    let done = match f.parse() {
        Ok(input) => attendance::record(&s.db, &caller, id, &input).await,
        Err(e) => Err(e),
    };
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/teachers/training/sessions/{}", id.0)).into_response()),
        Err(e) => {
            let (status, r) = refused(e)?;
            Ok(answer(
                status,
                session_page(&s, &actor, &caller, id, "", &r).await?,
            ))
        }
    }
}
