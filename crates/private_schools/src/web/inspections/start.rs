//! The area's start page (/private, nav 民办教育): private institutions by
//! type, this year's 年检合格率 and grades, open orders; for the bureau,
//! unlicensed kindergartens by status and the closures.

use axum::extract::State;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::{page, AppState};
use platform::PageResult;

use crate::domain::inspections::show_permille;
use crate::service::inspections::YearResults;
use crate::service::overview::{self, StartPage};

fn results_line(y: &YearResults) -> Markup {
    html! {
        @if y.total == 0 { span.muted { "尚无结果" } } @else {
            (y.passed) " / " (y.total) " 通过，" strong { (show_permille(y.rate_permille)) }
        }
    }
}

fn view(caller: &Caller, p: &StartPage) -> Markup {
    let bureau = caller.scope == platform::auth::Scope::All;
    html! {
        nav.links {
            a href=(format!("/private/results?kind=annual&year={}", p.year)) { "年检结果" } " · "
            a href=(format!("/private/results?kind=grading&year={}", p.year)) { "等级验收结果" } " · "
            a href="/private/results/history?kind=annual" { "年度对比" } " · "
            @if bureau {
                a href="/private/unlicensed" { "无证幼儿园" } " · "
                a href="/private/unlicensed/report" { "无证幼儿园月报" } " · "
            }
            a href="/private/closures" { "终止办学" } " · "
            a href="/inspection/campaigns?owner=private" { "评估与检查" } " · "
            a href="/inspection/orders?owner=private" { "整改通知" }
        }
        h2 { "民办学校（幼儿园）" }
        table #private-by-category {
            thead { tr { th { "类别" } th.num { "数量" } } }
            tbody { @for c in &p.private_by_category { tr { td { (c.category) } td.num { (c.count) } } } }
        }
        h2 { (p.year) "年结果" }
        dl #year-figures {
            dt { "年检合格率" } dd #annual-rate { (results_line(&p.annual)) }
            dt { "等级验收定级" } dd #grading-rate { (results_line(&p.grading)) }
            dt { "未办结整改通知" } dd #open-orders { (p.open_orders) " 份，其中逾期 " (p.overdue_orders) " 份" }
        }
        @if bureau {
            h2 { "无证幼儿园" }
            table #unlicensed-by-status {
                thead { tr { th { "状态" } th.num { "数量" } } }
                tbody { @for s in &p.unlicensed { tr {
                    td { a href=(format!("/private/unlicensed?status={}", s.status.as_str())) { (s.status.label()) } }
                    td.num { (s.count) }
                } } }
            }
            @if p.unlicensed_overdue > 0 {
                p #unlicensed-overdue { a href="/private/unlicensed?overdue=1" { "整改逾期 " (p.unlicensed_overdue) " 所" } }
            }
        }
        h2 { "终止办学" }
        @if p.closures.is_empty() { p.muted { "无。" } } @else {
            table #closures {
                thead { tr { th { "学校" } th { "决定日期" } th { "状态" } th.num { "学生" } th.num { "已安置" } } }
                tbody { @for c in &p.closures { tr {
                    td { a href=(format!("/private/closures/{}", c.id.0)) { (c.institution_name) } }
                    td { (show_date(c.decided_on)) }
                    td { (if c.status == "final" { "已完成" } else { "安置中" }) }
                    td.num { (c.pupils) } td.num { (c.placed) }
                } } }
            }
        }
    }
}

pub async fn start(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let p = overview::start_page(&s.db, &caller).await?;
    Ok(page(&actor, "民办教育", view(&caller, &p)).into_response())
}
