//! Pages, JSON API and files of exam results: the exams with their papers,
//! lines and result versions; imports; the analysis per school with its
//! charts, report text and .xlsx; candidates' scores.

mod analysis;
mod api;
mod files;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::forms::empty_as_none;
use platform::web::AppState;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exams", get(pages::overview).post(pages::create))
        .route("/exams/{id}", get(pages::show))
        .route("/exams/{id}/papers", post(pages::add_mark))
        .route("/exams/{id}/lines", post(pages::add_mark))
        .route("/exams/{id}/publish", post(pages::publish))
        .route("/exams/{id}/corrections", post(pages::correct))
        .route("/exams/{id}/import", post(files::import_page))
        .route("/exams/{id}/template.xlsx", get(files::template))
        .route("/exams/{id}/analysis", get(analysis::show))
        .route("/exams/{id}/analysis.xlsx", get(files::export))
        .route("/exams/{id}/chart.png", get(analysis::chart))
        .route("/exams/{id}/report", post(analysis::save_report))
        .route("/exams/{id}/scores", get(pages::scores))
        .route("/exams/{id}/scores/{score_id}", get(pages::score))
        .route("/api/v1/exams", get(api::list).post(api::create))
        .route("/api/v1/exams/{id}", get(api::detail))
        .route("/api/v1/exams/{id}/papers", post(api::add_paper))
        .route("/api/v1/exams/{id}/lines", post(api::add_line))
        .route("/api/v1/exams/{id}/import/{kind}", post(api::import))
        .route("/api/v1/exams/{id}/publish", post(api::publish))
        .route("/api/v1/exams/{id}/corrections", post(api::correct))
        .route("/api/v1/exams/{id}/analysis", get(api::analysis))
        .route("/api/v1/exams/{id}/report", post(api::report))
        .route("/api/v1/exams/{id}/scores", get(api::scores))
        .route("/api/v1/exams/{id}/scores/{score_id}", get(api::score))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// Which version to read, which line to chart, which school's candidates.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ViewQuery {
    #[serde(default, deserialize_with = "empty_as_none")]
    pub version: Option<i64>,
    #[serde(default)]
    pub line: Option<String>,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    /// `students` or `schools` (imports and templates).
    #[serde(default)]
    pub kind: Option<String>,
}

/// "34.02%" or "—".
pub(crate) fn percent(d: Option<figures::Decimal>) -> String {
    d.map_or("—".into(), |d| format!("{d}%"))
}
