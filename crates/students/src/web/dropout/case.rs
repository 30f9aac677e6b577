//! One case: its facts, home visits, and the forms to set cause and
//! responsible person, record a visit and close it.

use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, error_summary, field_error, select};
use platform::web::{page, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::status_label;
use crate::domain::dropout::{CaseStatus, CloseInput, VisitInput};
use crate::service::dropout::{self as service, CaseDetail, CaseUpdate, CloseRequest};
use crate::service::today;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Notice {
    notice: Option<String>,
}

fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "已保存原因和责任人。",
        "visit" => "已登记家访。",
        "closed" => "案件已结案。",
        _ => return None,
    })
}

/// The cause form as typed; numbers arrive as text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UpdateForm {
    version: String,
    cause: String,
    responsible: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    version: String,
    status: String,
    date: String,
    outcome: String,
}

/// What the forms show: the values typed, after a refused submission.
#[derive(Default)]
struct Typed {
    cause: Option<(String, String)>,
    visit: VisitInput,
    close: CloseInput,
    errors: Vec<FieldError>,
    alert: Option<String>,
    /// Which form was refused: cause, visit or close.
    form: &'static str,
}

impl Typed {
    /// The inline error of `field`, under the form that was refused only.
    fn error(&self, form: &str, field: &str) -> Markup {
        if self.form == form {
            field_error(&self.errors, field)
        } else {
            html! {}
        }
    }
}

fn body(actor: &Actor, d: &CaseDetail, notice: Option<&str>, t: &Typed) -> Markup {
    let c = &d.case;
    let open = c.status == CaseStatus::Open.key();
    let writer = open && actor.may(WorkArea::Dropout, Access::Write);
    let (cause, responsible) = t
        .cause
        .clone()
        .unwrap_or_else(|| (c.cause.clone(), c.responsible.clone()));
    let endings: Vec<(String, String)> = CaseStatus::ALL[1..]
        .iter()
        .map(|s| (s.key().into(), s.label().into()))
        .collect();
    let visit_date = if t.visit.date.is_empty() {
        today().to_string()
    } else {
        t.visit.date.clone()
    };
    let close_date = if t.close.date.is_empty() {
        today().to_string()
    } else {
        t.close.date.clone()
    };
    html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        @if let Some(a) = &t.alert { p.alert role="alert" { (a) } }
        (error_summary(&t.errors))
        div.actions {
            a.button.secondary href="/dropout" { "返回案件列表" }
            @if actor.may(WorkArea::Audit, Access::Read) { a.button.secondary href=(format!("/audit?entity=dropout_case&entity_id={}", c.id)) { "修改记录" } }
        }
        dl.facts {
            dt { "姓名" } dd { (c.name) }
            dt { "身份证件号" } dd { (c.id_number) }
            dt { "户籍乡镇（街道）" } dd { (c.township_name) }
            dt { "原就读学校" } dd { (c.institution_name.as_deref().unwrap_or("—")) }
            dt { "当前学籍" } dd {
                @if c.enrolled_now { "已有在读学籍" } @else { "无在读学籍" }
                @if let Some(sid) = c.student_id { " " a href=(format!("/students/{sid}")) { "查看学籍" } }
            }
            dt { "状态" } dd { strong { (status_label(&c.status)) } }
            dt { "立案日期" } dd { (c.opened_on) }
            dt { "原因" } dd { (c.cause) }
            dt { "劝返责任人" } dd { @if c.responsible.is_empty() { "未指定" } @else { (c.responsible) } }
            @if let Some(on) = c.closed_on { dt { "结案日期" } dd { (on) } dt { "结案情况" } dd { (c.outcome) } }
            dt { "版本" } dd.muted { "第 " (c.version) " 版" }
        }
        @if writer {
            h2 { "原因与责任人" }
            form.stacked method="post" action=(format!("/dropout/cases/{}", c.id)) {
                (csrf_field(actor))
                input type="hidden" name="version" value=(c.version);
                label for="cause" { "辍学（未入学）原因" }
                input type="text" id="cause" name="cause" value=(cause) maxlength="200";
                (t.error("cause", "cause"))
                label for="responsible" { "劝返责任人" }
                input type="text" id="responsible" name="responsible" value=(responsible) maxlength="50";
                (t.error("cause", "responsible"))
                p { button type="submit" { "保存" } }
            }
        }
        h2 { "家访记录" }
        table id="visits" {
            thead { tr { th { "日期" } th { "家访人" } th { "情况" } } }
            tbody { @for v in &d.visits { tr { td { (v.visited_on) } td { (v.visitor) } td { (v.outcome) } } } }
        }
        @if d.visits.is_empty() { p.muted { "尚无家访记录。" } }
        @if writer {
            form.stacked method="post" action=(format!("/dropout/cases/{}/visits", c.id)) {
                (csrf_field(actor))
                label for="visit-date" { "家访日期" }
                input type="date" id="visit-date" name="date" value=(visit_date);
                (t.error("visit", "date"))
                label for="visitor" { "家访人" }
                input type="text" id="visitor" name="visitor" value=(t.visit.visitor);
                (t.error("visit", "visitor"))

                label for="visit-outcome" { "家访情况" }
                textarea id="visit-outcome" name="outcome" rows="3" { (t.visit.outcome) }
                (t.error("visit", "outcome"))
                p { button type="submit" { "登记家访" } }
            }
            h2 { "结案" }
            form.stacked method="post" action=(format!("/dropout/cases/{}/close", c.id)) {
                (csrf_field(actor))
                input type="hidden" name="version" value=(c.version);
                label for="status" { "结案方式" }
                (select("status", &endings, &t.close.status, Some("请选择")))
                (t.error("close", "status"))
                label for="close-date" { "结案日期" }
                input type="date" id="close-date" name="date" value=(close_date);
                (t.error("close", "date"))
                label for="close-outcome" { "结案情况" }
                textarea id="close-outcome" name="outcome" rows="3" { (t.close.outcome) }
                (t.error("close", "outcome"))
                p { button type="submit" { "结案" } }
            }
        }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Query(n): Query<Notice>,
) -> PageResult {
    let d = service::get(&state.db, &Caller::from(&actor), id).await?;
    let notice = n.notice.as_deref().and_then(notice_text);
    let title = format!("控辍保学案件：{}", d.case.name);
    Ok(page(&actor, &title, body(&actor, &d, notice, &Typed::default())).into_response())
}

