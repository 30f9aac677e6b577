//! /construction/projects: the project list with its filters.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{options, select};
use platform::web::pager::{Filters, Pager};
use platform::web::{page as layout, AppState};
use platform::PageResult;

use super::writer;
use crate::domain::{ProjectKind, ProjectStatus};
use crate::service::projects::{self as service, PER_PAGE};
use crate::store::projects::ProjectFilter;

/// The filter form over kind, year, status and township, shared with the timeline.
pub(super) async fn filter_form(
    s: &AppState,
    action: &str,
    f: &ProjectFilter,
    with_status: bool,
) -> Result<Markup, platform::AppError> {
    let townships = platform::district::townships(&s.db).await?;
    let kinds = options(ProjectKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    let statuses = options(ProjectStatus::ALL.iter().map(|k| (k.as_str(), k.label())));
    let towns = options(townships.iter().map(|t| (t.id.0, t.name.as_str())));
    let key = |v: Option<&'static str>| v.unwrap_or("").to_string();
    Ok(html! {
        form.filters method="get" action=(action) {
            label for="kind" { "项目类型" } (select("kind", &kinds, &key(f.kind.map(ProjectKind::as_str)), Some("全部")))
            label for="year" { "年度" } input id="year" name="year" type="number" value=[f.year];
            @if with_status {
                label for="status" { "状态" } (select("status", &statuses, &key(f.status.map(ProjectStatus::as_str)), Some("全部")))
            }
            label for="township_id" { "乡镇（街道）" }
            (select("township_id", &towns, &f.township_id.map(|t| t.to_string()).unwrap_or_default(), Some("全部")))
            button type="submit" { "筛选" }
        }
    })
}

/// The filters as query pairs, for links that keep them.
pub(super) fn filters(f: &ProjectFilter) -> Filters {
    Filters::new()
        .with("kind", f.kind.map(ProjectKind::as_str))
        .with("year", f.year)
        .with("status", f.status.map(ProjectStatus::as_str))
        .with("township_id", f.township_id)
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<ProjectFilter>,
) -> PageResult {
    let list = service::list(&s.db, &caller, &f).await?;
    let filters = filters(&f);
    let pager = Pager::new(list.page, PER_PAGE, list.total);
    let body = html! {
        p {
            a href="/construction/timeline" { "项目进度甘特图" }
            @if writer(&actor) { " · " a href="/construction/projects/new" { "新建项目" } }
        }
        (filter_form(&s, "/construction/projects", &f, true).await?)
        table id="projects" {
            thead { tr {
                th { "项目名称" } th { "类型" } th { "学校" } th { "乡镇（街道）" } th.num { "年度" }
                th.num { "规划建筑面积（m²）" } th.num { "消除危房面积（m²）" } th { "当前阶段" } th { "状态" } th { "负责人" }
            } }
            tbody { @for p in &list.projects { tr {
                td { a href=(format!("/construction/projects/{}", p.id.0)) { (p.name) } }
                td { (p.kind.label()) }
                td { (p.place()) @if p.institution_id.is_none() { " （待交付）" } }
                td { (p.township_name) } td.num { (p.year) }
                td.num { (p.planned_floor_area) } td.num { (p.dangerous_area_removed) }
                td {
                    (p.current_phase.map_or("未开始", |ph| ph.label()))
                    @if p.late_phases > 0 { " " span.late { "逾期 " (p.late_phases) " 个阶段" } }
                }
                td { (p.status.label()) } td { (p.responsible_person) }
            } } }
        }
        (pager.view("/construction/projects", &filters))
    };
    Ok(layout(&actor, "基建项目", body).into_response())
}
