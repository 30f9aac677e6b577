//! 资助统计 page and its Excel export.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::select;
use platform::web::{file_response, page, AppState, Filters};
use platform::{AppError, PageResult};

use super::chart::bar_chart;
use crate::domain::{term, Fen};

/// School years the term filter offers before the current one.
pub const TERM_YEARS_BACK: i64 = 4;
use crate::service::reader::AidReader;
use crate::store::reports::{Dimension, ReportFilter};

/// The report's filters, for the export link.
fn filters(f: &ReportFilter) -> Filters {
    Filters::new()
        .with("by", Some(f.by.key()))
        .with("term", f.term)
        .with("program_id", f.program_id)
        .with("paid_only", f.paid_only.then_some("true"))
}

pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<ReportFilter>,
) -> PageResult {
    let f = &f;
    let reader = AidReader::of(&state.db, &caller)?;
    let rows = reader.totals(f).await?;
    let overall = reader.overall(f).await?;
    let programs = crate::store::programs::list(&state.db).await?;
    let (year, _) = crate::domain::TermInput::current(platform::time::today());
    let terms = term::choices(year, TERM_YEARS_BACK);
    let dims: Vec<(String, String)> = Dimension::ALL
        .iter()
        .map(|d| (d.key().into(), d.label().into()))
        .collect();
    let progs: Vec<(String, String)> = programs
        .iter()
        .map(|p| (p.id.to_string(), p.def.name.clone()))
        .collect();
    let total = Fen(rows.iter().map(|r| r.amount).sum());
    let bars: Vec<(String, i64)> = rows.iter().map(|r| (r.label.clone(), r.amount)).collect();
    let body = html! {
        form.filters method="get" action="/aid/reports" {
            label { "统计维度" (select("by", &dims, f.by.key(), None)) }
            label { "学期" (select("term", &terms, &f.term.map(|t| t.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "资助项目" (select("program_id", &progs, &f.program_id.map(|p| p.to_string()).unwrap_or_default(), Some("全部"))) }
            label { "口径" (select("paid_only", &[("false".into(), paid_label(false).into()), ("true".into(), paid_label(true).into())], if f.paid_only { "true" } else { "false" }, None)) }
            button type="submit" { "统计" }
        }
        div.actions { a.button.secondary href=(filters(f).href("/aid/reports.xlsx", 1)) { "导出 Excel" } }
        (bar_chart(&format!("资助金额（按{}，万元）", f.by.label()), &bars, |v| Fen(v).wan_label()))
        table id="aid-report" {
            thead { tr { th { (f.by.label()) } th.num { "人次" } th.num { "人数" } th.num { "金额（元）" } th.num { "金额（万元）" } } }
            tbody {
                @for r in &rows {
                    tr { td { (r.label) } td.num { (r.person_times) } td.num { (r.persons) } td.num { (Fen(r.amount).yuan_grouped()) } td.num { (Fen(r.amount).wan()) } }
                }
            }
            tfoot { tr { th { "合计" } th.num { (overall.person_times) } th.num { (overall.persons) } th.num { (total.yuan_grouped()) } th.num { (total.wan()) } } }
        }
        p.muted { "人次：发放记录数（冲销相抵）；人数：享受资助且未被冲销的学生数（按该维度分组内去重；合计行对全部学生去重，同一学生享受多个项目或在多所学校只计一人，故不等于各行之和）。统计口径为已审批及已发放批次。" }
    };
    Ok(page(&actor, "资助统计", body).into_response())
}

/// The page's filter in its own words, for the export's title row.
async fn title(state: &AppState, f: &ReportFilter) -> Result<Title, AppError> {
    let program = match f.program_id {
        Some(id) => crate::store::programs::list(&state.db)
            .await?
            .into_iter()
            .find(|p| p.id.0 == id)
            .map_or_else(|| id.to_string(), |p| p.def.name),
        None => String::new(),
    };
    Ok(Title::list("资助统计")
        .filter("统计维度", f.by.label())
        .filter("学期", f.term.map(term::name).unwrap_or_default())
        .filter("资助项目", program)
        .filter("口径", paid_label(f.paid_only)))
}

fn paid_label(paid_only: bool) -> &'static str {
    if paid_only {
        "仅已发放"
    } else {
        "已审批及已发放"
    }
}

/// The same table as .xlsx (pages and /api/v1/aid/reports/export).
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<ReportFilter>,
) -> PageResult {
    let reader = AidReader::of(&state.db, &caller)?;
    let rows = reader.totals(&f).await?;
    let overall = reader.overall(&f).await?;
    let mut wb = Workbook::export(
        &title(&state, &f).await?,
        &[f.by.label(), "人次", "人数", "金额（元）", "金额（万元）"],
    );
    for r in &rows {
        wb.row(&[
            Cell::text(&r.label),
            Cell::Int(r.person_times),
            Cell::Int(r.persons),
            Cell::Yuan(r.amount),
            Cell::Wan(r.amount),
        ])
        .map_err(AppError::Internal)?;
    }
    let total: i64 = rows.iter().map(|r| r.amount).sum();
    wb.row(&[
        Cell::text("合计"),
        Cell::Int(overall.person_times),
        Cell::Int(overall.persons),
        Cell::Yuan(total),
        Cell::Wan(total),
    ])
    .map_err(AppError::Internal)?;
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("资助统计_按{}.xlsx", f.by.label()),
        XLSX_MIME,
        bytes,
    ))
}
