//! 校车 pages: the fleet with its expiry alerts and filters, a bus, and the
//! form for a new one.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::directory::{picker, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::{choices, chosen};
use crate::domain::buses::{
    expiry, stops, BusId, BusText, Expiry, LicenceClass, Plate, ALERT_DAYS, FIELDS,
};
use crate::service::buses::{self as service, keeps_records, NewBus};
use crate::store::buses::{Bus, BusFilter};

const TITLE: &str = "校车管理";

/// The links of the bus pages.
pub(super) fn buses_nav() -> Markup {
    html! {
        nav.subnav {
            a href="/safety/buses" { "全部校车" } " · "
            a href="/safety/buses?state=expired" { "证照已过期" } " · "
            a href="/safety/buses?state=expiring" { "证照 " (ALERT_DAYS) " 天内到期" } " · "
            a href="/safety/buses/import" { "导入" }
        }
    }
}

/// A stored plate as printed (`闽G·12345`).
pub(super) fn plate_text(stored: &str) -> String {
    Plate::parse(stored).map_or_else(|_| stored.to_string(), |p| p.display())
}

/// A date, marked when it has passed or falls within the alert window.
fn dated(on: NaiveDate, today: NaiveDate) -> Markup {
    html! {
        @match expiry(on, today, ALERT_DAYS) {
            Expiry::Valid => { (on) }
            Expiry::Expiring => { span.warning title="即将到期" { (on) "（即将到期）" } }
            Expiry::Expired => { span.alert title="已过期" { (on) "（已过期）" } }
        }
    }
}

fn status(b: &Bus) -> Markup {
    let s = b.status.unwrap_or(Expiry::Valid);
    html! {
        @match s {
            Expiry::Valid => span.status { (s.label()) },
            Expiry::Expiring => span.status.warning { (s.label()) },
            Expiry::Expired => span.status.alert { (s.label()) },
        }
    }
}

fn filter_bar(f: &BusFilter) -> Markup {
    let state = f.state.as_deref().unwrap_or("");
    html! {
        form.filters method="get" action="/safety/buses" {
            label for="state" { "证照状态" }
            select id="state" name="state" {
                option value="" { "全部" }
                @for e in Expiry::ALL { option value=(e.as_str()) selected[state == e.as_str()] { (e.label()) } }
            }
            label for="q" { "车牌号或驾驶人" }
            input id="q" name="q" value=(f.q.as_deref().unwrap_or(""));
            button type="submit" { "筛选" }
        }
    }
}