/// After a refused submission: the page again, with the errors and the
/// values typed; other errors go to the error page.
async fn redisplay(
    state: &AppState,
    actor: &Actor,
    id: i64,
    e: AppError,
    mut t: Typed,
) -> PageResult {
    let status = match e {
        AppError::Invalid(errors) => {
            t.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        AppError::Conflict(msg) => {
            t.alert = Some(msg);
            StatusCode::CONFLICT
        }
        other => return Err(other),
    };
    let d = service::get(&state.db, &Caller::from(actor), id).await?;
    let title = format!("控辍保学案件：{}", d.case.name);
    Ok((status, page(actor, &title, body(actor, &d, None, &t))).into_response())
}

fn version_of(v: &str) -> Result<i64, AppError> {
    v.trim()
        .parse()
        .map_err(|_| AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into()))
}

pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Form(f): Form<UpdateForm>,
) -> PageResult {
    let u = CaseUpdate {
        version: version_of(&f.version)?,
        cause: f.cause.clone(),
        responsible: f.responsible.clone(),
    };
    match service::update(&state.db, &Caller::from(&actor), id, &u).await {
        Ok(_) => Ok(Redirect::to(&format!("/dropout/cases/{id}?notice=saved")).into_response()),
        Err(e) => {
            let t = Typed {
                cause: Some((f.cause, f.responsible)),
                form: "cause",
                ..Default::default()
            };
            redisplay(&state, &actor, id, e, t).await
        }
    }
}

pub async fn add_visit(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Form(v): Form<VisitInput>,
) -> PageResult {
    match service::add_visit(&state.db, &Caller::from(&actor), id, &v).await {
        Ok(_) => Ok(Redirect::to(&format!("/dropout/cases/{id}?notice=visit")).into_response()),
        Err(e) => {
            redisplay(
                &state,
                &actor,
                id,
                e,
                Typed {
                    visit: v,
                    form: "visit",
                    ..Default::default()
                },
            )
            .await
        }
    }
}

pub async fn close(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Form(f): Form<CloseForm>,
) -> PageResult {
    let input = CloseInput {
        status: f.status,
        date: f.date,
        outcome: f.outcome,
    };
    let req = CloseRequest {
        version: Some(version_of(&f.version)?),
        input: input.clone(),
    };
    match service::close(&state.db, &Caller::from(&actor), id, &req).await {
        Ok(_) => Ok(Redirect::to(&format!("/dropout/cases/{id}?notice=closed")).into_response()),
        Err(e) => {
            redisplay(
                &state,
                &actor,
                id,
                e,
                Typed {
                    close: input,
                    form: "close",
                    ..Default::default()
                },
            )
            .await
        }
    }
}
