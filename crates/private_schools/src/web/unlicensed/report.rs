//! The monthly report page (/private/unlicensed/report?month=YYYY-MM).

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::web::{page, AppState};
use platform::PageResult;

use super::api::Month;
use crate::domain::inspections::show_permille;
use crate::service::unlicensed::report;

pub async fn month(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(m): Query<Month>,
) -> PageResult {
    let r = report::month(&s.db, &caller, m.month.as_deref()).await?;
    let body = html! {
        p { a href="/private/unlicensed" { "← 无证幼儿园" } }
        form.filters method="get" action="/private/unlicensed/report" {
            label { "月份 " input name="month" type="month" value=(r.month); }
            button type="submit" { "查看" }
        }
        p #month-figures {
            "本月新发现 " (r.found_in_month) " 所，办结 " (r.ended_in_month) " 所；累计 " (r.total)
            " 所，清零进度 " strong { (show_permille(r.cleared_permille)) }
        }
        table #month-report {
            thead { tr { th { "乡镇（街道）" } @for st in &r.statuses { th.num { (st.label()) } } th.num { "合计" } } }
            tbody {
                @for t in &r.townships { tr {
                    td { (t.township_name) } @for n in &t.counts { td.num { (n) } } td.num { (t.total) }
                } }
                tr.total { td { "全区" } @for n in &r.totals { td.num { (n) } } td.num { (r.total) } }
            }
        }
    };
    Ok(page(&actor, &format!("无证幼儿园月报（{}）", r.month), body).into_response())
}
