//! /inspection/campaigns: the campaigns the user may see, filtered by area,
//! status and year (`?owner=supervision` is each area's own list).

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{options, select};
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::{here, writer};
use crate::domain::campaigns::CampaignStatus;
use crate::domain::Owner;
use crate::service::campaigns as service;
use crate::store::campaigns::CampaignFilter;

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<CampaignFilter>,
) -> PageResult {
    let rows = service::list(&s.db, &caller, &f).await?;
    let owners = options(Owner::ALL.iter().map(|o| (o.as_str(), o.label())));
    let statuses = options(CampaignStatus::ALL.iter().map(|o| (o.as_str(), o.label())));
    let asked = f.owner.as_deref().and_then(Owner::parse);
    let may_start: Vec<Owner> = Owner::ALL
        .iter()
        .copied()
        .filter(|o| writer(&actor, *o) && asked.is_none_or(|a| a == *o))
        .collect();
    let body = html! {
        @if !may_start.is_empty() {
            p { @for o in &may_start {
                a.button href=(format!("/inspection/campaigns/new?owner={}", o.as_str())) { "发起" (o.label()) "评估" } " "
            } }
        }
        form.filters method="get" action="/inspection/campaigns" {
            label for="owner" { "业务" } (select("owner", &owners, f.owner.as_deref().unwrap_or(""), Some("全部")))
            label for="status" { "状态" } (select("status", &statuses, f.status.as_deref().unwrap_or(""), Some("全部")))
            label for="year" { "年度" } input id="year" name="year" type="number" value=[f.year];
            button type="submit" { "筛选" }
        }
        @if rows.is_empty() {
            p.muted { "没有符合条件的评估。" }
        } @else {
            table id="campaigns" {
                thead { tr {
                    th { "名称" } th { "业务" } th { "评估标准" } th { "起止日期" }
                    th.num { "参评单位" } th.num { "已提交自评" } th.num { "已评分" } th { "状态" }
                } }
                tbody { @for r in &rows { @let c = &r.campaign; tr {
                    td { a href=(here(c.id)) { (c.title) } }
                    td { (c.owner.label()) } td { (r.framework_name) }
                    td { (show_date(c.starts_on)) " 至 " (show_date(c.ends_on)) }
                    td.num { (r.targets) } td.num { (r.submitted) } td.num { (r.scored) }
                    td { (CampaignStatus::parse(&c.status).map_or("", |s| s.label())) }
                } } }
            }
        }
    };
    Ok(layout(&actor, "评估与检查", body).into_response())
}
