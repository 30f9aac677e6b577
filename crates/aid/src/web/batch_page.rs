//! 批次审核 page: a batch's facts and totals, its conflicts, and every line
//! (name, masked ID number, school, program, amount, reason) filtered and
//! paged, with an .xlsx export of all of them; approval, payment and
//! discarding from the same page.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::settings;
use platform::time::show_minute;
use platform::web::forms::{csrf_field, select};
use platform::web::{file_response, page, AppState, Filters};
use platform::{AppError, PageResult};

use crate::domain::{term, BatchId, BatchStatus, Fen, LedgerKind};
use crate::service::batch_review::{self, LinePage};
use crate::service::batch_view::{self, BatchDetail};
use crate::service::runs;
use crate::service::settings::SEPARATE_APPROVER;
use crate::store::batch_lines::{LineFilter, ReviewLine};

/// The filters as query pairs, for the pager and the export link.
fn filters(f: &LineFilter) -> Filters {
    Filters::new()
        .with("institution_id", f.institution_id)
        .with("program_id", f.program_id)
        .with("q", f.q.as_ref())
}

pub async fn batch(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<BatchId>,
    Query(f): Query<LineFilter>,
) -> PageResult {
    let BatchDetail {
        batch: b,
        programs: sums,
        conflicts,
        ..
    } = batch_view::detail(&s.db, &caller, id, 50).await?;
    let LinePage { lines, pager } = batch_review::page(&s.db, &caller, id, &f).await?;
    let schools = batch_review::institutions(&s.db, &caller, id).await?;
    let approver = crate::service::require_approver(&s.db, &caller).is_ok();
    let writer = actor.may(WorkArea::Aid, Access::Write);
    let own =
        settings::flag(&s.db, &SEPARATE_APPROVER).await? && b.created_by == actor.user.username;
    let draft = b.status == BatchStatus::Draft;
    let here = format!("/aid/runs/{id}");
    let schools: Vec<(String, String)> = schools
        .into_iter()
        .map(|(i, n)| (i.to_string(), n))
        .collect();
    let programs: Vec<(String, String)> = sums
        .iter()
        .map(|p| (p.program_id.to_string(), p.name.clone()))
        .collect();
    let body = html! {
        dl.facts {
            dt { "学期" } dd { (term::label(b.term)) }
            dt { "统计基准日" } dd { (b.census_date) }
            dt { "状态" } dd { (b.status.label()) }
            dt { "扫描学生" } dd { (b.students_scanned) }
            dt { "合计" } dd { (b.row_count) " 人次，" (Fen(b.total)) "（" (Fen(b.total).wan_label()) "）" }
            dt { "计算" } dd { (b.created_by) " " (show_minute(b.created_at)) }
            @if let Some(a) = &b.approved_by { dt { "审批" } dd { (a) " " (b.approved_at.map(show_minute).unwrap_or_default()) } }
            @if let Some(a) = &b.paid_by { dt { "发放" } dd { (a) " " (b.paid_at.map(show_minute).unwrap_or_default()) } }
            @if !b.note.is_empty() { dt { "说明" } dd { (b.note) } }
        }
        div.actions {
            @if approver && draft && !own {
                form.inline method="post" action=(format!("{here}/approve")) { (csrf_field(&actor)) button type="submit" { "审批通过" } }
            }
            @if approver && b.status == BatchStatus::Approved {
                form.inline method="post" action=(format!("{here}/pay")) { (csrf_field(&actor)) button type="submit" { "登记已发放" } }
            }
            @if writer && draft {
                form.inline method="post" action=(format!("{here}/discard")) { (csrf_field(&actor)) button.secondary type="submit" { "放弃本批次" } }
            }
        }
        @if approver && draft && own {
            p.notice { "本批次由您计算，须由其他有审批权限的人员审批（" (SEPARATE_APPROVER.label) "）。" }
        }
        h2 { "按项目" }
        table { thead { tr { th { "项目" } th.num { "人次" } th.num { "金额（元）" } } }
            tbody { @for p in &sums { tr { td { (p.name) } td.num { (p.rows) } td.num { (Fen(p.amount).yuan_grouped()) } } } } }
        (conflict_table(b.conflict_count, &conflicts))
        h2 id="lines" { "明细（共 " (pager.total) " 条）" }
        form.filters method="get" action=(here) {
            label { "学校" (select("institution_id", &schools, &f.institution_id.map(|i| i.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "资助项目" (select("program_id", &programs, &f.program_id.map(|i| i.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "姓名" input type="text" name="q" value=(f.q.clone().unwrap_or_default()); }
            button type="submit" { "筛选" }
        }
        div.actions { a.button.secondary href=(filters(&f).href(&format!("{here}/lines.xlsx"), 1)) { "导出明细 Excel" } }
        (line_table(&lines))
        (pager.view(&here, &filters(&f)))
    };
    Ok(page(&actor, &format!("资助批次 #{id}"), body).into_response())
}

fn conflict_table(count: i64, conflicts: &[crate::store::ledger::ConflictLine]) -> Markup {
    html! {
        h2 { "未列入本批次（" (count) " 人次）" }
        p.muted { "同时符合不可同时享受的项目的学生只享受排序在前的项目；本学期已由其他批次发放同一项目或不可同时享受的项目的学生不再发放。以下为前 50 条，请核实。" }
        @if !conflicts.is_empty() { table id="aid-conflicts" { thead { tr { th { "学生" } th { "已享受" } th { "未列入" } th { "已发放批次" } } }
            tbody { @for c in conflicts { tr {
                td { a href=(format!("/aid/students/{}", c.student_id)) { (c.student_name) } }
                td { (c.kept) } td { (c.dropped) }
                td { @if let Some(p) = c.paid_batch { a href=(format!("/aid/runs/{p}")) { "#" (p) } } @else { "本批次" } }
            } } } } }
    }
}

fn line_table(lines: &[ReviewLine]) -> Markup {
    html! {
        table id="aid-lines" {
            thead { tr { th { "姓名" } th { "证件号码" } th { "学校" } th { "资助项目" } th.num { "金额（元）" } th { "享受原因" } } }
            tbody { @for l in lines { tr {
                td { a href=(format!("/aid/students/{}", l.student_id)) { (l.student_name) } @if l.kind == LedgerKind::Reversal { " " span.tag { "冲销" } } }
                td { (l.id_number) }
                td { (l.institution_name) }
                td { (l.program_name) }
                td.num { (Fen(l.amount).yuan_grouped()) }
                td { (l.reason) }
            } } }
        }
    }
}

/// Every line matching the filters as .xlsx, masked and audited.
pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
    Query(f): Query<LineFilter>,
) -> PageResult {
    let lines = batch_review::all(&s.db, &caller, id, &f).await?;
    let title = Title::list(format!("资助批次 #{id} 明细"))
        .filter(
            "学校（编号）",
            f.institution_id.map(|i| i.to_string()).unwrap_or_default(),
        )
        .filter(
            "资助项目（编号）",
            f.program_id.map(|i| i.to_string()).unwrap_or_default(),
        )
        .filter("姓名", f.q.clone().unwrap_or_default());
    let mut wb = Workbook::export(
        &title,
        &[
            "姓名",
            "证件号码",
            "学校",
            "资助项目",
            "类型",
            "金额（元）",
            "享受原因",
        ],
    );
    for l in &lines {
        wb.row(&[
            Cell::text(&l.student_name),
            Cell::text(&l.id_number),
            Cell::text(&l.institution_name),
            Cell::text(&l.program_name),
            Cell::text(l.kind.label()),
            Cell::Yuan(l.amount),
            Cell::text(&l.reason),
        ])
        .map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("资助批次_{id}_明细.xlsx"),
        XLSX_MIME,
        bytes,
    ))
}

pub async fn discard(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> PageResult {
    runs::discard(&s.db, &caller, id).await?;
    Ok(Redirect::to("/aid#aid-batches").into_response())
}
