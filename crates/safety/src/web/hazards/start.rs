//! The area's start page (/safety, nav 校园安全): open hazards by risk
//! level, overdue orders, the rectification rate, this year's drill
//! compliance and plans overdue for review, with links to the lists and to
//! the inspection mechanism's orders and campaigns of the area.

use axum::extract::State;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::{page, AppState, Notice};
use platform::PageResult;

use super::{level_tag, notices, state_tag};
use crate::service::hazards::overview::{self, StartPage};
use crate::service::{buses, incidents};

const TITLE: &str = "校园安全";

fn rate(r: Option<f64>) -> String {
    r.map_or("—".into(), |p| format!("{p:.1}%"))
}

/// What the incidents and buses parts add to the page.
struct Others {
    open_incidents: i64,
    buses_expiring: i64,
}

fn view(p: &StartPage, o: &Others) -> Markup {
    let d = &p.drills;
    html! {
        p {
            a href="/safety/hazards" { "安全隐患" } " · "
            a href="/safety/drills" { "应急演练" } " · "
            a href="/safety/plans" { "应急预案" } " · "
            a href="/inspection/orders?owner=safety" { "整改通知书" } " · "
            a href="/inspection/campaigns?owner=safety" { "安全检查" } " · "
            a href="/safety/incidents" { "安全事故" } " · "
            a href="/safety/epidemics" { "疫情报告" } " · "
            a href="/safety/buses" { "校车" }
        }
        h2 { "未整改隐患" }
        table #open-hazards {
            thead { tr { th { "风险等级" } th.num { "未整改" } th.num { "其中待下发整改通知" } } }
            tbody { @for l in &p.levels { tr {
                td { (level_tag(l.risk_level)) }
                td.num { a href=(format!("/safety/hazards?open=true&risk_level={}", l.risk_level.as_str())) { (l.open) } }
                td.num { (l.unordered) }
            } } }
        }
        ul #safety-figures {
            li { "隐患整改率：" strong #rectification-rate { (rate(p.rectification_rate)) } "（已整改 " (p.rectified) " / 共 " (p.hazards) " 条）" }
            li { "逾期未整改的整改通知：" a #overdue-orders href="/inspection/orders?owner=safety&overdue=true" { (p.overdue_orders) } " 份" }
            li { (d.year) " 年演练达标率：" strong #drill-rate { (rate(d.rate)) } "（达标 " (d.compliant) " / 共 " (d.institutions) " 所，"
                a href=(format!("/safety/drills?year={}&short=true", d.year)) { "未达标 " (d.institutions - d.compliant) " 所" } "）" }
            li { "逾期未修订的应急预案：" a #overdue-reviews href="/safety/plans?overdue=true" { (p.overdue_reviews) } " 份" }
            li { "未结案的安全事故：" a #open-incidents href="/safety/incidents" { (o.open_incidents) } " 起" }
            li { "证照已过期或 30 天内到期的校车：" a #buses-expiring href="/safety/buses?state=alert" { (o.buses_expiring) } " 辆" }
        }
        h2 { "最新未整改隐患" }
        @if p.latest_open.is_empty() { p.muted { "无。" } } @else {
            table #latest-hazards {
                thead { tr { th { "发现日期" } th { "学校" } th { "位置" } th { "风险等级" } th { "状态" } } }
                tbody { @for h in &p.latest_open { tr {
                    td { (show_date(h.found_on)) } td { (h.institution_name) }
                    td { a href=(format!("/safety/hazards/{}", h.id)) { (h.location) } }
                    td { (level_tag(h.risk_level)) } td { (state_tag(h.state, h.deadline)) }
                } } }
            }
        }
    }
}

pub async fn start(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let p = overview::start_page(&s.db, &caller).await?;
    let o = Others {
        open_incidents: incidents::open_count(&s.db, &caller).await?,
        buses_expiring: buses::expiring_count(&s.db, &caller, 30).await?,
    };
    let body = html! { (notice.view(notices)) (view(&p, &o)) };
    Ok(page(&actor, TITLE, body).into_response())
}
