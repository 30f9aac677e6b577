//! The chart of participation by street (PNG) and the monthly report
//! (新市民教育培训月报) as .xlsx: one sheet, a row per street and kind
//! with 人次 and hours, then the total.

use axum::extract::{Query, State};
use platform::auth::Caller;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::{file_response, AppState};
use platform::{AppError, PageResult};

use super::MonthQuery;
use crate::service::analytics as service;

pub async fn chart(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<MonthQuery>,
) -> PageResult {
    let month = q.month()?;
    let r = service::participation(&s.db, &caller, month).await?;
    let bars: Vec<(String, f64)> = r
        .by_street
        .iter()
        .map(|p| (p.label.clone(), p.attendances as f64))
        .collect();
    let title = format!("{} 各乡镇（街道）学习人次", month.label());
    let bytes = platform::chart::bar_png(&title, &bars, |v| format!("{v:.0}"))?;
    Ok(file_response(&format!("{title}.png"), "image/png", bytes))
}

pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<MonthQuery>,
) -> PageResult {
    let month = q.month()?;
    let r = service::monthly(&s.db, &caller, month).await?;
    let title = Title::new("新市民教育培训月报").filter("月份", month.label());
    let mut wb = Workbook::export(
        &title,
        &["乡镇（街道）", "类别", "人次", "学习时长（小时）"],
    );
    for row in &r.rows {
        wb.row(&[
            Cell::text(row.township.as_str()),
            Cell::text(row.kind.as_str()),
            Cell::Int(row.attendances),
            Cell::text(format!("{:.1}", row.hours)),
        ])
        .map_err(AppError::Internal)?;
    }
    wb.row(&[
        Cell::text("合计"),
        Cell::Blank,
        Cell::Int(r.total_attendances),
        Cell::text(format!("{:.1}", r.total_hours)),
    ])
    .map_err(AppError::Internal)?;
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("新市民教育培训月报_{}.xlsx", month.key()),
        XLSX_MIME,
        bytes,
    ))
}
