//! The list of framework versions (filter by owner area, purpose and
//! year) and the form that starts a new draft.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, error_summary, field_error, options, select, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::{Owner, Purpose};
use crate::service::frameworks::{self as service, ListQuery, NewDraft};
use crate::service::require_owner_bureau;
use crate::store::frameworks::FrameworkRow;

/// The owners whose frameworks the caller may build (bureau-wide writers).
pub fn writable_owners(caller: &Caller) -> Vec<Owner> {
    Owner::ALL
        .iter()
        .copied()
        .filter(|o| require_owner_bureau(caller, *o).is_ok())
        .collect()
}

/// The list's filter as the form sends it ("" for 全部).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ListForm {
    #[serde(default)]
    owner: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    year: String,
}

impl ListForm {
    fn query(&self) -> ListQuery {
        ListQuery {
            owner: Owner::parse(&self.owner),
            purpose: Purpose::parse(&self.purpose),
            year: self.year.trim().parse().ok(),
        }
    }
}

/// A status as the list shows it.
pub fn status_label(row: &FrameworkRow) -> &'static str {
    if row.is_published() {
        "已发布"
    } else {
        "草稿"
    }
}

fn table(rows: &[FrameworkRow]) -> Markup {
    html! {
        table id="frameworks" {
            thead { tr { th { "评估标准" } th { "所属领域" } th { "用途" } th.num { "年度" } th.num { "版本" } th.num { "总分" } th.num { "计分指标" } th { "状态" } } }
            tbody { @for r in rows { tr {
                td { a href=(format!("/inspection/frameworks/{}", r.id)) { (r.name) } }
                td { (r.owner.label()) }
                td { (r.purpose.label()) }
                td.num { (r.year) }
                td.num { "第 " (r.version) " 版" }
                td.num { (crate::domain::Points(r.total_points)) }
                td.num { (r.leaf_count) }
                td { (status_label(r)) }
            } } }
        }
        @if rows.is_empty() { p.muted { "没有符合条件的评估标准。" } }
    }
}

fn new_form(actor: &Actor, owners: &[Owner], typed: Option<&NewDraft>, r: &Refusal) -> Markup {
    let owner_opts = options(owners.iter().map(|o| (o.as_str(), o.label())));
    let purposes = options(Purpose::ALL.iter().map(|p| (p.as_str(), p.label())));
    let text = |f: fn(&NewDraft) -> &str| typed.map(f).unwrap_or("").to_string();
    html! {
        p.muted { "先建一个空草稿，再逐个添加指标；也可以 " a href="/inspection/frameworks/import" { "从 Excel 导入" } "。草稿发布后不能再修改，调整时生成新版本。" }
        (error_summary(&r.errors))
        form.stacked id="new-framework" method="post" action="/inspection/frameworks" {
            (csrf_field(actor))
            label for="owner" { "所属领域" }
            (select("owner", &owner_opts, typed.map(|t| t.owner.as_str()).unwrap_or(""), None))
            label for="purpose" { "评估用途" }
            (select("purpose", &purposes, typed.map(|t| t.purpose.as_str()).unwrap_or(""), None))
            label for="name" { "评估标准名称" }
            input type="text" id="name" name="name" required value=(text(|t| &t.name));
            (field_error(&r.errors, "name"))
            label for="year" { "年度" }
            input type="number" id="year" name="year" required value=(text(|t| &t.year));
            (field_error(&r.errors, "year"))
            label for="total" { "总分" }
            input type="text" id="total" name="total" value=(typed.map(|t| t.total.as_str()).filter(|t| !t.is_empty()).unwrap_or("100"));
            (field_error(&r.errors, "total"))
            p { button type="submit" { "新建草稿" } }
        }
    }
}

/// The page of a new draft's form; `typed` and `r` are a refused one's.
pub fn new_page(
    actor: &Actor,
    caller: &Caller,
    typed: Option<&NewDraft>,
    r: &Refusal,
) -> PageResult {
    let writable = writable_owners(caller);
    if writable.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(page(actor, "新建评估标准", new_form(actor, &writable, typed, r)).into_response())
}

pub async fn new(actor: Actor, caller: Caller) -> PageResult {
    new_page(&actor, &caller, None, &Refusal::default())
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(filter): Query<ListForm>,
) -> PageResult {
    let readable = service::readable_owners(&caller);
    if readable.is_empty() {
        return Err(AppError::Forbidden);
    }
    let rows = service::list(&s.db, &caller, &filter.query()).await?;
    let owners = options(readable.iter().map(|o| (o.as_str(), o.label())));
    let purposes = options(Purpose::ALL.iter().map(|p| (p.as_str(), p.label())));
    let writes = !writable_owners(&caller).is_empty();
    let body = html! {
        @if writes {
            div.actions {
                a.button href="/inspection/frameworks/new" { "新建评估标准" }
                a.button.secondary href="/inspection/frameworks/import" { "从 Excel 导入" }
            }
        }
        form.filters method="get" action="/inspection/frameworks" {
            label { "所属领域" (select("owner", &owners, &filter.owner, Some("全部"))) }
            label { "用途" (select("purpose", &purposes, &filter.purpose, Some("全部"))) }
            label { "年度" input type="number" name="year" value=(filter.year) size="6"; }
            button type="submit" { "筛选" }
        }
        (table(&rows))
    };
    Ok(page(&actor, "评估标准", body).into_response())
}
