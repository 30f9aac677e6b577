//! /inspection/campaigns/{id}/summary: the campaign's totals (count by
//! band, average, highest, lowest, vetoes), each indicator's average and
//! 失分率, every institution's result and those not yet scored.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::{here, points, target_href};
use crate::domain::CampaignId;
use crate::service::campaigns::{self as service};

/// Per mille as a percentage with one decimal: 125 → "12.5%".
fn permille(p: Option<i64>) -> String {
    p.map_or_else(|| "—".into(), |p| format!("{}.{}%", p / 10, p % 10))
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    let r = service::results(&s.db, &caller, id).await?;
    let sm = &r.summary;
    let unscored: Vec<_> = r.lines.iter().filter(|l| l.scored.is_none()).collect();
    let p = |v: Option<crate::domain::Points>| points(v.map(|p| p.0));
    let body = html! {
        p.no-print {
            a href=(here(id)) { "← " (r.campaign.title) } " · "
            a href=(format!("{}/results.xlsx", here(id))) { "导出结果（Excel）" } " · "
            a href=(format!("{}/notice.docx", here(id))) { "生成通报（Word）" }
        }
        dl.facts id="summary" {
            dt { "参评单位" } dd { (sm.targets) " 所" }
            dt { "已评分" } dd { (sm.scored) " 所" }
            dt { "平均分" } dd id="average" { (p(sm.average)) }
            dt { "最高分" } dd id="max" { (p(sm.max)) }
            dt { "最低分" } dd id="min" { (p(sm.min)) }
            dt { "一票否决" } dd { (sm.vetoed) " 所" }
        }
        h2 { "等次分布" }
        table id="bands" {
            thead { tr { th { "等次" } th.num { "单位数" } } }
            tbody { @for b in &sm.by_band { tr { td { (b.band) } td.num { (b.count) } } } }
        }
        h2 { "各指标得分" }
        table id="indicator-stats" {
            thead { tr { th { "指标" } th.num { "分值" } th.num { "平均得分" } th.num { "失分率" } th.num { "触发否决" } } }
            tbody { @for i in &sm.indicators { tr data-code=(i.code) {
                td { @for _ in 1..i.depth { "　" } (i.code) " " (i.title) }
                td.num { (i.points) } td.num { (p(i.average)) }
                td.num { (permille(i.loss_permille)) } td.num { (i.vetoes) }
            } } }
        }
        h2 { "各单位结果" }
        table id="results" {
            thead { tr { th { "参评单位" } th.num { "总分" } th { "等次" } th { "否决项" } } }
            tbody { @for l in r.lines.iter().filter(|l| l.scored.is_some()) { @let t = &l.target; tr {
                td { a href=(target_href(id, t.institution_id)) { (t.institution_name) } }
                td.num { (points(t.total_points)) }
                td { (t.band.as_deref().unwrap_or("未达等次")) } td { (t.vetoed_by) }
            } } }
        }
        @if !unscored.is_empty() {
            h2 { "尚未评分（" (unscored.len()) " 所）" }
            ul id="unscored" { @for l in &unscored { li { (l.target.institution_name) } } }
        }
    };
    Ok(layout(&actor, &format!("{}：结果汇总", r.campaign.title), body).into_response())
}
