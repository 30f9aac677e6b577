//! The start page /community (key figures and the ways into the area) and
//! /community/analytics (participation of a month by street, age band and
//! course type, with the chart and the monthly report).

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::{page, AppState};
use platform::PageResult;

use super::MonthQuery;
use crate::domain::analytics::hours;
use crate::service::analytics as service;
use crate::store::analytics::Participation;

/// The pages of the area, for the start page's links: (href, label).
const LINKS: &[(&str, &str)] = &[
    (
        "/community/network",
        "社区教育网络（社区学校、教学点、标准化建设）",
    ),
    (
        "/community/activities",
        "学习资源、活动与培训（含0–3岁早教指导）",
    ),
    ("/community/analytics", "参与情况统计与新市民教育培训月报"),
    ("/learn", "市民远程学习资源目录（公开）"),
];

fn figure(id: &str, label: &str, value: String) -> Markup {
    html! { div.figure id=(id) { span.label { (label) } " " strong.value { (value) } } }
}

pub async fn start(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let today = platform::time::today();
    let k = service::key_figures(&s.db, &caller, today).await?;
    let body = html! {
        section.figures #key-figures {
            (figure("cards", "持卡市民", format!("{} 人", k.cards)))
            (figure("active-learners", "本月参学市民", format!("{} 人", k.active_learners)))
            (figure("hours", "本月学习时长", format!("{:.1} 小时", hours(k.minutes))))
            (figure("training", "本年培训", format!("{} 人次", k.training_attendances)))
            (figure("certificates", "本年发证", format!("{} 本", k.certificates)))
        }
        ul #community-links { @for (href, label) in LINKS { li { a href=(href) { (label) } } } }
    };
    Ok(page(&actor, "社区教育", body).into_response())
}

fn table(id: &str, head: &str, rows: &[Participation]) -> Markup {
    html! {
        table id=(id) {
            thead { tr { th { (head) } th.num { "参学人数" } th.num { "人次" } th.num { "学习时长（小时）" } } }
            tbody { @for p in rows { tr {
                td { (p.label) } td.num { (p.learners) } td.num { (p.attendances) } td.num { (format!("{:.1}", hours(p.minutes))) }
            } } }
        }
    }
}

pub async fn participation(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<MonthQuery>,
) -> PageResult {
    let month = q.month()?;
    let r = service::participation(&s.db, &caller, month).await?;
    let m = month.key();
    let body = html! {
        p { a href="/community" { "← 社区教育" } }
        form.filters method="get" action="/community/analytics" {
            label { "月份 " input type="month" name="month" value=(m); }
            button type="submit" { "查看" }
        }
        div.actions {
            a.button.secondary #monthly-report href=(format!("/community/analytics/report.xlsx?month={m}")) { "导出新市民教育培训月报（Excel）" }
        }
        img.chart src=(format!("/community/analytics/chart.png?month={m}")) alt="各乡镇（街道）学习人次";
        h2 { "按乡镇（街道）" } (table("by-street", "乡镇（街道）", &r.by_street))
        h2 { "按年龄段" } (table("by-age", "年龄段", &r.by_age))
        h2 { "按课程类型" } (table("by-kind", "课程类型", &r.by_course_kind))
    };
    Ok(page(&actor, &format!("参与情况：{}", month.label()), body).into_response())
}