fn table(buses: &[Bus], today: NaiveDate) -> Markup {
    html! {
        table id="buses" {
            thead { tr {
                th { "车牌号" } th { "学校" } th.num { "核载" } th.num { "乘车学生" } th { "驾驶人" }
                th { "校车标牌有效期至" } th { "年检有效期至" } th { "保险有效期至" } th { "驾驶证有效期至" } th { "状态" }
            } }
            tbody { @for b in buses { tr {
                td { a href=(format!("/safety/buses/{}", b.id)) { (plate_text(&b.plate)) } }
                td { (b.institution_name) } td.num { (b.seats) } td.num { (b.pupils) }
                td { (b.driver_name) "（" (b.driver_class.as_str()) "）" }
                td { (dated(b.permit_expires, today)) } td { (dated(b.inspection_expires, today)) }
                td { (dated(b.insurance_expires, today)) } td { (dated(b.driver_licence_expires, today)) }
                td { (status(b)) }
            } } }
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BusForm {
    institution: String,
    #[serde(flatten)]
    text: BusText,
}

fn field_input(key: &str, label: &str, value: &str, r: &Refusal) -> Markup {
    let kind = if key.ends_with("_expires") {
        "date"
    } else {
        "text"
    };
    html! { label for=(key) { (label) } input id=(key) name=(key) type=(kind) value=(value); (field_error(&r.errors, key)) }
}

fn add_form(actor: &Actor, all: &[InstitutionChoice], f: &BusForm, r: &Refusal) -> Markup {
    let t = &f.text;
    let values = [
        &t.plate,
        &t.seats,
        &t.operator,
        &t.permit_no,
        &t.permit_expires,
        &t.inspection_expires,
        &t.insurance_expires,
        &t.driver_name,
        &t.driver_class,
        &t.driver_licence_expires,
        &t.driver_approved,
        &t.route,
        &t.pupils,
    ];
    html! {
        h2 { "登记校车" }
        form.stacked id="bus-form" method="post" action="/safety/buses" {
            (csrf_field(actor)) (refusal_view(r))
            @if !all.is_empty() { label for="institution" { "学校" } (picker("institution", &f.institution, all)) (field_error(&r.errors, "institution_id")) }
            @for ((key, label), value) in FIELDS.iter().zip(values) {
                @match *key {
                    "driver_class" => {
                        label for=(key) { (label) }
                        select id=(key) name=(key) { @for c in LicenceClass::ALL { option value=(c.as_str()) selected[value == c.as_str()] { (c.label()) } } }
                        (field_error(&r.errors, key))
                    }
                    "driver_approved" => {
                        label for=(key) { (label) }
                        select id=(key) name=(key) { option value="是" selected[value == "是"] { "已审核" } option value="否" selected[value == "否"] { "未审核" } }
                    }
                    _ => { (field_input(key, label, value, r)) }
                }
            }
            p { button type="submit" { "登记" } }
        }
    }
}

async fn list_body(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    filter: &BusFilter,
    f: &BusForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let buses = service::list(&s.db, caller, filter).await?;
    let all = choices(s, actor).await?;
    let today = platform::time::today();
    let expired = buses
        .iter()
        .filter(|b| b.status == Some(Expiry::Expired))
        .count();
    let expiring = buses
        .iter()
        .filter(|b| b.status == Some(Expiry::Expiring))
        .count();
    Ok(html! {
        (buses_nav())
        (filter_bar(filter))
        p id="bus-summary" { "共 " (buses.len()) " 辆；证照已过期 " (expired) " 辆，" (ALERT_DAYS) " 天内到期 " (expiring) " 辆。"
            a href=(format!("/safety/buses.xlsx?state={}&q={}", filter.state.as_deref().unwrap_or(""), filter.q.as_deref().unwrap_or(""))) { "导出 Excel" } }
        (table(&buses, today))
        @if keeps_records(caller) { (add_form(actor, &all, f, r)) }
    })
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(filter): Query<BusFilter>,
) -> PageResult {
    let body = list_body(
        &s,
        &actor,
        &caller,
        &filter,
        &BusForm::default(),
        &Refusal::default(),
    )
    .await?;
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<BusForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = chosen(&all, &f.institution)?;
        let bus = f.text.parse().map_err(AppError::Invalid)?;
        service::create(
            &s.db,
            &caller,
            &NewBus {
                institution_id,
                bus,
            },
        )
        .await
    }
    .await;
    match done {
        Ok(b) => Ok(Redirect::to(&format!("/safety/buses/{}", b.id)).into_response()),
        Err(e) => {
            let body = list_body(
                &s,
                &actor,
                &caller,
                &BusFilter::default(),
                &f,
                &Refusal::default(),
            )
            .await?;
            redisplay(&actor, TITLE, e, |r| html! { (refusal_view(r)) (body) })
        }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<BusId>,
) -> PageResult {
    let b = service::get(&s.db, &caller, id).await?;
    let today = platform::time::today();
    let body = html! {
        (buses_nav())
        dl.facts {
            dt { "学校" } dd { (b.institution_name) }
            dt { "状态" } dd id="bus-status" { (status(&b)) }
            dt { "核载人数" } dd { (b.seats) }
            dt { "乘车学生数" } dd { (b.pupils) }
            dt { "运营单位" } dd { (b.operator) }
            dt { "校车标牌号" } dd { (b.permit_no) }
            dt { "校车标牌有效期至" } dd { (dated(b.permit_expires, today)) }
            dt { "年检有效期至" } dd { (dated(b.inspection_expires, today)) }
            dt { "保险有效期至" } dd { (dated(b.insurance_expires, today)) }
            dt { "驾驶人" } dd { (b.driver_name) "（" (b.driver_class.label()) "）" }
            dt { "驾驶证有效期至" } dd { (dated(b.driver_licence_expires, today)) }
            dt { "校车驾驶资格" } dd { @if b.driver_approved { "已审核" } @else { span.alert { "未审核" } } }
            dt { "线路" } dd { (stops(&b.route).join(" → ")) }
        }
    };
    Ok(page(&actor, &format!("校车 {}", plate_text(&b.plate)), body).into_response())
}
