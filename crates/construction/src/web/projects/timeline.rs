//! /construction/timeline: every project's phases, planned (light, upper)
//! against actual (dark, lower; red when late), as one SVG strip per
//! project — SVG attributes, not inline styles, so the page keeps to the
//! content security policy — and the same as a PNG for reports.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::reports::file_response;
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::list::{filter_form, filters};
use crate::domain::projects::{Bar, Window};
use crate::service::projects::{self as service, Timeline, TimelinePhase};
use crate::store::projects::ProjectFilter;

const PLANNED: &str = "#9ecae1";
const ACTUAL: &str = "#0b5394";
const LATE: &str = "#c0392b";

/// The marks of each new year over the window.
fn year_marks(w: &Window) -> Markup {
    use chrono::Datelike;
    html! {
        svg.gantt-axis viewBox="0 0 1000 16" preserveAspectRatio="none" width="100%" height="16" role="img" aria-label="年份" {
            @for y in w.from.year() + 1..=w.to.year() {
                @if let Some(bar) = NaiveDate::from_ymd_opt(y, 1, 1).and_then(|d| w.bar(d, d)) {
                    line x1=(bar.left) x2=(bar.left) y1="0" y2="16" stroke="#999";
                    text x=(bar.left + 4) y="12" font-size="11" { (y) }
                }
            }
        }
    }
}

/// One project's bars as at most three SVG paths (planned, actual, late),
/// a rectangle per phase in each: a 500-project page stays small, where an
/// element and a tooltip per bar made it several times larger.
fn strip(phases: &[TimelinePhase]) -> Markup {
    let (mut planned, mut actual, mut late) = (String::new(), String::new(), String::new());
    for ph in phases {
        if let Some(b) = ph.planned {
            bar(&mut planned, b, 1);
        }
        if let Some(b) = ph.actual {
            bar(if ph.late { &mut late } else { &mut actual }, b, 11);
        }
    }
    html! {
        svg.gantt viewBox="0 0 1000 20" preserveAspectRatio="none" width="100%" height="20" role="img" aria-label=(describe(phases)) {
            @for (d, fill) in [(planned, PLANNED), (actual, ACTUAL), (late, LATE)] {
                @if !d.is_empty() { path d=(d) fill=(fill) {} }
            }
        }
    }
}

/// A bar `b` at height `y` as a closed path segment.
fn bar(d: &mut String, b: Bar, y: i64) {
    use std::fmt::Write;
    let _ = write!(d, "M{} {y}h{}v8h-{}z", b.left, b.width, b.width);
}

/// What the strip shows, for screen readers and as its tooltip.
fn describe(phases: &[TimelinePhase]) -> String {
    let started: Vec<&str> = phases
        .iter()
        .filter(|p| p.actual.is_some())
        .map(|p| p.phase.label())
        .collect();
    let late = phases.iter().filter(|p| p.late).count();
    match started.last() {
        None => "尚未开始".into(),
        Some(current) if late > 0 => format!("当前阶段：{current}；逾期 {late} 个阶段"),
        Some(current) => format!("当前阶段：{current}"),
    }
}

fn chart(t: &Timeline) -> Markup {
    html! {
        @match t.window {
            None => p id="timeline-empty" { "没有已填写日期的项目阶段。" },
            Some(w) => table.timeline id="timeline" {
                thead { tr { th { "项目" } th { "年度" } th { (w.from) " 至 " (w.to) (year_marks(&w)) } } }
                tbody { @for p in &t.projects {
                    tr data-project=(p.id.0) {
                        td { a href=(format!("/construction/projects/{}", p.id.0)) { (p.name) } br; span.muted { (p.kind.label()) " · " (p.place) } }
                        td.num { (p.year) }
                        td.bars { (strip(&p.phases)) }
                    }
                } }
            },
        }
    }
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<ProjectFilter>,
) -> PageResult {
    let t = service::timeline(&s.db, &caller, &f).await?;
    let body = html! {
        p { a href="/construction/projects" { "← 基建项目" } " · " a href=(filters(&f).href("/construction/timeline.png", 1)) { "下载甘特图（PNG）" } }
        (filter_form(&s, "/construction/timeline", &f, false).await?)
        p.legend {
            "共 " (t.projects.len()) " 个项目。每个项目上方浅蓝为计划、下方深蓝为实际（进行中的阶段画到今天，"
            (t.today) "），红色为逾期的阶段。"
        }
        (chart(&t))
    };
    Ok(layout(&actor, "项目进度甘特图", body).into_response())
}

pub async fn png(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<ProjectFilter>,
) -> PageResult {
    let t = service::timeline(&s.db, &caller, &f).await?;
    let bytes = service::timeline_png(&t, "基建项目进度甘特图（计划与实际）")?;
    Ok(file_response("基建项目甘特图.png", "image/png", bytes))
}
