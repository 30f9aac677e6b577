//! One case: its facts, home visits, and the forms to set cause and
//! responsible person, record a visit and close it.

use axum::extract::{Form, Path, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, field_error, refusal_view, select, Refusal};
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::dropout::{CaseStatus, CloseInput, VisitInput};
use crate::domain::ids::CaseId;
use crate::reader::DropoutReader;
use crate::service::dropout::{self as service, CaseDetail, CaseUpdate, CloseRequest};
use crate::service::today;
use crate::web::forms;

fn notices(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "已保存原因和责任人。",
        "visit" => "已登记家访。",
        "closed" => "案件已结案。",
        "assigned" => "已分派。",
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
pub struct Typed {
    cause: Option<(String, String)>,
    visit: VisitInput,
    close: CloseInput,
    /// Which form was refused: cause, visit or close.
    form: &'static str,
}

/// A case page's forms: the values typed and what was refused.
struct Forms<'a> {
    typed: &'a Typed,
    refusal: &'a Refusal,
}

impl Forms<'_> {
    /// The inline error of `field`, under the form that was refused only.
    fn error(&self, form: &str, field: &str) -> Markup {
        if self.typed.form == form {
            field_error(&self.refusal.errors, field)
        } else {
            html! {}
        }
    }
}

/// The case page; `notice` after a save, `typed` and `r` after a refused form.
pub fn view(actor: &Actor, d: &CaseDetail, notice: &Notice, typed: &Typed, r: &Refusal) -> Markup {
    let t = Forms { typed, refusal: r };
    let typed = t.typed;
    let c = &d.case;
    let open = c.status == CaseStatus::Open;
    let writer = open && actor.may(WorkArea::Dropout, Access::Write);
    let (cause, responsible) = typed
        .cause
        .clone()
        .unwrap_or_else(|| (c.cause.clone(), c.responsible.clone()));
    let endings: Vec<(String, String)> = CaseStatus::ALL[1..]
        .iter()
        .map(|s| (s.as_str().into(), s.label().into()))
        .collect();
    let or_today = |d: &str| {
        if d.is_empty() {
            today().to_string()
        } else {
            d.to_string()
        }
    };
    let (visit_date, close_date) = (or_today(&typed.visit.date), or_today(&typed.close.date));
    html! {
        (notice.view(notices))
        (refusal_view(r))
        div.actions {
            a.button.secondary href="/dropout" { "返回案件列表" }
            @if actor.may(WorkArea::Audit, Access::Read) { a.button.secondary href=(format!("/audit?entity=dropout_case&entity_id={}", c.id)) { "修改记录" } }
        }
        dl.facts {
            dt { "姓名" } dd { (c.name) }
            dt { "身份证件号" } dd { (c.id_number) }
            dt { "户籍乡镇（街道）" } dd { (c.township_name) }
            dt { "学校" } dd { (c.institution_name.as_deref().unwrap_or("未分派")) }
            dt { "当前学籍" } dd {
                @if c.enrolled_now { "已有在读学籍" } @else { "无在读学籍" }
                @if let Some(sid) = c.student_id { " " a href=(format!("/students/{sid}")) { "查看学籍" } }
            }
            dt { "状态" } dd { strong { (c.status.label()) } }
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
        (super::assign::form(actor, c))
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
                input type="text" id="visitor" name="visitor" value=(typed.visit.visitor);
                (t.error("visit", "visitor"))

                label for="visit-outcome" { "家访情况" }
                textarea id="visit-outcome" name="outcome" rows="3" { (typed.visit.outcome) }
                (t.error("visit", "outcome"))
                p { button type="submit" { "登记家访" } }
            }
            h2 { "结案" }
            form.stacked method="post" action=(format!("/dropout/cases/{}/close", c.id)) {
                (csrf_field(actor))
                input type="hidden" name="version" value=(c.version);
                label for="status" { "结案方式" }
                (select("status", &endings, &typed.close.status, Some("请选择")))
                (t.error("close", "status"))
                label for="close-date" { "结案日期" }
                input type="date" id="close-date" name="date" value=(close_date);
                (t.error("close", "date"))
                label for="close-outcome" { "结案情况" }
                textarea id="close-outcome" name="outcome" rows="3" { (typed.close.outcome) }
                (t.error("close", "outcome"))
                p { button type="submit" { "结案" } }
            }
        }
    }
}

fn title(d: &CaseDetail) -> String {
    format!("控辍保学案件：{}", d.case.name)
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CaseId>,
    notice: Notice,
) -> PageResult {
    let d = DropoutReader::of(&state.db, &caller)?.case(id).await?;
    let body = view(&actor, &d, &notice, &Typed::default(), &Refusal::default());
    Ok(page(&actor, &title(&d), body).into_response())
}

/// After a submission: back to the case with `notice`, or the page again
/// with the errors and the values typed.
async fn answer<T>(
    state: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: CaseId,
    saved: Result<T, AppError>,
    notice: &str,
    typed: Typed,
) -> PageResult {
    let reader = DropoutReader::of(&state.db, caller)?;
    let back = format!("/dropout/cases/{id}");
    forms::answer(
        actor,
        saved,
        (&back, notice),
        reader.case(id),
        title,
        |d, r| view(actor, d, &Notice::default(), &typed, r),
    )
    .await
}

fn version_of(v: &str) -> Result<i64, AppError> {
    v.trim()
        .parse()
        .map_err(|_| AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into()))
}

pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CaseId>,
    Form(f): Form<UpdateForm>,
) -> PageResult {
    let u = CaseUpdate {
        version: version_of(&f.version)?,
        cause: f.cause.clone(),
        responsible: f.responsible.clone(),
    };
    let saved = service::update(&state.db, &caller, id, &u).await;
    let typed = Typed {
        cause: Some((f.cause, f.responsible)),
        form: "cause",
        ..Default::default()
    };
    answer(&state, &actor, &caller, id, saved, "saved", typed).await
}

pub async fn add_visit(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CaseId>,
    Form(v): Form<VisitInput>,
) -> PageResult {
    let saved = service::add_visit(&state.db, &caller, id, &v).await;
    let typed = Typed {
        visit: v,
        form: "visit",
        ..Default::default()
    };
    answer(&state, &actor, &caller, id, saved, "visit", typed).await
}

pub async fn close(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CaseId>,
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
    let saved = service::close(&state.db, &caller, id, &req).await;
    let typed = Typed {
        close: input,
        form: "close",
        ..Default::default()
    };
    answer(&state, &actor, &caller, id, saved, "closed", typed).await
}
