//! /community/activities: the year's trainings by kind (人次, certificates,
//! early-education coverage), the trainings held, events and honours, the
//! resources with their uses, and the form to record a training.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::Datelike;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::notices;
use crate::domain::activities::{TrainingInput, TrainingKind};
use crate::service::activities::{self as service, TrainingSummary};
use crate::service::network::may_write;
use crate::store::activities::{Event, Resource, Training};

const TITLE: &str = "学习资源、活动与培训";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct YearQuery {
    year: String,
}

struct Data {
    year: i64,
    summary: TrainingSummary,
    trainings: Vec<Training>,
    events: Vec<Event>,
    resources: Vec<Resource>,
    institutions: Vec<(String, String)>,
}

async fn load(s: &AppState, caller: &Caller, year: i64) -> Result<Data, AppError> {
    let holders = crate::store::network::schools(&s.db, &caller.scope).await?;
    Ok(Data {
        year,
        summary: service::summary(&s.db, caller, year).await?,
        trainings: service::trainings(&s.db, caller, year).await?,
        events: service::events(&s.db, caller, year).await?,
        resources: service::resources(&s.db, caller, None).await?,
        institutions: options(holders.iter().map(|h| (h.institution_id, h.name.as_str()))),
    })
}

fn summary(s: &TrainingSummary) -> Markup {
    html! {
        table #training-summary {
            thead { tr { th { "类型" } th.num { "场次" } th.num { "人次" } th.num { "学时" } th.num { "发证数" } } }
            tbody { @for k in &s.kinds { tr {
                td { (k.kind.label()) } td.num { (k.sessions) } td.num { (k.attendances) } td.num { (k.hours) } td.num { (k.certificates) }
            } } }
        }
        p #training-figures {
            "成人培训 " strong { (s.adult_attendances) } " 人次，发证 " strong { (s.certificates) } " 本；早教覆盖率 "
            strong { @match s.early_coverage {
                Some(c) => { (format!("{c:.1}%")) }
                None => { "—" }
            } }
        }
    }
}

fn lists(d: &Data) -> Markup {
    html! {
        h2 { "培训记录" }
        table #trainings {
            thead { tr { th { "日期" } th { "举办机构" } th { "类型" } th { "名称" } th.num { "人次" } th.num { "学时" } th.num { "发证" } th.num { "覆盖家庭/儿童" } } }
            tbody { @for t in d.trainings.iter().take(200) { tr {
                td { (show_date(t.held_on)) } td { (t.institution_name) } td { (t.kind.label()) } td { (t.title) }
                td.num { (t.attendances) } td.num { (t.hours) } td.num { (t.certificates) }
                td.num { @if let (Some(f), Some(c)) = (t.families, t.children) { (f) " / " (c) } }
            } } }
        }
        h2 { "活动与荣誉" }
        table #events {
            thead { tr { th { "类型" } th { "名称" } th { "乡镇（街道）" } th.num { "参与人数" } } }
            tbody { @for e in &d.events { tr {
                td { (e.kind.label()) } td { (e.title) } td { (e.township_name) } td.num { (e.participants) }
            } } }
        }
        h2 { "远程学习资源" }
        p { a href="/learn" { "市民学习资源目录（公开页面）" } }
        table #resources {
            thead { tr { th { "名称" } th { "类型" } th { "学科" } th { "提供单位" } th.num { "学习次数" } } }
            tbody { @for r in &d.resources { tr {
                td { a href=(r.url) { (r.title) } } td { (r.kind.label()) } td { (r.subject) } td { (r.provider) } td.num { (r.uses) }
            } } }
        }
    }
}

fn form(actor: &Actor, bureau: bool, d: &Data, f: &TrainingForm, r: &Refusal) -> Markup {
    let e = &r.errors;
    let kinds = options(TrainingKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    html! {
        h2 #add-training { "登记培训" }
        (refusal_view(r))
        form.stacked #training-form method="post" action="/community/activities" {
            (csrf_field(actor))
            @if bureau {
                label for="institution_id" { "举办机构" }
                (select("institution_id", &d.institutions, &f.institution_id, Some("请选择"))) (field_error(e, "institution_id"))
            }
            label for="kind" { "类型" }
            (select("kind", &kinds, &f.kind, Some("请选择"))) (field_error(e, "kind"))
            @for (name, label, value) in [
                ("title", "名称", &f.title), ("held_on", "日期", &f.held_on), ("attendances", "人次", &f.attendances),
                ("hours", "学时", &f.hours), ("certificates", "发证数", &f.certificates),
                ("families", "覆盖家庭数（早教）", &f.families), ("children", "0–3岁儿童数（早教）", &f.children),
            ] {
                label for=(name) { (label) }
                input id=(name) name=(name) type=(if name == "held_on" { "date" } else { "text" }) value=(value); (field_error(e, name))
            }
            p { button type="submit" { "登记" } }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, d: &Data, typed: &TrainingForm, r: &Refusal) -> Markup {
    html! {
        p { a href="/community" { "← 社区教育" } }
        form.filters method="get" action="/community/activities" {
            label { "年度 " input name="year" value=(d.year) size="6"; }
            button type="submit" { "查看" }
        }
        (summary(&d.summary))
        @if may_write(caller) { (form(actor, caller.scope == Scope::All, d, typed, r)) }
        (lists(d))
    }
}

fn year_of(q: &YearQuery) -> i64 {
    q.year
        .trim()
        .parse()
        .unwrap_or_else(|_| i64::from(platform::time::today().year()))
}

pub async fn activities(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<YearQuery>,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller, year_of(&q)).await?;
    let body = view(
        &actor,
        &caller,
        &d,
        &TrainingForm::default(),
        &Refusal::default(),
    );
    Ok(page(&actor, TITLE, html! { (notice.view(notices)) (body) }).into_response())
}

/// The training form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TrainingForm {
    institution_id: String,
    kind: String,
    title: String,
    held_on: String,
    attendances: String,
    hours: String,
    certificates: String,
    families: String,
    children: String,
}

pub async fn add_training(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<TrainingForm>,
) -> PageResult {
    let input = TrainingInput {
        institution_id: f.institution_id.trim().parse().ok(),
        kind: f.kind.clone(),
        title: f.title.clone(),
        held_on: f.held_on.clone(),
        attendances: f.attendances.clone(),
        hours: f.hours.clone(),
        certificates: f.certificates.clone(),
        families: f.families.clone(),
        children: f.children.clone(),
    };
    match service::add_training(&s.db, &caller, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&with_notice("/community/activities", "training")).into_response())
        }
        Err(e) => {
            let d = load(&s, &caller, year_of(&YearQuery::default())).await?;
            redisplay(&actor, TITLE, e, |r| view(&actor, &caller, &d, &f, r))
        }
    }
}
