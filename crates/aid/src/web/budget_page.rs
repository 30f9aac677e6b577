//! 预算执行 page: each program's yearly budget against what approved and
//! paid batches used in a school year, with its Excel export.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::{empty_as_none, select};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::reports::TERM_YEARS_BACK;
use crate::domain::{Fen, TermInput};
use crate::service::reader::AidReader;
use crate::store::reports::BudgetRow;

#[derive(Deserialize)]
pub struct YearQuery {
    #[serde(default, deserialize_with = "empty_as_none")]
    school_year: Option<i64>,
}

fn school_year(q: &YearQuery) -> i64 {
    q.school_year
        .unwrap_or_else(|| TermInput::current(platform::time::today()).0)
}

fn year_label(y: i64) -> String {
    format!("{y}—{}学年", y + 1)
}

/// 执行率 in percent with one decimal; none without a budget.
fn rate(r: &BudgetRow) -> Option<String> {
    (r.budget > 0).then(|| format!("{:.1}%", r.used as f64 * 100.0 / r.budget as f64))
}

fn remaining(r: &BudgetRow) -> Option<i64> {
    (r.budget > 0).then_some(r.budget - r.used)
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> PageResult {
    let year = school_year(&q);
    let rows = AidReader::of(&s.db, &caller)?.budget(year).await?;
    let (current, _) = TermInput::current(platform::time::today());
    let years: Vec<(String, String)> = (current - TERM_YEARS_BACK..=current + 1)
        .rev()
        .map(|y| (y.to_string(), year_label(y)))
        .collect();
    let used: i64 = rows.iter().map(|r| r.used).sum();
    let budget: i64 = rows.iter().map(|r| r.budget).sum();
    let body = html! {
        form.filters method="get" action="/aid/budget" {
            label { "学年" (select("school_year", &years, &year.to_string(), None)) }
            button type="submit" { "查询" }
        }
        div.actions { a.button.secondary href=(format!("/aid/budget.xlsx?school_year={year}")) { "导出 Excel" } }
        table id="aid-budget" {
            thead { tr { th { "资助项目" } th.num { "每学年预算（元）" } th.num { "已使用（元）" } th.num { "剩余（元）" } th.num { "执行率" } } }
            tbody { @for r in &rows { tr {
                td { (r.name) }
                td.num { @if r.budget > 0 { (Fen(r.budget).yuan_grouped()) } @else { "未设" } }
                td.num { (Fen(r.used).yuan_grouped()) }
                td.num { (remaining(r).map(|f| Fen(f).yuan_grouped()).unwrap_or_default()) }
                td.num { (rate(r).unwrap_or_else(|| "—".into())) }
            } } }
            tfoot { tr { th { "合计" } th.num { (Fen(budget).yuan_grouped()) } th.num { (Fen(used).yuan_grouped()) } th {} th {} } }
        }
        p.muted { "已使用：本学年各学期已审批及已发放批次的金额（冲销已扣除）。" }
    };
    Ok(page(
        &actor,
        &format!("资助预算执行（{}）", year_label(year)),
        body,
    )
    .into_response())
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> PageResult {
    let year = school_year(&q);
    let rows = AidReader::of(&s.db, &caller)?.budget(year).await?;
    let title = Title::list("资助预算执行").filter("学年", year_label(year));
    let mut wb = Workbook::export(
        &title,
        &[
            "资助项目",
            "每学年预算（元）",
            "已使用（元）",
            "剩余（元）",
            "执行率",
        ],
    );
    for r in &rows {
        wb.row(&[
            Cell::text(&r.name),
            if r.budget > 0 {
                Cell::Yuan(r.budget)
            } else {
                Cell::Blank
            },
            Cell::Yuan(r.used),
            remaining(r).map_or(Cell::Blank, Cell::Yuan),
            rate(r).map_or(Cell::Blank, Cell::text),
        ])
        .map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("资助预算执行_{}.xlsx", year_label(year)),
        XLSX_MIME,
        bytes,
    ))
}
