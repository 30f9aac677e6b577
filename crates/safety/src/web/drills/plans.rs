//! /safety/plans: the emergency plans in force (应急预案) with where their
//! review stands, and the form to record a new version.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::drills::{EmergencyType, PlanInput, ReviewState};
use crate::service::drills::{self as service, PlanLine};
use crate::service::hazards::may_write;
use crate::store::hazards::institution_choices;

const TITLE: &str = "应急预案";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlansQuery {
    institution_id: String,
    overdue: String,
}

fn table(plans: &[PlanLine]) -> Markup {
    html! {
        @if plans.is_empty() { p.muted #no-plans { "没有符合条件的应急预案。" } } @else {
            table #plans {
                thead { tr { th { "学校" } th { "类型" } th { "预案名称" } th.num { "版本" } th { "批准日期" } th { "修订日期" } th { "状态" } } }
                tbody { @for p in plans { tr {
                    td { (p.plan.institution_name) } td { (p.plan.plan_type.label()) } td { (p.plan.title) }
                    td.num { (p.plan.version) } td { (show_date(p.plan.approved_on)) } td { (show_date(p.plan.review_on)) }
                    td { span class=(format!("tag review-{}", p.review.as_str())) {
                        @if p.review == ReviewState::Current { (p.review.label()) } @else { strong { (p.review.label()) } }
                    } }
                } } }
            }
        }
    }
}

fn form(
    actor: &Actor,
    bureau: bool,
    schools: &[(String, String)],
    f: &PlanInput,
    r: &Refusal,
) -> Markup {
    let e = &r.errors;
    let types = options(EmergencyType::ALL.iter().map(|t| (t.as_str(), t.label())));
    let chosen = f.institution_id.map(|i| i.to_string()).unwrap_or_default();
    html! {
        h2 { "登记应急预案（新版本）" }
        (refusal_view(r))
        form.stacked #plan-form method="post" action="/safety/plans" {
            (csrf_field(actor))
            @if bureau {
                label for="institution_id" { "学校" }
                (select("institution_id", schools, &chosen, Some("请选择"))) (field_error(e, "institution_id"))
            }
            label for="plan_type" { "预案类型" }
            (select("plan_type", &types, &f.plan_type, Some("请选择"))) (field_error(e, "plan_type"))
            label for="title" { "预案名称" }
            input #title name="title" value=(f.title); (field_error(e, "title"))
            label for="approved_on" { "批准日期" }
            input #approved_on name="approved_on" type="date" value=(f.approved_on); (field_error(e, "approved_on"))
            label for="review_on" { "修订日期（不填为批准后一年）" }
            input #review_on name="review_on" type="date" value=(f.review_on); (field_error(e, "review_on"))
            p { button type="submit" { "保存" } }
        }
    }
}

struct Data {
    plans: Vec<PlanLine>,
    schools: Vec<(String, String)>,
}

async fn load(s: &AppState, caller: &Caller, q: &PlansQuery) -> Result<Data, platform::AppError> {
    let institution = q.institution_id.trim().parse().ok();
    Ok(Data {
        plans: service::plans(&s.db, caller, institution, q.overdue == "true").await?,
        schools: options(institution_choices(&s.db, &caller.scope).await?),
    })
}

fn view(
    actor: &Actor,
    caller: &Caller,
    q: &PlansQuery,
    d: &Data,
    typed: &PlanInput,
    r: &Refusal,
) -> Markup {
    let bureau = caller.scope == Scope::All;
    html! {
        p { a href="/safety" { "← 校园安全" } " · " a href="/safety/drills" { "应急演练" } }
        form.filters method="get" action="/safety/plans" {
            @if bureau { label { "学校" (select("institution_id", &d.schools, &q.institution_id, Some("全部"))) } }
            label { input type="checkbox" name="overdue" value="true" checked[q.overdue == "true"]; "仅逾期未修订" }
            button type="submit" { "筛选" }
        }
        (table(&d.plans))
        @if may_write(caller) { (form(actor, bureau, &d.schools, typed, r)) }
    }
}

pub async fn plans(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PlansQuery>,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller, &q).await?;
    let body = view(
        &actor,
        &caller,
        &q,
        &d,
        &PlanInput::default(),
        &Refusal::default(),
    );
    Ok(page(&actor, TITLE, html! { (notice.view(notices)) (body) }).into_response())
}

/// The plan form as typed (the school as text, so "" is no choice).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PlanForm {
    institution_id: String,
    plan_type: String,
    title: String,
    approved_on: String,
    review_on: String,
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<PlanForm>,
) -> PageResult {
    let input = PlanInput {
        institution_id: f.institution_id.trim().parse().ok(),
        plan_type: f.plan_type,
        title: f.title,
        approved_on: f.approved_on,
        review_on: f.review_on,
    };
    match service::save_plan(&s.db, &caller, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice("/safety/plans", "plan")).into_response()),
        Err(e) => {
            let q = PlansQuery::default();
            let d = load(&s, &caller, &q).await?;
            redisplay(&actor, TITLE, e, |r| {
                view(&actor, &caller, &q, &d, &input, r)
            })
        }
    }
}
