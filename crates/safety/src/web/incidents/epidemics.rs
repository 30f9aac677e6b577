//! 疫情报告 pages: the events with the district's daily view (table and
//! line chart) and a form to report one; an event with its daily reports,
//! the plan's activation and its end.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::vocab::check::{Checker, Field};
use platform::web::directory::{picker, InstitutionChoice};
use platform::web::forms::{csrf_field, options, redisplay, refusal_view, select};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::api::OpenOnly;
use super::pages::incidents_nav;
use crate::domain::incidents::{Disease, EpidemicId, EpidemicInput, EpidemicReport};
use crate::service::buses::keeps_records;
use crate::service::incidents::epidemics::{
    self as service, DailyView, EpidemicDetail, NewEpidemic, OnDate,
};
use crate::web::buses::{choices, chosen};

const TITLE: &str = "疫情报告";
/// Days of the daily view on the page.
const VIEW_DAYS: i64 = 14;

fn daily_table(v: &DailyView) -> Markup {
    html! {
        table id="epidemic-daily" {
            thead { tr { th { "学校" } @for d in &v.days { th.num { (d.format("%m-%d")) } } th.num { "合计" } } }
            tbody { @for r in &v.rows { tr {
                td { (r.institution_name) } @for n in &r.new_cases { td.num { (n) } } td.num { (r.total) }
            } } }
        }
    }
}

fn open_form(actor: &Actor, all: &[InstitutionChoice]) -> Markup {
    let diseases = options(Disease::ALL.iter().map(|d| {
        (
            d.as_str(),
            format!("{}（观察期 {} 天）", d.label(), d.observation_days()),
        )
    }));
    html! {
        h2 { "报告疫情" }
        form.stacked id="epidemic-form" method="post" action="/safety/epidemics" {
            (csrf_field(actor))
            @if !all.is_empty() { label for="institution" { "学校" } (picker("institution", "", all)) }
            label for="disease" { "病种" } (select("disease", &diseases, "", None))
            label for="first_case_on" { "首例发病日期" } input type="date" id="first_case_on" name="first_case_on";
            label for="note" { "情况说明" } input id="note" name="note";
            p { button type="submit" { "报告" } }
        }
    }
}

