//! 安全事故 pages: the list by period, type, township and status with the
//! counts by type and a form to report one; an incident with the next step
//! of its handling.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::vocab::check::{Checker, Field};
use platform::web::directory::{picker, InstitutionChoice};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::incidents::{IncidentId, IncidentInput, IncidentKind, IncidentStatus};
use crate::service::buses::keeps_records;
use crate::service::incidents::{self as service, Advance, IncidentList, NewIncident};
use crate::store::incidents::{Incident, IncidentFilter};
use crate::web::buses::{choices, chosen};

const TITLE: &str = "安全事故";

/// The links of the incident and epidemic pages.
pub(super) fn incidents_nav() -> Markup {
    html! {
        nav.subnav {
            a href="/safety/incidents" { "安全事故" } " · "
            a href="/safety/incidents?status=reported" { "待处置" } " · "
            a href="/safety/epidemics" { "疫情报告" }
        }
    }
}

fn filter_bar(f: &IncidentFilter, townships: &[(String, String)]) -> Markup {
    let code = |v: Option<&'static str>| v.unwrap_or("").to_string();
    html! {
        form.filters method="get" action="/safety/incidents" {
            label for="from" { "发生日期自" } input type="date" id="from" name="from" value=(f.from.map(|d| d.to_string()).unwrap_or_default());
            label for="to" { "至" } input type="date" id="to" name="to" value=(f.to.map(|d| d.to_string()).unwrap_or_default());
            label for="kind" { "事故类型" }
            (select("kind", &options(IncidentKind::ALL.iter().map(|k| (k.as_str(), k.label()))), &code(f.kind.map(IncidentKind::as_str)), Some("全部")))
            label for="township_id" { "乡镇（街道）" }
            (select("township_id", townships, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部")))
            label for="status" { "状态" }
            (select("status", &options(IncidentStatus::ALL.iter().map(|k| (k.as_str(), k.label()))), &code(f.status.map(IncidentStatus::as_str)), Some("全部")))
            button type="submit" { "筛选" }
        }
    }
}

fn counts(l: &IncidentList) -> Markup {
    html! {
        table id="incident-counts" {
            thead { tr { th { "事故类型" } th.num { "起数" } th.num { "受伤人数" } th.num { "死亡人数" } } }
            tbody {
                @for k in &l.by_kind { tr { td { (k.kind.label()) } td.num { (k.incidents) } td.num { (k.injured) } td.num { (k.deaths) } } }
                tr.total { th { "合计" } td.num { (l.total.incidents) } td.num { (l.total.injured) } td.num { (l.total.deaths) } }
            }
        }
    }
}

fn table(rows: &[Incident]) -> Markup {
    html! {
        table id="incidents" {
            thead { tr { th { "发生时间" } th { "学校" } th { "乡镇（街道）" } th { "类型" } th.num { "受伤" } th.num { "死亡" } th { "状态" } } }
            tbody { @for i in rows { tr {
                td { a href=(format!("/safety/incidents/{}", i.id)) { (platform::time::show_minute(i.occurred_at)) } }
                td { (i.institution_name) } td { (i.township_name) } td { (i.kind.label()) }
                td.num { (i.injured) } td.num { (i.deaths) } td { (i.status.label()) }
            } } }
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IncidentForm {
    institution: String,
    occurred_at: String,
    kind: String,
    injured: String,
    deaths: String,
    description: String,
    measures: String,
    reported_by: String,
}

impl IncidentForm {
    fn parse(&self) -> Result<IncidentInput, AppError> {
        let mut c = Checker::new();
        let at = Field::new("occurred_at", "发生时间");
        let occurred_at = if c.required(at, &self.occurred_at).is_empty() {
            None
        } else {
            c.parsed(at, &self.occurred_at, |v| {
                chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
                    .map_err(|_| "请写作 2026-11-20 16:40")
            })
        };
        let kind = c.parsed(Field::new("kind", "事故类型"), &self.kind, |v| {
            IncidentKind::parse(v).ok_or("请选择事故类型")
        });
        let injured = c.int(Field::new("injured", "受伤人数"), &self.injured, 0..=10_000);
        let deaths = c.int(Field::new("deaths", "死亡人数"), &self.deaths, 0..=10_000);
        let i = IncidentInput {
            occurred_at: occurred_at.unwrap_or_default(),
            kind: kind.unwrap_or(IncidentKind::Other),
            injured: injured.unwrap_or(0),
            deaths: deaths.unwrap_or(0),
            description: self.description.clone(),
            measures: self.measures.clone(),
            reported_by: self.reported_by.clone(),
        };
        c.finish(i).map_err(AppError::Invalid)
    }
}

fn add_form(actor: &Actor, all: &[InstitutionChoice], f: &IncidentForm, r: &Refusal) -> Markup {
    let kinds = options(IncidentKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    let input = |key: &str, label: &str, kind: &str, value: &str| {
        html! {
            label for=(key) { (label) } input id=(key) name=(key) type=(kind) value=(value); (field_error(&r.errors, key))
        }
    };
    html! {
        h2 { "报告安全事故" }
        form.stacked id="incident-form" method="post" action="/safety/incidents" {
            (csrf_field(actor))
            @if !all.is_empty() { label for="institution" { "学校" } (picker("institution", &f.institution, all)) (field_error(&r.errors, "institution_id")) }
            (input("occurred_at", "发生时间", "datetime-local", &f.occurred_at))
            label for="kind" { "事故类型" } (select("kind", &kinds, &f.kind, None))
            (input("injured", "受伤人数", "number", &f.injured))
            (input("deaths", "死亡人数", "number", &f.deaths))
            label for="description" { "事故经过" } textarea id="description" name="description" { (f.description) } (field_error(&r.errors, "description"))
            label for="measures" { "已采取措施" } textarea id="measures" name="measures" { (f.measures) }
            (input("reported_by", "报告人", "text", &f.reported_by))
            p { button type="submit" { "报告" } }
        }
    }
}

async fn list_body(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    filter: &IncidentFilter,
    f: &IncidentForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let l = service::list(&s.db, caller, filter).await?;
    let townships: Vec<(String, String)> = platform::district::townships(&s.db)
        .await?
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    let all = choices(s, actor).await?;
    Ok(html! {
        (incidents_nav())
        (filter_bar(filter, &townships))
        (counts(&l))
        (table(&l.incidents))
        @if keeps_records(caller) { (refusal_view(r)) (add_form(actor, &all, f, r)) }
    })
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(filter): Query<IncidentFilter>,
) -> PageResult {
    let body = list_body(
        &s,
        &actor,
        &caller,
        &filter,
        &IncidentForm::default(),
        &Refusal::default(),
    )
    .await?;
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<IncidentForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = chosen(&all, &f.institution)?;
        service::create(
            &s.db,
            &caller,
            &NewIncident {
                institution_id,
                incident: f.parse()?,
            },
        )
        .await
    }
    .await;
    match done {
        Ok(i) => Ok(Redirect::to(&format!("/safety/incidents/{}", i.id)).into_response()),
        Err(e) => {
            let (status, r) = match e {
                AppError::Invalid(errors) => (
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    Refusal {
                        errors,
                        alert: None,
                    },
                ),
                other => return Err(other),
            };
            let body = list_body(&s, &actor, &caller, &IncidentFilter::default(), &f, &r).await?;
            Ok((status, page(&actor, TITLE, body)).into_response())
        }
    }
}

fn detail_view(actor: &Actor, caller: &Caller, i: &Incident) -> Markup {
    html! {
        (incidents_nav())
        dl.facts {
            dt { "学校" } dd { (i.institution_name) "（" (i.township_name) "）" }
            dt { "发生时间" } dd { (platform::time::show_minute(i.occurred_at)) }
            dt { "事故类型" } dd { (i.kind.label()) }
            dt { "受伤 / 死亡" } dd { (i.injured) " 人 / " (i.deaths) " 人" }
            dt { "事故经过" } dd { (i.description) }
            dt { "已采取措施" } dd { (i.measures) }
            dt { "报告人" } dd { (i.reported_by) "（" (platform::time::show_minute(i.reported_at)) " 报告）" }
            dt { "状态" } dd id="incident-status" { (i.status.label()) @if let Some(on) = i.closed_on { "（" (on) "）" } }
            dt { "处理结果" } dd { (i.follow_up) }
        }
        @if let (Some(next), true) = (i.status.next(), keeps_records(caller)) {
            form.stacked id="advance-form" method="post" action=(format!("/safety/incidents/{}/status", i.id)) {
                (csrf_field(actor))
                input type="hidden" name="status" value=(next.as_str());
                @if next == IncidentStatus::Closed {
                    label for="follow_up" { "处理结果" } textarea id="follow_up" name="follow_up" {}
                }
                p { button type="submit" { "转为“" (next.label()) "”" } }
            }
        }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<IncidentId>,
) -> PageResult {
    let i = service::get(&s.db, &caller, id).await?;
    Ok(page(&actor, TITLE, detail_view(&actor, &caller, &i)).into_response())
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdvanceForm {
    status: String,
    follow_up: String,
}

pub async fn advance(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<IncidentId>,
    Form(f): Form<AdvanceForm>,
) -> PageResult {
    let status =
        IncidentStatus::parse(&f.status).ok_or_else(|| AppError::invalid("status", "状态无效"))?;
    let a = Advance {
        status,
        follow_up: f.follow_up,
    };
    match service::advance(&s.db, &caller, id, &a).await {
        Ok(_) => Ok(Redirect::to(&format!("/safety/incidents/{id}")).into_response()),
        Err(e) => {
            let i = service::get(&s.db, &caller, id).await?;
            redisplay(
                &actor,
                TITLE,
                e,
                |r| html! { (refusal_view(r)) (detail_view(&actor, &caller, &i)) },
            )
        }
    }
}
