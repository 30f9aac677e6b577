//! Pages and JSON API of the network of community college, schools and
//! teaching points (教学点) with their standardisation status
//! (标准化社区学校), by township.

mod api;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "point" => "已登记教学点。",
        "standard" => "已记录标准化评定。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/community/network", get(pages::network))
        .route("/community/network/points", post(pages::add_point))
        .route("/community/network/standard", post(pages::record_standard))
        .route("/api/v1/community/network", get(api::network))
        .route(
            "/api/v1/community/teaching-points",
            get(api::points).post(api::add_point),
        )
        .route("/api/v1/community/teaching-points/{id}", get(api::point))
        .route(
            "/api/v1/community/standardisation",
            post(api::record_standard),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
