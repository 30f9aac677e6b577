//! /inspection/orders: the orders the caller sees, with filters (owner,
//! status, overdue only, institution, township, campaign) and paging.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{options, select};
use platform::web::pager::{Filters, Pager};
use platform::web::{page as layout, AppState, Notice};
use platform::PageResult;

use super::notices;
use crate::domain::{OrderStatus, Owner};
use crate::service::orders::{self as service, OrderList, PER_PAGE};
use crate::store::orders::OrderFilter;

/// The filters as query pairs, for links that keep them.
fn filters(f: &OrderFilter) -> Filters {
    Filters::new()
        .with("owner", f.owner.map(Owner::as_str))
        .with("status", f.status.map(OrderStatus::as_str))
        .with("overdue", f.overdue.then_some("1"))
        .with("institution_id", f.institution_id)
        .with("township_id", f.township_id)
        .with("campaign_id", f.campaign_id)
}

async fn filter_form(
    s: &AppState,
    f: &OrderFilter,
    owners: &[Owner],
) -> Result<Markup, platform::AppError> {
    let townships = platform::district::townships(&s.db).await?;
    let towns = options(townships.iter().map(|t| (t.id.0, t.name.as_str())));
    let owner_opts = options(owners.iter().map(|o| (o.as_str(), o.label())));
    let statuses = options(OrderStatus::ALL.iter().map(|k| (k.as_str(), k.label())));
    let key = |v: Option<&'static str>| v.unwrap_or("").to_string();
    Ok(html! {
        form.filters #order-filters method="get" action="/inspection/orders" {
            label for="owner" { "业务" } (select("owner", &owner_opts, &key(f.owner.map(Owner::as_str)), Some("全部")))
            label for="status" { "状态" } (select("status", &statuses, &key(f.status.map(OrderStatus::as_str)), Some("全部")))
            label for="township_id" { "乡镇（街道）" }
            (select("township_id", &towns, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部")))
            label { input #overdue type="checkbox" name="overdue" value="1" checked[f.overdue]; " 只看逾期" }
            @if let Some(i) = f.institution_id { input type="hidden" name="institution_id" value=(i); }
            @if let Some(c) = f.campaign_id { input type="hidden" name="campaign_id" value=(c); }
            button type="submit" { "筛选" }
        }
    })
}

fn table(list: &OrderList) -> Markup {
    html! {
        table #orders {
            thead { tr {
                th { "文号" } th { "业务" } th { "整改单位" } th { "发现的问题" } th { "责任人" }
                th { "整改期限" } th { "状态" } th { "下发日期" }
            } }
            tbody { @for o in &list.orders { tr {
                td { a href=(super::here(o.id)) { (o.number) } }
                td { (o.owner.label()) }
                td { (o.institution_name) }
                td { (o.finding) }
                td { (o.responsible_person) }
                td {
                    (show_date(o.deadline))
                    @if list.overdue.contains(&o.id) { " " span.late { "逾期" } }
                }
                td { (o.status.label()) }
                td { (show_date(o.issued_on)) }
            } } }
        }
    }
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
    Query(f): Query<OrderFilter>,
) -> PageResult {
    let list = service::list(&s.db, &caller, &f).await?;
    let owners = service::owners_read(&caller, None)?;
    let issuers: Vec<Owner> = owners
        .iter()
        .copied()
        .filter(|o| service::may_issue(&caller, *o) && f.owner.is_none_or(|only| only == *o))
        .collect();
    let title = match f.owner {
        Some(o) => format!("整改通知书（{}）", o.label()),
        None => "整改通知书".to_string(),
    };
    let pager = Pager::new(list.page, PER_PAGE, list.total);
    let body = html! {
        (notice.view(notices))
        @if !issuers.is_empty() {
            p #issue-links {
                @for o in &issuers {
                    a href=(format!("/inspection/orders/new?owner={}", o.as_str())) { "下发整改通知（" (o.label()) "）" } " "
                }
            }
        }
        (filter_form(&s, &f, &owners).await?)
        (table(&list))
        (pager.view("/inspection/orders", &filters(&f)))
    };
    Ok(layout(&actor, &title, body).into_response())
}
