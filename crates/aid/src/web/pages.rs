//! Pages of student aid: overview with programs and batches, a program, a
//! batch with approval, and one student's benefits.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::{date_of, show_date};
use platform::web::{page, AppState};
use platform::PageResult;

use super::applications::{apply_forms, reverse_form};
use crate::domain::{term, BatchId, Fen, LedgerKind, ProgramId};
use crate::service::batch_view;
use crate::service::runs;
use crate::store;
use students::store::students::StudentId;

const CENSUS_RULE: &str = "学生按学期第 30 天（统计基准日）当天有效的学籍归属学校：当天已入学且未离校的学籍计入；学期中途转学的学生只由基准日所在学校发放一次。休学学生不发放。按年标准的项目在第一学期（秋季）一次发放全年金额。";

pub async fn overview(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    actor.require(WorkArea::Aid, Access::Read)?;
    let bureau = actor.scope.institution().is_none();
    let programs = store::programs::list(&s.db).await?;
    let list = if bureau {
        batch_view::list(&s.db, &caller).await?
    } else {
        vec![]
    };
    let writer = bureau && actor.may(WorkArea::Aid, Access::Write);
    let body = html! {
        div.actions {
            @if writer { a.button href="/aid/programs/new" { "新增资助项目" } }
            a.button.secondary href="/aid/applications" { "资助申请" }
            a.button.secondary href="/aid/reports" { "资助统计" }
            a.button.secondary href="/aid/budget" { "预算执行" }
            @if bureau { a.button.secondary href="/aid/settings" { "资助设置" } }
        }
        h2 { "资助项目" }
        table id="aid-programs" {
            thead { tr { th { "项目" } th { "资金来源" } th { "补助标准" } th { "条件" } th.num { "每学年预算（万元）" } th { "状态" } } }
            tbody { @for p in &programs { tr {
                td { a href=(format!("/aid/programs/{}", p.id)) { (p.def.name) } @if p.def.needs_application { " " span.tag { "需申请" } } }
                td { (p.def.funding_source) }
                td { (p.standard) }
                td { (p.def.conditions.iter().map(|c| c.describe()).collect::<Vec<_>>().join("；")) }
                td.num { @if p.def.budget.0 > 0 { (p.def.budget.wan()) } @else { "—" } }
                td { @if p.def.active { "启用" } @else { "停用" } }
            } } }
        }
        p.muted { "项目也可通过 API（POST /api/v1/aid/programs）设立与修改。" }
        @if bureau {
            h2 { "发放批次" }
            @if writer {
                (super::run_form::form(&actor, &programs))
                p.muted { (CENSUS_RULE) }
            }
            table id="aid-batches" {
                thead { tr { th { "批次" } th { "学期" } th { "类型" } th { "状态" } th.num { "人次" } th.num { "金额（元）" } th { "计算人" } } }
                tbody { @for b in &list { tr {
                    td { a href=(format!("/aid/runs/{}", b.id)) { "#" (b.id) } }
                    td { (term::label(b.term)) }
                    td { (b.kind.label()) }
                    td { (b.status.label()) }
                    td.num { (b.row_count) }
                    td.num { (Fen(b.total).yuan_grouped()) }
                    td { (b.created_by) }
                } } }
            }
        }
    };
    Ok(page(&actor, "学生资助", body).into_response())
}

pub async fn program(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProgramId>,
) -> PageResult {
    let p = crate::service::programs::get(&s.db, &caller, id).await?;
    let writer = actor.scope.institution().is_none() && actor.may(WorkArea::Aid, Access::Write);
    let body = html! {
        @if writer { div.actions { a.button href=(format!("/aid/programs/{id}/edit")) { "修改" } } }
        dl.facts {
            dt { "资金来源" } dd { (p.def.funding_source) }
            dt { "发放周期" } dd { (p.def.period.label()) }
            dt { "补助标准" } dd { (p.standard) }
            dt { "享受条件" } dd { @for c in &p.def.conditions { div { (c.describe()) } } @if p.def.conditions.is_empty() { "适用学段的全体学生" } }
            dt { "不可同时享受" } dd { (p.def.incompatible_with.iter().map(|i| format!("#{i}")).collect::<Vec<_>>().join("、")) }
            dt { "每学年预算" } dd { @if p.def.budget.0 > 0 { (p.def.budget) } @else { "未设" } }
            dt { "个人申请" } dd { @if p.def.needs_application { "需要；材料：" (p.def.documents.join("、")) } @else { "不需要" } }
        }
    };
    Ok(page(&actor, &p.def.name, body).into_response())
}

/// Ledger rows; with `actor`, the 冲销 form beside each row it may reverse.
fn lines(rows: &[store::ledger::LedgerLine], actor: Option<&Actor>) -> maud::Markup {
    html! {
        table { thead { tr { th { "记录" } th { "学期" } th { "项目" } th { "学校" } th { "享受原因" } th.num { "金额（元）" } th { "批次" } th { "状态" } th { "计算日期" } @if actor.is_some() { th { "更正" } } } }
            tbody { @for r in rows { tr {
                td { a href=(format!("/aid/students/{}", r.student_id)) title="该生的资助记录" { "#" (r.id) } @if r.kind == LedgerKind::Reversal { " " span.tag { "冲销 #" (r.reverses_id.map_or(0, |l| l.0)) } } }
                td { (term::label(r.term)) }
                td { (r.program_name) }
                td { (r.institution_name) }
                td { (r.reason) }
                td.num { (Fen(r.amount).yuan_grouped()) }
                td { a href=(format!("/aid/runs/{}", r.batch_id)) { "#" (r.batch_id) } }
                td { (r.batch_status.label()) }
                td { (show_date(date_of(r.created_at))) @if let Some(p) = r.paid_at { " / 发放 " (show_date(date_of(p))) } }
                @if let Some(a) = actor { td { (reverse_form(a, r, rows)) } }
            } } }
        }
    }
}

pub async fn approve(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> PageResult {
    runs::approve(&s.db, &caller, id).await?;
    Ok(Redirect::to(&format!("/aid/runs/{id}")).into_response())
}

pub async fn pay(State(s): State<AppState>, caller: Caller, Path(id): Path<BatchId>) -> PageResult {
    runs::pay(&s.db, &caller, id).await?;
    Ok(Redirect::to(&format!("/aid/runs/{id}")).into_response())
}

/// 学生资助记录: every benefit, with dates and batches.
pub async fn student(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> PageResult {
    let aid = crate::service::benefits::of_student(&s.db, &caller, id).await?;
    let programs = store::programs::list(&s.db).await?;
    let bureau_writer =
        actor.scope.institution().is_none() && actor.may(WorkArea::Aid, Access::Write);
    let corrector = bureau_writer.then_some(&actor);
    let body = html! {
        p { "已审批及已发放合计：" strong { (Fen(aid.total_received)) } }
        @if aid.rows.is_empty() { p.muted { "暂无资助记录。" } } @else { (lines(&aid.rows, corrector)) }
        p.muted { (CENSUS_RULE) }
        (apply_forms(&actor, id, &programs))
    };
    Ok(page(&actor, &format!("{} 的资助记录", aid.name), body).into_response())
}