async fn list_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    open_only: bool,
) -> Result<Markup, AppError> {
    let events = service::list(&s.db, caller, open_only).await?;
    let view = service::daily(&s.db, caller, VIEW_DAYS).await?;
    let all = choices(s, actor).await?;
    Ok(html! {
        (incidents_nav())
        h2 { "近 " (VIEW_DAYS) " 天每日新增病例" }
        @if view.rows.is_empty() { p { "近期没有疫情日报。" } } @else {
            img src="/safety/epidemics/daily.png" alt="疫情每日新增病例折线图" width="900" height="420";
            (daily_table(&view))
        }
        h2 { "疫情事件" }
        table id="epidemics" {
            thead { tr { th { "学校" } th { "病种" } th { "首例发病" } th.num { "累计病例" } th { "最近日报" } th { "应急预案" } th { "状态" } } }
            tbody { @for e in &events { tr {
                td { a href=(format!("/safety/epidemics/{}", e.id)) { (e.institution_name) } }
                td { (e.disease.label()) } td { (e.first_case_on) } td.num { (e.cases) }
                td { (e.last_report_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into())) }
                td { (e.plan_activated_on.map(|d| format!("{d} 启动")).unwrap_or_else(|| "未启动".into())) }
                td { @match e.closed_on { Some(on) => { "已结束（" (on) "）" }, None => span.warning { "进行中" } } }
            } } }
        }
        @if keeps_records(caller) { (open_form(actor, &all)) }
    })
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(o): Query<OpenOnly>,
) -> PageResult {
    let body = list_page(&s, &actor, &caller, o.open == Some(true)).await?;
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn chart(State(s): State<AppState>, caller: Caller) -> PageResult {
    let view = service::daily(&s.db, &caller, VIEW_DAYS).await?;
    let png = service::chart(&view)?;
    Ok(file_response("疫情每日新增病例.png", "image/png", png))
}

fn date(c: &mut Checker, key: &str, label: &str, v: &str) -> Option<NaiveDate> {
    let f = Field::new(key, label);
    if c.required(f, v).is_empty() {
        None
    } else {
        c.date(f, v)
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct EpidemicForm {
    institution: String,
    disease: String,
    first_case_on: String,
    note: String,
}

pub async fn open(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<EpidemicForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = chosen(&all, &f.institution)?;
        let mut c = Checker::new();
        let disease = c.parsed(Field::new("disease", "病种"), &f.disease, |v| {
            Disease::parse(v).ok_or("请选择病种")
        });
        let first = date(&mut c, "first_case_on", "首例发病日期", &f.first_case_on);
        let epidemic = c
            .finish(EpidemicInput {
                disease: disease.unwrap_or(Disease::Other),
                first_case_on: first.unwrap_or_default(),
                observation_days: None,
                note: f.note.clone(),
            })
            .map_err(AppError::Invalid)?;
        service::open(
            &s.db,
            &caller,
            &NewEpidemic {
                institution_id,
                epidemic,
            },
        )
        .await
    }
    .await;
    match done {
        Ok(d) => Ok(Redirect::to(&format!("/safety/epidemics/{}", d.epidemic.id)).into_response()),
        Err(e) => {
            let body = list_page(&s, &actor, &caller, false).await?;
            redisplay(&actor, TITLE, e, |r| html! { (refusal_view(r)) (body) })
        }
    }
}

fn detail_view(actor: &Actor, caller: &Caller, d: &EpidemicDetail) -> Markup {
    let e = &d.epidemic;
    let open = e.closed_on.is_none() && keeps_records(caller);
    let today = platform::time::today();
    html! {
        (incidents_nav())
        dl.facts {
            dt { "病种" } dd { (e.disease.label()) }
            dt { "首例发病日期" } dd { (e.first_case_on) }
            dt { "累计病例" } dd id="epidemic-cases" { (e.cases) }
            dt { "末例病例日期" } dd { (d.last_case_on) }
            dt { "观察期" } dd { (e.observation_days) " 天，最早 " (d.may_end_on) " 可结束" }
            dt { "应急预案" } dd id="epidemic-plan" { (e.plan_activated_on.map(|d| format!("{d} 启动")).unwrap_or_else(|| "未启动".into())) }
            dt { "状态" } dd id="epidemic-status" { @match e.closed_on { Some(on) => { "已结束（" (on) "）" }, None => { "进行中" } } }
            dt { "情况说明" } dd { (e.note) }
        }
        table id="epidemic-reports" {
            thead { tr { th { "日期" } th.num { "新增病例" } th.num { "缺课人数" } th { "涉及班级" } } }
            tbody { @for r in &d.reports { tr { td { (r.reported_on) } td.num { (r.new_cases) } td.num { (r.absent) } td { (r.classes) } } } }
        }
        @if open {
            h2 { "报送日报" }
            form.stacked id="report-form" method="post" action=(format!("/safety/epidemics/{}/reports", e.id)) {
                (csrf_field(actor))
                label for="reported_on" { "日期" } input type="date" id="reported_on" name="reported_on" value=(today);
                label for="new_cases" { "新增病例" } input type="number" id="new_cases" name="new_cases" min="0";
                label for="absent" { "缺课人数" } input type="number" id="absent" name="absent" min="0";
                label for="classes" { "涉及班级（可不填）" } input id="classes" name="classes";
                p { button type="submit" { "报送" } }
            }
            @if e.plan_activated_on.is_none() {
                form method="post" action=(format!("/safety/epidemics/{}/plan", e.id)) {
                    (csrf_field(actor)) p { button type="submit" { "启动应急预案" } }
                }
            }
            form.stacked method="post" action=(format!("/safety/epidemics/{}/close", e.id)) {
                (csrf_field(actor))
                label for="on" { "结束日期" } input type="date" id="on" name="on" value=(today);
                p { button type="submit" { "结束疫情" } }
            }
        }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<EpidemicId>,
) -> PageResult {
    let d = service::get(&s.db, &caller, id).await?;
    Ok(page(
        &actor,
        &format!("疫情：{}", d.epidemic.institution_name),
        detail_view(&actor, &caller, &d),
    )
    .into_response())
}

/// Answers an action on an event: back to the event, or the event again
/// with the refusal.
async fn answer(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: EpidemicId,
    done: Result<EpidemicDetail, AppError>,
) -> PageResult {
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/safety/epidemics/{id}")).into_response()),
        Err(e) => {
            let d = service::get(&s.db, caller, id).await?;
            redisplay(
                actor,
                TITLE,
                e,
                |r| html! { (refusal_view(r)) (detail_view(actor, caller, &d)) },
            )
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    reported_on: String,
    new_cases: String,
    absent: String,
    classes: String,
}

pub async fn report(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<EpidemicId>,
    Form(f): Form<ReportForm>,
) -> PageResult {
    let done = async {
        let mut c = Checker::new();
        let on = date(&mut c, "reported_on", "日期", &f.reported_on);
        let new_cases = c.int(
            Field::new("new_cases", "新增病例"),
            &f.new_cases,
            0..=100_000,
        );
        let absent = c.int(Field::new("absent", "缺课人数"), &f.absent, 0..=100_000);
        let r = c
            .finish(EpidemicReport {
                reported_on: on.unwrap_or_default(),
                new_cases: new_cases.unwrap_or(0),
                absent: absent.unwrap_or(0),
                classes: f.classes.clone(),
            })
            .map_err(AppError::Invalid)?;
        service::report(&s.db, &caller, id, &r).await
    }
    .await;
    answer(&s, &actor, &caller, id, done).await
}

pub async fn activate_plan(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<EpidemicId>,
) -> PageResult {
    let done = service::activate_plan(&s.db, &caller, id, &OnDate::default()).await;
    answer(&s, &actor, &caller, id, done).await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CloseForm {
    on: String,
}

pub async fn close(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<EpidemicId>,
    Form(f): Form<CloseForm>,
) -> PageResult {
    let done = async {
        let mut c = Checker::new();
        let on = date(&mut c, "on", "结束日期", &f.on);
        let on = c.finish(on).map_err(AppError::Invalid)?;
        service::close(&s.db, &caller, id, &OnDate { on }).await
    }
    .await;
    answer(&s, &actor, &caller, id, done).await
}
