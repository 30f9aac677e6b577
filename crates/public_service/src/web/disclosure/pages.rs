//! /public/disclosure: the fee items of a school year (an institution its
//! own, the bureau every institution's) with the form to publish one and
//! the link to the fee cards; for the bureau, the catalogue with its form
//! and the requests for disclosure with the form to register one.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::show_date;
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use super::public::fee_table;
use crate::domain::disclosure::{CatalogueInput, FeeItemInput, RequestInput};
use crate::service::disclosure::{self as service, requests, requests::RequestLine};
use crate::store::disclosure::requests::{CatalogueEntry, Which};
use crate::store::disclosure::FeeItem;

const TITLE: &str = "信息公开";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    overdue: String,
    institution_id: String,
}

struct Data {
    fees: Vec<FeeItem>,
    catalogue: Vec<CatalogueEntry>,
    requests: Option<Vec<RequestLine>>,
}

async fn load(s: &AppState, caller: &Caller, q: &PageQuery) -> Result<Data, platform::AppError> {
    let bureau = caller.scope.institution().is_none();
    let which = if q.overdue == "true" {
        Which::OverdueOn(platform::time::today())
    } else {
        Which::All
    };
    Ok(Data {
        fees: service::fees(&s.db, caller, q.institution_id.trim().parse().ok(), None).await?,
        catalogue: requests::catalogue(&s.db).await?,
        requests: match bureau {
            true => Some(requests::requests(&s.db, caller, which).await?),
            false => None,
        },
    })
}

fn input(
    typed: &[(String, String)],
    e: &[platform::error::FieldError],
    name: &str,
    label: &str,
) -> Markup {
    let value = typed
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    html! { label for=(name) { (label) } input id=(name) name=(name) value=(value); (field_error(e, name)) }
}

fn fee_form(actor: &Actor, bureau: bool, typed: &[(String, String)], r: &Refusal) -> Markup {
    let e = &r.errors;
    html! {
        h3 #fee { "公示收费项目" }
        (refusal_view(r))
        form.stacked #fee-form method="post" action="/public/disclosure" {
            (csrf_field(actor))
            @if bureau { (input(typed, e, "institution_id", "机构编号")) }
            (input(typed, e, "item", "收费项目")) (input(typed, e, "standard", "收费标准（元）"))
            (input(typed, e, "unit", "计费单位")) (input(typed, e, "grades", "适用年级（如 1,2,3；空为全部）"))
            (input(typed, e, "basis", "收费依据（批准文件）"))
            p { button type="submit" { "公示" } }
        }
    }
}

fn requests_view(actor: &Actor, rows: &[RequestLine]) -> Markup {
    html! {
        h2 #requests { "依申请公开" }
        table #disclosure-requests {
            thead { tr { th { "编号" } th { "申请内容" } th { "收到日期" } th { "答复期限" } th { "状态" } } }
            tbody { @for l in rows { tr class=(if l.overdue { "overdue" } else { "" }) {
                td { a href=(format!("/public/disclosure/requests/{}", l.request.id)) { (l.request.id) } }
                td { (l.request.content) } td { (show_date(l.request.received_on)) } td { (show_date(l.request.due_on)) }
                td { @match (&l.request.outcome, l.overdue) {
                    (Some(o), _) => (o.label()),
                    (None, true) => strong { "逾期未答复" },
                    (None, false) => "办理中",
                } }
            } } }
        }
        h3 { "登记申请" }
        form.stacked #request-form method="post" action="/public/disclosure/requests" {
            (csrf_field(actor))
            label { "申请人" input name="requester"; } label { "联系方式" input name="contact"; }
            label { "申请内容" textarea name="content" rows="3" {} }
            label { "收到日期" input name="received_on" type="date"; }
            p { button type="submit" { "登记" } }
        }
    }
}

fn view(
    actor: &Actor,
    caller: &Caller,
    d: &Data,
    typed: &[(String, String)],
    r: &Refusal,
) -> Markup {
    let bureau = caller.scope.institution().is_none();
    let writes = caller.role.may(WorkArea::PublicService, Access::Write);
    html! {
        p { a href="/public" { "← 家校与政务" } " · " a href="/open/bureau" { "主动公开目录（公众页面）" } }
        h2 { "收费公示" }
        @if !bureau { p { a #cards-link href="/public/disclosure/cards" { "打印明白交费卡" } } }
        (fee_table(&d.fees))
        @if writes { (fee_form(actor, bureau, typed, r)) }
        h2 { "主动公开目录" }
        ul #catalogue { @for e in &d.catalogue { li { (e.category) "：" (e.title) "（" (show_date(e.published_on)) "）" } } }
        @if bureau && writes {
            form.stacked #entry-form method="post" action="/public/disclosure/catalogue" {
                (csrf_field(actor))
                label { "类别" input name="category"; } label { "标题" input name="title"; }
                label { "内容" textarea name="body" rows="3" {} }
                p { button type="submit" { "发布" } }
            }
        }
        @if let Some(rows) = &d.requests { (requests_view(actor, rows)) }
    }
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PageQuery>,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller, &q).await?;
    let body =
        html! { (notice.view(notices)) (view(&actor, &caller, &d, &[], &Refusal::default())) };
    Ok(page_of(&actor, body))
}

fn page_of(actor: &Actor, body: Markup) -> axum::response::Response {
    platform::web::page(actor, TITLE, body).into_response()
}

pub async fn add_fee(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(typed): Form<Vec<(String, String)>>,
) -> PageResult {
    let get = |k: &str| {
        typed
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let input = FeeItemInput {
        institution_id: get("institution_id").trim().parse().ok(),
        school_year: None,
        item: get("item"),
        standard: get("standard"),
        unit: get("unit"),
        grades: get("grades"),
        basis: get("basis"),
    };
    match service::add_fee(&s.db, &caller, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice("/public/disclosure", "fee")).into_response()),
        Err(e) => {
            let d = load(&s, &caller, &PageQuery::default()).await?;
            redisplay(&actor, TITLE, e, |r| view(&actor, &caller, &d, &typed, r))
        }
    }
}

pub async fn add_entry(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(input): Form<CatalogueInput>,
) -> PageResult {
    match requests::add_entry(&s.db, &caller, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice("/public/disclosure", "entry")).into_response()),
        Err(e) => {
            let d = load(&s, &caller, &PageQuery::default()).await?;
            redisplay(&actor, TITLE, e, |r| view(&actor, &caller, &d, &[], r))
        }
    }
}

/// The request form's fields (the date may be left empty).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    requester: String,
    contact: String,
    content: String,
    received_on: String,
}

impl RequestForm {
    pub fn input(&self) -> RequestInput {
        RequestInput {
            requester: self.requester.clone(),
            contact: self.contact.clone(),
            content: self.content.clone(),
            received_on: self.received_on.trim().parse().ok(),
        }
    }
}

pub async fn reload(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    e: platform::AppError,
) -> PageResult {
    let d = load(s, caller, &PageQuery::default()).await?;
    redisplay(actor, TITLE, e, |r| view(actor, caller, &d, &[], r))
}
