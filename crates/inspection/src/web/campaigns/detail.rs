//! /inspection/campaigns/{id}: a campaign with its progress and its
//! institutions (self-evaluation, score, band, inspector); the bureau's
//! writers re-score and close it here.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::csrf_field;
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::{here, points, target_href, writer};
use crate::domain::CampaignId;
use crate::service::campaigns as service;

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let c = &d.campaign;
    let edit = writer(&actor, c.owner) && c.is_open();
    let bureau = actor.scope.institution().is_none();
    let own = actor.scope.institution().map(|i| i.0);
    let p = &d.progress;
    let body = html! {
        p { a href=(format!("/inspection/campaigns?owner={}", c.owner.as_str())) { "← " (c.owner.label()) "评估列表" } }
        dl.facts id="campaign-facts" {
            dt { "业务" } dd { (c.owner.label()) }
            dt { "评估标准" } dd { (d.framework.name) "（" (d.framework.year) "年，第 " (d.framework.version) " 版）" }
            dt { "起止日期" } dd { (show_date(c.starts_on)) " 至 " (show_date(c.ends_on)) }
            @if !c.lead_inspector.is_empty() { dt { "评估组长" } dd { (c.lead_inspector) } }
            dt { "状态" } dd { @if c.is_open() { "进行中" } @else { "已结束" } }
            @if !c.note.is_empty() { dt { "说明" } dd { (c.note) } }
        }
        @if bureau {
            p id="progress" {
                "参评单位 " (p.targets) " 所：已提交自评 " (p.self_submitted) " 所，自评草稿 " (p.self_draft)
                " 所，已评分 " (p.scored) " 所，待评分 " (p.targets - p.scored) " 所。"
            }
            p {
                a href=(format!("{}/summary", here(id))) { "结果汇总" } " · "
                a href=(format!("{}/results.xlsx", here(id))) { "导出结果（Excel）" } " · "
                a href=(format!("{}/notice.docx", here(id))) { "生成通报（Word）" }
            }
        }
        @if edit {
            form.inline method="post" action=(format!("{}/rescore", here(id))) {
                (csrf_field(&actor)) button.secondary type="submit" { "重新计分" }
            }
            " "
            form.inline method="post" action=(format!("{}/close", here(id))) {
                (csrf_field(&actor)) button.secondary type="submit" { "结束评估" }
            }
        }
        table id="targets" {
            thead { tr {
                th { "参评单位" } th { "责任督学" } th { "自评" } th.num { "总分" } th { "等次" } th { "否决项" } th {}
            } }
            tbody { @for t in &d.targets { @let href = target_href(id, t.institution_id); tr {
                td { a href=(href) { (t.institution_name) } }
                td { (t.inspector) }
                td { (t.self_status.label()) }
                td.num { (points(t.total_points)) }
                td { @if let Some(b) = &t.band { (b) } @else if t.scored_at.is_some() { "未达等次" } @else { "未评分" } }
                td { (t.vetoed_by) }
                td {
                    @if own == Some(t.institution_id) { a href=(format!("{href}/self")) { "自评" } }
                    @if edit { a href=(format!("{href}/score")) { "评分" } }
                }
            } } }
        }
    };
    Ok(layout(&actor, &c.title, body).into_response())
}

pub async fn close(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    service::close(&s.db, &caller, id).await?;
    Ok(Redirect::to(&here(id)).into_response())
}

pub async fn rescore(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    service::rescore(&s.db, &caller, id).await?;
    Ok(Redirect::to(&here(id)).into_response())
}
