//! /community/network: the network by township (community schools by
//! standardisation status, teaching points), every school and teaching
//! point, and the forms to register a teaching point and to record an
//! assessment.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::notices;
use crate::domain::network::{StandardInput, StandardStatus, TeachingPointInput};
use crate::service::network::{self as service, may_write, Network, TownshipNetwork};
use crate::store::network::{townships, TeachingPoint};

const TITLE: &str = "社区教育网络";

struct Data {
    network: Network,
    points: Vec<TeachingPoint>,
    townships: Vec<(String, String)>,
}

async fn load(s: &AppState, caller: &Caller) -> Result<Data, AppError> {
    Ok(Data {
        network: service::network(&s.db, caller).await?,
        points: service::points(&s.db, caller, None).await?,
        townships: options(townships(&s.db).await?),
    })
}

fn township_row(t: &TownshipNetwork) -> Markup {
    html! {
        td.num { (t.schools) } td.num { (t.met) } td.num { (t.building) } td.num { (t.unmet) }
        td.num { (t.unassessed) } td.num { (t.points) }
    }
}

fn tables(d: &Data) -> Markup {
    let n = &d.network;
    html! {
        h2 { "按乡镇（街道）" }
        table #network-townships {
            thead { tr { th { "乡镇（街道）" } th.num { "社区学校" } th.num { "达标" } th.num { "创建中" } th.num { "未达标" } th.num { "未评定" } th.num { "教学点" } } }
            tbody {
                @for t in &n.townships { tr { td { (t.township_name) } (township_row(t)) } }
                tr.total { th { (n.total.township_name) } (township_row(&n.total)) }
            }
        }
        h2 { "社区学校（学院）" }
        table #network-schools {
            thead { tr { th { "学校" } th { "乡镇（街道）" } th { "标准化状态" } th.num { "评定年度" } th { "依据" } th.num { "教学点" } } }
            tbody { @for s in &n.schools { tr {
                td { (s.name) } td { (s.township_name) }
                td { @match s.standard {
                    Some(st) => { span class=(format!("tag standard-{}", st.as_str())) { (st.label()) } }
                    None => { span.muted { "未评定" } }
                } }
                td.num { @if let Some(y) = s.standard_year { (y) } }
                td { (s.standard_note.as_deref().unwrap_or("")) }
                td.num { (s.points) }
            } } }
        }
        h2 { "教学点" }
        @if d.points.is_empty() { p.muted #no-points { "还没有登记教学点。" } } @else {
            table #network-points {
                thead { tr { th { "教学点" } th { "所属学校" } th { "乡镇（街道）" } th { "社区（村）" } th { "地址" } th { "状态" } } }
                tbody { @for p in &d.points { tr {
                    td { (p.name) } td { (p.institution_name) } td { (p.township_name) }
                    td { (p.community) } td { (p.address) } td { (p.status.label()) }
                } } }
            }
        }
    }
}

fn school_choices(n: &Network) -> Vec<(String, String)> {
    options(
        n.schools
            .iter()
            .map(|s| (s.institution_id, s.name.as_str())),
    )
}

fn point_form(actor: &Actor, bureau: bool, d: &Data, f: &PointForm, r: &Refusal) -> Markup {
    let e = &r.errors;
    html! {
        h2 #add-point { "登记教学点" }
        (refusal_view(r))
        form.stacked #point-form method="post" action="/community/network/points" {
            (csrf_field(actor))
            @if bureau {
                label for="institution_id" { "所属社区学校" }
                (select("institution_id", &school_choices(&d.network), &f.institution_id, Some("请选择"))) (field_error(e, "institution_id"))
            }
            label for="name" { "教学点名称" }
            input #name name="name" value=(f.name); (field_error(e, "name"))
            label for="township_id" { "乡镇（街道）" }
            (select("township_id", &d.townships, &f.township_id, Some("请选择"))) (field_error(e, "township_id"))
            label for="community" { "社区（村）" }
            input #community name="community" value=(f.community); (field_error(e, "community"))
            label for="address" { "地址" }
            input #address name="address" value=(f.address); (field_error(e, "address"))
            p { button type="submit" { "登记" } }
        }
    }
}

fn standard_form(actor: &Actor, bureau: bool, d: &Data, f: &StandardForm, r: &Refusal) -> Markup {
    let e = &r.errors;
    let statuses = options(StandardStatus::ALL.iter().map(|s| (s.as_str(), s.label())));
    html! {
        h2 #record-standard { "标准化社区学校评定" }
        (refusal_view(r))
        form.stacked #standard-form method="post" action="/community/network/standard" {
            (csrf_field(actor))
            @if bureau {
                label for="std_institution_id" { "社区学校" }
                (select("institution_id", &school_choices(&d.network), &f.institution_id, Some("请选择"))) (field_error(e, "institution_id"))
            }
            label for="status" { "标准化状态" }
            (select("status", &statuses, &f.status, Some("请选择"))) (field_error(e, "status"))
            label for="year" { "年度" }
            input #year name="year" value=(f.year); (field_error(e, "year"))
            label for="note" { "依据说明" }
            input #note name="note" value=(f.note); (field_error(e, "note"))
            p { button type="submit" { "记录" } }
        }
    }
}

fn view(
    actor: &Actor,
    caller: &Caller,
    d: &Data,
    typed: (&PointForm, &StandardForm),
    refused: (&Refusal, &Refusal),
) -> Markup {
    let bureau = caller.scope == Scope::All;
    html! {
        p { a href="/community" { "← 社区教育" } }
        (tables(d))
        @if may_write(caller) {
            (point_form(actor, bureau, d, typed.0, refused.0))
            (standard_form(actor, bureau, d, typed.1, refused.1))
        }
    }
}

pub async fn network(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller).await?;
    let none = Refusal::default();
    let body = view(
        &actor,
        &caller,
        &d,
        (&PointForm::default(), &StandardForm::default()),
        (&none, &none),
    );
    Ok(page(&actor, TITLE, html! { (notice.view(notices)) (body) }).into_response())
}

/// The teaching point form as typed (choices as text, "" is no choice).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PointForm {
    institution_id: String,
    name: String,
    township_id: String,
    community: String,
    address: String,
}

pub async fn add_point(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<PointForm>,
) -> PageResult {
    let input = TeachingPointInput {
        institution_id: f.institution_id.trim().parse().ok(),
        name: f.name.clone(),
        township_id: f.township_id.trim().parse().ok(),
        community: f.community.clone(),
        address: f.address.clone(),
        status: String::new(),
    };
    match service::add_point(&s.db, &caller, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice("/community/network", "point")).into_response()),
        Err(e) => {
            let d = load(&s, &caller).await?;
            let none = Refusal::default();
            redisplay(&actor, TITLE, e, |r| {
                view(
                    &actor,
                    &caller,
                    &d,
                    (&f, &StandardForm::default()),
                    (r, &none),
                )
            })
        }
    }
}

/// The assessment form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StandardForm {
    institution_id: String,
    status: String,
    year: String,
    note: String,
}

pub async fn record_standard(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<StandardForm>,
) -> PageResult {
    let input = StandardInput {
        institution_id: f.institution_id.trim().parse().ok(),
        status: f.status.clone(),
        year: f.year.clone(),
        note: f.note.clone(),
    };
    match service::record_standard(&s.db, &caller, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice("/community/network", "standard")).into_response()),
        Err(e) => {
            let d = load(&s, &caller).await?;
            let none = Refusal::default();
            redisplay(&actor, TITLE, e, |r| {
                view(&actor, &caller, &d, (&PointForm::default(), &f), (&none, r))
            })
        }
    }
}
