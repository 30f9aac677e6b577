//! 采购 pages: the items with their acceptance, a form for a new item, and
//! an item with its 联合验收 form.

use axum::extract::{Form, Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::vocab::check::{Checker, Field};
use platform::web::directory::{picker, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::assets::{choices, chosen};
use super::building_form::code_select;
use super::buildings::{estate_nav, or_dash};
use crate::domain::estate::buildings::code;
use crate::domain::estate::procurement::ACCEPTANCE_DAYS;
use crate::domain::estate::{
    AcceptanceInput, AcceptanceResult, AssetCategory, PurchaseId, PurchaseInput,
};
use crate::service::estate::keeps_estate;
use crate::service::estate::procurement::{self as service, NewPurchase};
use crate::store::estate::procurement::{Purchase, PurchaseFilter};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PurchaseForm {
    institution: String,
    name: String,
    category: String,
    amount: String,
    supplier: String,
    delivered_on: String,
}

impl PurchaseForm {
    fn parse(&self) -> Result<PurchaseInput, AppError> {
        let mut c = Checker::new();
        let category = c.parsed(
            Field::new("category", "类别"),
            &self.category,
            code::<AssetCategory>,
        );
        let amount = c.int(
            Field::new("amount", "金额（元）"),
            &self.amount,
            i64::MIN..=i64::MAX,
        );
        let delivered = Field::new("delivered_on", "到货日期");
        c.required(delivered, &self.delivered_on);
        let delivered_on = c.date(delivered, &self.delivered_on);
        let p = PurchaseInput {
            name: self.name.clone(),
            category: category.unwrap_or(AssetCategory::Other),
            amount: amount.unwrap_or(0),
            supplier: self.supplier.clone(),
            delivered_on: delivered_on.unwrap_or_default(),
            note: String::new(),
        };
        c.finish(p).map_err(AppError::Invalid)
    }
}

fn status(p: &Purchase) -> Markup {
    html! {
        @match (p.result, p.accepted_on) {
            (Some(r), Some(on)) => { (r.label()) "（" (on) "）" }
            _ => { span.alert { "未验收" } }
        }
    }
}

fn add_form(actor: &Actor, all: &[InstitutionChoice], f: &PurchaseForm, r: &Refusal) -> Markup {
    html! {
        h2 { "登记采购项目" }
        form.stacked id="purchase-form" method="post" action="/construction/procurement" {
            (csrf_field(actor)) (refusal_view(r))
            @if !all.is_empty() { label for="institution" { "学校" } (picker("institution", &f.institution, all)) (field_error(&r.errors, "institution_id")) }
            label for="name" { "采购项目" } input id="name" name="name" value=(f.name); (field_error(&r.errors, "name"))
            label for="category" { "类别" } (code_select::<AssetCategory>("category", &f.category, None))
            label for="amount" { "金额（元）" } input id="amount" name="amount" value=(f.amount); (field_error(&r.errors, "amount"))
            label for="supplier" { "供应商" } input id="supplier" name="supplier" value=(f.supplier); (field_error(&r.errors, "supplier"))
            label for="delivered_on" { "到货日期" } input id="delivered_on" name="delivered_on" type="date" value=(f.delivered_on); (field_error(&r.errors, "delivered_on"))
            p { button type="submit" { "登记" } }
        }
    }
}

async fn list_body(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    filter: &PurchaseFilter,
    f: &PurchaseForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let items = service::list(&s.db, caller, filter).await?;
    let all = choices(s, actor).await?;
    Ok(html! {
        (estate_nav())
        p { a href="/construction/procurement?unaccepted=true" { "未验收" } " · "
            a href="/construction/procurement?overdue=true" { "到货超过 " (ACCEPTANCE_DAYS) " 天未验收" } }
        table id="purchases" {
            thead { tr { th { "学校" } th { "采购项目" } th { "类别" } th.num { "金额（元）" } th { "供应商" } th { "到货日期" } th { "联合验收" } } }
            tbody { @for p in &items { tr {
                td { (p.institution_name) }
                td { a href=(format!("/construction/procurement/{}", p.id)) { (p.name) } }
                td { (p.category.label()) } td.num { (p.amount) } td { (p.supplier) } td { (p.delivered_on) }
                td { (status(p)) }
            } } }
        }
        @if keeps_estate(actor.user.role) { (add_form(actor, &all, f, r)) }
    })
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(filter): Query<PurchaseFilter>,
) -> PageResult {
    let body = list_body(
        &s,
        &actor,
        &caller,
        &filter,
        &PurchaseForm::default(),
        &Refusal::default(),
    )
    .await?;
    Ok(page(&actor, "采购与验收", body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<PurchaseForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = chosen(&all, &f.institution, "institution_id")?;
        service::create(
            &s.db,
            &caller,
            &NewPurchase {
                institution_id,
                purchase: f.parse()?,
            },
        )
        .await
    }
    .await;
    super::answer(
        done,
        |p| format!("/construction/procurement/{}", p.id),
        |r| async move {
            let view = list_body(&s, &actor, &caller, &PurchaseFilter::default(), &f, &r).await?;
            Ok(page(&actor, "采购与验收", view))
        },
    )
    .await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AcceptanceForm {
    accepted_on: String,
    members: String,
    result: String,
    notes: String,
}

impl AcceptanceForm {
    fn parse(&self) -> Result<AcceptanceInput, AppError> {
        let mut c = Checker::new();
        let on = Field::new("accepted_on", "验收日期");
        c.required(on, &self.accepted_on);
        let accepted_on = c.date(on, &self.accepted_on);
        let result = c.parsed(
            Field::new("result", "验收结论"),
            &self.result,
            code::<AcceptanceResult>,
        );
        let a = AcceptanceInput {
            accepted_on: accepted_on.unwrap_or_default(),
            members: self.members.clone(),
            result: result.unwrap_or(AcceptanceResult::Pass),
            notes: self.notes.clone(),
        };
        c.finish(a).map_err(AppError::Invalid)
    }
}

async fn detail_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: PurchaseId,
    f: &AcceptanceForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let p = service::get(&s.db, caller, id).await?;
    Ok(page(
        actor,
        &format!("采购项目：{}·{}", p.institution_name, p.name),
        html! {
            (estate_nav())
            dl.facts {
                dt { "类别" } dd { (p.category.label()) }
                dt { "金额（元）" } dd { (p.amount) }
                dt { "供应商" } dd { (p.supplier) }
                dt { "到货日期" } dd { (p.delivered_on) }
                dt { "联合验收" } dd id="acceptance" { (status(&p)) }
                dt { "验收人员" } dd { (or_dash(p.members.as_deref())) }
                dt { "验收备注" } dd { (or_dash(p.acceptance_notes.as_deref())) }
            }
            @if p.accepted_on.is_none() && keeps_estate(actor.user.role) {
                h2 { "联合验收" }
                form.stacked id="acceptance-form" method="post" action=(format!("/construction/procurement/{id}/acceptance")) {
                    (csrf_field(actor)) (refusal_view(r))
                    label for="accepted_on" { "验收日期" } input id="accepted_on" name="accepted_on" type="date" value=(f.accepted_on); (field_error(&r.errors, "accepted_on"))
                    label for="members" { "验收人员（用“、”分隔，至少 2 人）" } input id="members" name="members" value=(f.members); (field_error(&r.errors, "members"))
                    label for="result" { "验收结论" } (code_select::<AcceptanceResult>("result", &f.result, None))
                    label for="notes" { "备注" } input id="notes" name="notes" value=(f.notes); (field_error(&r.errors, "notes"))
                    p { button type="submit" { "提交验收" } }
                }
            }
            @if p.accepted_on.is_some() { (refusal_view(r)) }
        },
    ))
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PurchaseId>,
) -> PageResult {
    Ok(detail_page(
        &s,
        &actor,
        &caller,
        id,
        &AcceptanceForm::default(),
        &Refusal::default(),
    )
    .await?
    .into_response())
}

pub async fn accept(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PurchaseId>,
    Form(f): Form<AcceptanceForm>,
) -> PageResult {
    let done = async { service::accept(&s.db, &caller, id, &f.parse()?).await }.await;
    super::answer(
        done,
        |_| format!("/construction/procurement/{id}"),
        |r| async move { detail_page(&s, &actor, &caller, id, &f, &r).await },
    )
    .await
}
