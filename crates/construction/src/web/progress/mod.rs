//! Pages, JSON API and files of progress reports (形象进度) with photos, the
//! area's start page (/construction) with stalled projects and late phases,
//! and its reports with the .xlsx project table.

mod api;
mod multipart;
mod pages;
mod photos;
mod reports;
mod start;

use axum::routing::{get, post, put};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "reported" => "已保存形象进度报告。",
        "photo" => "已添加照片。",
        "settings" => "已保存设置。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/construction", get(start::start))
        .route("/construction/settings", post(start::save_settings))
        .route("/construction/reports", get(reports::reports_page))
        .route("/construction/reports/projects.xlsx", get(reports::export))
        .route(
            "/construction/projects/{id}/progress",
            get(pages::progress).post(pages::create),
        )
        .route("/construction/progress/{id}/photos", post(pages::add_photo))
        .route("/construction/progress/photos/{id}", get(photos::full))
        .route(
            "/construction/progress/photos/{id}/thumb",
            get(photos::thumb),
        )
        .route("/api/v1/construction/overview", get(api::start_page))
        .route("/api/v1/construction/reports", get(api::reports))
        .route("/api/v1/construction/settings", put(api::set_settings))
        .route(
            "/api/v1/construction/projects/{id}/progress",
            get(api::progress).post(api::create),
        )
        .route(
            "/api/v1/construction/progress/{id}/photos",
            post(api::add_photo),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
