//! The training overview (cycle, totals per year, projects), a project
//! with its sessions, a session with its attendance, and a teacher's
//! progress in the cycle.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::show_date;
use platform::web::forms::Refusal;
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

use super::forms::{attendance_form, project_form, session_form};
use crate::domain::training::{ProjectId, Requirement, SessionId};
use crate::service::training::{self as service, attendance, compliance, settings};
use crate::store::training::totals;

/// The cycle and what is due, as every training page states it.
pub fn requirement_line(r: &Requirement) -> Markup {
    html! {
        p.notice {
            "当前周期：" (r.cycle.label()) "，每周期须完成 " (r.required) " 学时；截至目前应完成 "
            (r.due) " 学时（按已结束的周期年度折算）。"
        }
    }
}

fn bureau_writer(actor: &Actor) -> bool {
    actor.scope.institution().is_none() && actor.may(WorkArea::Teachers, Access::Write)
}

pub async fn overview(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    Ok(
        overview_page(&s, &actor, &caller, &Refusal::default(), None)
            .await?
            .into_response(),
    )
}

pub async fn overview_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    refusal: &Refusal,
    typed: Option<&super::forms::ProjectForm>,
) -> Result<Markup, platform::AppError> {
    let projects = service::projects(&s.db, caller, None).await?;
    let req = settings::requirement(&s.db).await?;
    let years = totals::by_year(&s.db).await?;
    let body = html! {
        (requirement_line(&req))
        div.actions {
            a.button.secondary href="/teachers/training/compliance" { "学分落实情况检查" }
            @if actor.scope.institution().is_none() { a.button.secondary href="/teachers/training/settings" { "继续教育设置" } }
        }
        h2 { "历年培训" }
        table id="training-totals" {
            thead { tr { th { "年度" } th.num { "培训项目数" } th.num { "参训人次" } } }
            tbody { @for y in &years { tr { td { (y.year) "年" } td.num { (y.projects) } td.num { (y.person_times) } } } }
        }
        h2 { "培训项目" }
        @if bureau_writer(actor) { (project_form(actor, refusal, typed)) }
        table id="training-projects" {
            thead { tr { th { "年度" } th { "项目" } th { "主办单位" } th { "级别" } th.num { "场次" } th.num { "人次" } } }
            tbody { @for p in &projects { tr {
                td { (p.year) } td { a href=(format!("/teachers/training/projects/{}", p.id.0)) { (p.name) } }
                td { (p.organiser) } td { (p.level.label()) } td.num { (p.sessions) } td.num { (p.person_times) }
            } } }
        }
    };
    Ok(page(actor, "继续教育", body))
}

pub async fn project(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> PageResult {
    Ok(
        project_page(&s, &actor, &caller, id, &Refusal::default(), None)
            .await?
            .into_response(),
    )
}

pub async fn project_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: ProjectId,
    refusal: &Refusal,
    typed: Option<&super::forms::SessionForm>,
) -> Result<Markup, platform::AppError> {
    let (p, sessions) = service::project(&s.db, caller, id).await?;
    let body = html! {
        p { a href="/teachers/training" { "← 继续教育" } }
        p { (p.year) "年 · " (p.level.label()) " · 主办：" (p.organiser) " · 共 " (p.person_times) " 人次" }
        h2 { "培训场次" }
        table id="training-sessions" {
            thead { tr { th { "场次" } th { "日期" } th.num { "学时" } th.num { "名额" } th.num { "参训人数" } } }
            tbody { @for x in &sessions { tr {
                td { a href=(format!("/teachers/training/sessions/{}", x.id.0)) { (x.title) } }
                td { (show_date(x.starts_on)) " 至 " (show_date(x.ends_on)) }
                td.num { (x.hours) }
                td.num { @if let Some(n) = x.places { (n) } @else { "不限" } }
                td.num { (x.attended) }
            } } }
        }
        @if bureau_writer(actor) { (session_form(actor, id, refusal, typed)) }
    };
    Ok(page(actor, &p.name, body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Search {
    q: String,
}

pub async fn session(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    Query(f): Query<Search>,
) -> PageResult {
    Ok(
        session_page(&s, &actor, &caller, id, &f.q, &Refusal::default())
            .await?
            .into_response(),
    )
}

pub async fn session_page(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: SessionId,
    q: &str,
    refusal: &Refusal,
) -> Result<Markup, platform::AppError> {
    let (x, rows) = attendance::of_session(&s.db, caller, id).await?;
    let found = attendance::find_staff(&s.db, caller, q).await?;
    let writer = actor.may(WorkArea::Teachers, Access::Write);
    let body = html! {
        p { a href=(format!("/teachers/training/projects/{}", x.project_id.0)) { "← " (x.project_name) } }
        p { (show_date(x.starts_on)) " 至 " (show_date(x.ends_on)) " · " (x.hours) " 学时" }
        @if writer {
            (attendance_form(actor, &x, q, &found, refusal))
            p { a.button.secondary href=(format!("/teachers/training/sessions/{}/import", id.0)) { "从 Excel 导入参训记录" } }
        }
        h2 { "参训记录（" (rows.len()) " 人）" }
        table id="training-attendance" {
            thead { tr { th { "单位" } th { "姓名" } th { "参训日期" } th.num { "学时" } } }
            tbody { @for r in &rows { tr {
                td { (r.institution_name) }
                td { a href=(format!("/teachers/training/staff/{}", r.staff_id)) { (r.name) } }
                td { (show_date(r.attended_on)) } td.num { (r.hours) }
            } } }
        }
    };
    Ok(page(
        actor,
        &format!("{}·{}", x.project_name, x.title),
        body,
    ))
}

pub async fn staff(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let p = compliance::staff_progress(&s.db, &caller, id).await?;
    let body = html! {
        (requirement_line(&p.requirement))
        section id="training-progress" {
            h2 { "本周期继续教育进度" }
            dl {
                dt { "单位" } dd { (p.institution_name) }
                dt { "已完成学时" } dd { (p.hours) " / " (p.requirement.required) }
                dt { "截至目前应完成" } dd { (p.requirement.due) }
                dt { "状态" } dd { span.tag { (p.status_label) } }
            }
        }
        h2 { "本周期参训记录" }
        table id="training-credits" {
            thead { tr { th { "参训日期" } th { "项目" } th { "场次" } th.num { "学时" } } }
            tbody { @for c in &p.credits { tr {
                td { (show_date(c.attended_on)) } td { (c.project_name) }
                td { a href=(format!("/teachers/training/sessions/{}", c.session_id.0)) { (c.session_title) } }
                td.num { (c.hours) }
            } } }
        }
    };
    Ok(page(&actor, &format!("{}的继续教育", p.name), body).into_response())
}
