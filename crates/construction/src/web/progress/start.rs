//! The area's start page (/construction, nav 基建校舍): projects by kind and
//! status, stalled projects and late phases, the latest reports, and the
//! stalled-days setting for the bureau's writers.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::time::show_date;
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::{ProjectKind, ProjectStatus};
use crate::service::progress::overview::{self, StartPage};
use crate::service::progress::watch::{set_settings, ProgressSettings, STALLED_DAYS};
use crate::service::progress::{self as service};

const TITLE: &str = "基建校舍";

fn project_link(id: i64, name: &str) -> Markup {
    html! { a href=(format!("/construction/projects/{id}/progress")) { (name) } }
}

fn view(actor: &Actor, caller: &Caller, p: &StartPage, r: &Refusal) -> Markup {
    let count = |k: ProjectKind, s: ProjectStatus| {
        p.counts
            .iter()
            .find(|c| c.kind == k && c.status == s)
            .map_or(0, |c| c.projects)
    };
    let a = &p.attention;
    html! {
        p { a href="/construction/reports" { "项目一览与统计报表" } }
        h2 { "项目数" }
        table #project-counts {
            thead { tr { th { "类型" } @for s in ProjectStatus::ALL { th.num { (s.label()) } } th.num { "合计" } } }
            tbody { @for k in ProjectKind::ALL { tr {
                td { (k.label()) }
                @for s in ProjectStatus::ALL { td.num { (count(*k, *s)) } }
                td.num { (ProjectStatus::ALL.iter().map(|s| count(*k, *s)).sum::<i64>()) }
            } } }
        }
        h2 #stalled { "停滞项目（超过 " (a.stalled_days) " 天未报形象进度）" }
        @if a.stalled.is_empty() { p.muted { "无。" } } @else {
            table #stalled-projects {
                thead { tr { th { "项目" } th { "学校" } th { "最近报告" } } }
                tbody { @for s in &a.stalled { tr {
                    td { (project_link(s.id.0, &s.name)) }
                    td { (s.institution_name.as_deref().unwrap_or("—")) }
                    td { (s.last_report.map_or("从未填报".to_string(), show_date)) }
                } } }
            }
        }
        h2 #late { "逾期阶段（计划完成日期已过仍未完成）" }
        @if a.late.is_empty() { p.muted { "无。" } } @else {
            table #late-phases {
                thead { tr { th { "项目" } th { "学校" } th { "阶段" } th { "计划完成" } } }
                tbody { @for l in &a.late { tr {
                    td { (project_link(l.project_id.0, &l.project_name)) }
                    td { (l.institution_name.as_deref().unwrap_or("—")) }
                    td { (l.phase.label()) } td { (show_date(l.planned_end)) }
                } } }
            }
        }
        h2 { "最新形象进度" }
        table #latest-reports {
            thead { tr { th { "日期" } th { "项目" } th.num { "总形象进度" } th { "进展说明" } } }
            tbody { @for l in &p.latest { tr {
                td { (show_date(l.reported_on)) } td { (project_link(l.project_id.0, &l.project_name)) }
                td.num { (l.overall) } td { (l.notes) }
            } } }
        }
        @if service::may_write(caller) && caller.scope == Scope::All {
            h2 { "设置" }
            (refusal_view(r))
            form.stacked #settings-form method="post" action="/construction/settings" {
                (csrf_field(actor))
                label for="stalled_days" { (STALLED_DAYS.label) }
                input #stalled_days name="stalled_days" type="number" min="1" max="365" value=(a.stalled_days);
                (field_error(&r.errors, "stalled_days"))
                p { button type="submit" { "保存设置" } }
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
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &p, &Refusal::default())) };
    Ok(page(&actor, TITLE, body).into_response())
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    stalled_days: String,
}

pub async fn save_settings(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<SettingsForm>,
) -> PageResult {
    let done = match f.stalled_days.trim().parse() {
        Ok(stalled_days) => set_settings(&s.db, &caller, &ProgressSettings { stalled_days })
            .await
            .map(|_| ()),
        Err(_) => Err(platform::AppError::invalid(
            "stalled_days",
            "停滞天数应为 1 到 365 之间的整数",
        )),
    };
    match done {
        Ok(()) => Ok(Redirect::to(&with_notice("/construction", "settings")).into_response()),
        Err(e) => {
            let p = overview::start_page(&s.db, &caller).await?;
            redisplay(&actor, TITLE, e, |r| view(&actor, &caller, &p, r))
        }
    }
}
