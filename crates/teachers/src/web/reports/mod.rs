//! 统计报表 pages (/teachers/reports?kind=…), each report's chart as PNG
//! and table as .xlsx, and the JSON API.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use maud::html;
use platform::auth::{Actor, Caller};
use platform::error::ErrorBody;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::{file_response, page, AppState};
use platform::{ApiResult, AppError, PageResult};
use serde::Deserialize;
use utoipa::OpenApi;

use crate::service::reports::{report, ReportCell, ReportKind, ReportTable};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/reports", get(show))
        .route("/teachers/reports/{kind}/chart.png", get(png))
        .route("/teachers/reports/{kind}/report.xlsx", get(export))
        .route("/api/v1/teachers/reports/{kind}", get(api))
}

#[derive(OpenApi)]
#[openapi(
    paths(api),
    components(schemas(ReportTable, ReportCell, ReportKind, ErrorBody))
)]
struct ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

fn kind(key: &str) -> Result<ReportKind, AppError> {
    ReportKind::parse(key).ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub struct Which {
    kind: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(w): Query<Which>,
) -> PageResult {
    let k = kind(w.kind.as_deref().unwrap_or("ratio"))?;
    let r = report(&state.db, &caller, k).await?;
    let body = html! {
        nav.tabs {
            @for other in ReportKind::ALL {
                @if *other == k { strong { (other.label()) } } @else { a href=(format!("/teachers/reports?kind={}", other.as_str())) { (other.label()) } }
                " "
            }
        }
        div.actions { a.button.secondary href=(format!("/teachers/reports/{}/report.xlsx", k.as_str())) { "导出 Excel" } }
        img.chart src=(format!("/teachers/reports/{}/chart.png", k.as_str())) alt=(r.chart_title);
        table id="teachers-report" {
            thead { tr { @for c in &r.columns { th { (c) } } } }
            tbody { @for row in &r.rows { tr { @for c in row { @if matches!(c, ReportCell::Text(_)) { td { (c.text()) } } @else { td.num { (c.text()) } } } } } }
        }
        p.muted { (r.note) }
    };
    Ok(page(&actor, &format!("教师统计：{}", r.title), body).into_response())
}

pub async fn png(
    State(state): State<AppState>,
    caller: Caller,
    Path(key): Path<String>,
) -> PageResult {
    let r = report(&state.db, &caller, kind(&key)?).await?;
    let decimals = r.kind == ReportKind::Ratio;
    let bytes = platform::chart::bar_png(&r.chart_title, &r.bars, |v| {
        if decimals {
            format!("{v:.2}")
        } else {
            format!("{v:.0}")
        }
    })?;
    Ok(file_response(
        &format!("{}.png", r.title),
        "image/png",
        bytes,
    ))
}

fn cell(c: &ReportCell) -> Cell<'_> {
    match c {
        ReportCell::Text(t) => Cell::text(t.as_str()),
        ReportCell::Int(n) => Cell::Int(*n),
        ReportCell::Number(_) => Cell::text(c.text()),
    }
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Path(key): Path<String>,
) -> PageResult {
    let r = report(&state.db, &caller, kind(&key)?).await?;
    let title = Title::new(format!("教师统计：{}", r.title))
        .filter("日期", platform::time::today().to_string());
    let columns: Vec<&str> = r.columns.iter().map(String::as_str).collect();
    let mut wb = Workbook::export(&title, &columns);
    for row in &r.rows {
        let cells: Vec<Cell> = row.iter().map(cell).collect();
        wb.row(&cells).map_err(AppError::Internal)?;
    }
    wb.row(&[Cell::text(&r.note)]).map_err(AppError::Internal)?;
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("教师统计_{}.xlsx", r.title),
        XLSX_MIME,
        bytes,
    ))
}

/// A staffing report (ratio, age, title, education, subject, shortage)
/// for the caller's scope: an institution sees its own figures.
#[utoipa::path(get, path = "/api/v1/teachers/reports/{kind}", tag = "teachers",
    params(("kind" = String, Path, description = "ratio | age | title | education | subject | shortage")),
    responses((status = 200, body = ReportTable), (status = 404, body = ErrorBody)))]
pub async fn api(
    State(state): State<AppState>,
    caller: Caller,
    Path(key): Path<String>,
) -> ApiResult<Json<ReportTable>> {
    Ok(Json(report(&state.db, &caller, kind(&key)?).await?))
}
