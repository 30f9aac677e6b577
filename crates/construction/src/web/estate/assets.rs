//! 资产 pages: the register by category and institution with a form for a
//! new line, and a line with its transfers and disposals.

use axum::extract::{Form, Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::vocab::check::{Checker, Field};
use platform::web::directory::{picker, resolve, InstitutionChoice};
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::building_form::code_select;
use super::buildings::{estate_nav, or_dash};
use crate::domain::estate::buildings::code;
use crate::domain::estate::{AssetCategory, AssetId, AssetInput, MovementInput, MovementKind};
use crate::service::estate::assets::{self as service, NewAsset};
use crate::service::estate::keeps_estate;
use crate::store::estate::assets::{AssetFilter, Movement};

pub(super) async fn choices(
    s: &AppState,
    actor: &Actor,
) -> Result<Vec<InstitutionChoice>, AppError> {
    if actor.scope.institution().is_some() {
        return Ok(vec![]);
    }
    Ok((s.institutions)(&s.db).await?)
}

/// The institution typed into a picker (None for a school, whose own it is).
pub(super) fn chosen(
    all: &[InstitutionChoice],
    typed: &str,
    key: &str,
) -> Result<Option<i64>, AppError> {
    if all.is_empty() {
        return Ok(None);
    }
    resolve(all, typed)
        .map(|id| Some(id.0))
        .map_err(|m| AppError::invalid(key, m))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssetForm {
    institution: String,
    category: String,
    name: String,
    quantity: String,
    value: String,
    acquired_on: String,
}

impl AssetForm {
    fn parse(&self) -> Result<AssetInput, AppError> {
        let mut c = Checker::new();
        let category = c.parsed(
            Field::new("category", "资产类别"),
            &self.category,
            code::<AssetCategory>,
        );
        let name = c
            .required_text(Field::new("name", "资产名称"), &self.name, 50)
            .to_string();
        let quantity = c.int(
            Field::new("quantity", "数量"),
            &self.quantity,
            i64::MIN..=i64::MAX,
        );
        let value = c.int(
            Field::new("value", "价值（元）"),
            &self.value,
            i64::MIN..=i64::MAX,
        );
        let acquired_on = c.date(Field::new("acquired_on", "购置日期"), &self.acquired_on);
        let input = AssetInput {
            category: category.unwrap_or(AssetCategory::Other),
            name,
            quantity: quantity.unwrap_or(0),
            value: value.unwrap_or(0),
            acquired_on,
            note: String::new(),
        };
        c.finish(input).map_err(AppError::Invalid)
    }
}

fn movements_table(ms: &[Movement]) -> Markup {
    html! {
        table id="movements" {
            thead { tr { th { "日期" } th { "类型" } th { "资产" } th { "调出单位" } th { "调入单位" } th.num { "数量" } th.num { "价值（元）" } th { "审批" } th { "原因" } } }
            tbody { @for m in ms { tr {
                td { (m.moved_on) } td { (m.kind.label()) } td { (m.asset_name) } td { (m.institution_name) }
                td { (or_dash(m.to_institution_name.as_deref())) } td.num { (m.quantity) } td.num { (m.value) }
                td { (m.approved_by) " " (m.approval_no) } td { (m.reason) }
            } } }
        }
    }
}

fn add_form(actor: &Actor, all: &[InstitutionChoice], f: &AssetForm, r: &Refusal) -> Markup {
    html! {
        h2 { "登记资产" }
        form.stacked id="asset-form" method="post" action="/construction/assets" {
            (csrf_field(actor)) (refusal_view(r))
            @if !all.is_empty() { label for="institution" { "学校" } (picker("institution", &f.institution, all)) (field_error(&r.errors, "institution_id")) }
            label for="category" { "资产类别" } (code_select::<AssetCategory>("category", &f.category, None))
            label for="name" { "资产名称" } input id="name" name="name" value=(f.name); (field_error(&r.errors, "name"))
            label for="quantity" { "数量" } input id="quantity" name="quantity" value=(f.quantity); (field_error(&r.errors, "quantity"))
            label for="value" { "价值（元）" } input id="value" name="value" value=(f.value); (field_error(&r.errors, "value"))
            label for="acquired_on" { "购置日期" } input id="acquired_on" name="acquired_on" type="date" value=(f.acquired_on); (field_error(&r.errors, "acquired_on"))
            p { button type="submit" { "登记" } }
        }
    }
}

async fn overview_body(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    filter: &AssetFilter,
    f: &AssetForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let o = service::overview(&s.db, caller, filter).await?;
    let all = choices(s, actor).await?;
    Ok(html! {
        (estate_nav())
        h2 { "按类别" }
        table id="by-category" {
            thead { tr { th { "类别" } th.num { "数量" } th.num { "价值（元）" } } }
            tbody { @for t in &o.by_category { tr {
                td { a href=(format!("/construction/assets?category={}", t.category.as_str())) { (t.category.label()) } }
                td.num { (t.quantity) } td.num { (t.value) }
            } } }
        }
        h2 { "资产登记" }
        table id="assets" {
            thead { tr { th { "学校" } th { "类别" } th { "名称" } th.num { "数量" } th.num { "价值（元）" } th { "购置日期" } } }
            tbody { @for a in &o.assets { tr {
                td { (a.institution_name) } td { (a.category.label()) }
                td { a href=(format!("/construction/assets/{}", a.id)) { (a.name) } }
                td.num { (a.quantity) } td.num { (a.value) } td { (or_dash(a.acquired_on)) }
            } } }
        }
        @if keeps_estate(actor.user.role) { (add_form(actor, &all, f, r)) }
        h2 { "调拨与报废" }
        (movements_table(&o.movements))
    })
}

pub async fn overview(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(filter): Query<AssetFilter>,
) -> PageResult {
    let body = overview_body(
        &s,
        &actor,
        &caller,
        &filter,
        &AssetForm::default(),
        &Refusal::default(),
    )
    .await?;
    Ok(page(&actor, "资产管理", body).into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<AssetForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async {
        let institution_id = chosen(&all, &f.institution, "institution_id")?;
        service::create(
            &s.db,
            &caller,
            &NewAsset {
                institution_id,
                asset: f.parse()?,
            },
        )
        .await
    }
    .await;
    super::answer(
        done,
        |a| format!("/construction/assets/{}", a.id),
        |r| async move {
            let view = overview_body(&s, &actor, &caller, &AssetFilter::default(), &f, &r).await?;
            Ok(page(&actor, "资产管理", view))
        },
    )
    .await
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MovementForm {
    kind: String,
    quantity: String,
    to_institution: String,
    moved_on: String,
    approved_by: String,
    approval_no: String,
    reason: String,
}

impl MovementForm {
    fn parse(&self, all: &[InstitutionChoice]) -> Result<MovementInput, AppError> {
        let mut c = Checker::new();
        let kind = c.parsed(
            Field::new("kind", "变动类型"),
            &self.kind,
            code::<MovementKind>,
        );
        let quantity = c.int(
            Field::new("quantity", "数量"),
            &self.quantity,
            i64::MIN..=i64::MAX,
        );
        let moved_on = c.date(Field::new("moved_on", "日期"), &self.moved_on);
        let to = match (kind, self.to_institution.trim()) {
            (Some(MovementKind::Transfer), t) if !t.is_empty() => match resolve(all, t) {
                Ok(id) => Some(id.0),
                Err(m) => {
                    c.custom("to_institution_id", m);
                    None
                }
            },
            _ => None,
        };
        let m = MovementInput {
            kind: kind.unwrap_or(MovementKind::Disposal),
            quantity: quantity.unwrap_or(0),
            to_institution_id: to,
            moved_on: moved_on.unwrap_or_else(platform::time::today),
            approved_by: self.approved_by.clone(),
            approval_no: self.approval_no.clone(),
            reason: self.reason.clone(),
        };
        c.finish(m).map_err(AppError::Invalid)
    }
}

fn movement_form(
    actor: &Actor,
    id: AssetId,
    all: &[InstitutionChoice],
    f: &MovementForm,
    r: &Refusal,
) -> Markup {
    html! {
        h2 { "调拨或报废" }
        form.stacked id="movement-form" method="post" action=(format!("/construction/assets/{id}/movements")) {
            (csrf_field(actor)) (refusal_view(r))
            label for="kind" { "变动类型" } (code_select::<MovementKind>("kind", &f.kind, None))
            label for="quantity" { "数量" } input id="quantity" name="quantity" value=(f.quantity); (field_error(&r.errors, "quantity"))
            @if !all.is_empty() { label for="to_institution" { "调入单位（调拨时填写）" } (picker("to_institution", &f.to_institution, all)) (field_error(&r.errors, "to_institution_id")) }
            label for="moved_on" { "日期" } input id="moved_on" name="moved_on" type="date" value=(f.moved_on); (field_error(&r.errors, "moved_on"))
            label for="approved_by" { "审批人" } input id="approved_by" name="approved_by" value=(f.approved_by); (field_error(&r.errors, "approved_by"))
            label for="approval_no" { "审批文号" } input id="approval_no" name="approval_no" value=(f.approval_no);
            label for="reason" { "原因" } input id="reason" name="reason" value=(f.reason); (field_error(&r.errors, "reason"))
            p { button type="submit" { "提交" } }
        }
    }
}

async fn detail_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: AssetId,
    f: &MovementForm,
    r: &Refusal,
) -> Result<Markup, AppError> {
    let d = service::get(&s.db, caller, id).await?;
    let all = if actor.may(WorkArea::Construction, Access::Write) {
        choices(s, actor).await?
    } else {
        vec![]
    };
    let a = &d.asset;
    Ok(page(
        actor,
        &format!("资产：{}·{}", a.institution_name, a.name),
        html! {
            (estate_nav())
            dl.facts {
                dt { "类别" } dd { (a.category.label()) }
                dt { "数量" } dd id="quantity" { (a.quantity) }
                dt { "价值（元）" } dd id="value" { (a.value) }
                dt { "购置日期" } dd { (or_dash(a.acquired_on)) }
            }
            @if keeps_estate(actor.user.role) { (movement_form(actor, id, &all, f, r)) }
            (movements_table(&d.movements))
        },
    ))
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<AssetId>,
) -> PageResult {
    Ok(detail_page(
        &s,
        &actor,
        &caller,
        id,
        &MovementForm::default(),
        &Refusal::default(),
    )
    .await?
    .into_response())
}

pub async fn move_out(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<AssetId>,
    Form(f): Form<MovementForm>,
) -> PageResult {
    let all = choices(&s, &actor).await?;
    let done = async { service::move_out(&s.db, &caller, id, &f.parse(&all)?).await }.await;
    super::answer(
        done,
        |_| format!("/construction/assets/{id}"),
        |r| async move { detail_page(&s, &actor, &caller, id, &f, &r).await },
    )
    .await
}
