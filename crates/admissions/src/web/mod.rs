//! Admissions pages: the public application portal (no account) and the
//! bureau's round set-up, allocation and results; and the JSON API.

mod api;
mod bureau;
mod public;

use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(public::routes())
        .merge(bureau::routes())
        .merge(api::routes())
}

/// 招生 results: how a child was placed.
pub fn how_label(how: &str) -> &'static str {
    match how {
        "early" => "提前招生录取",
        "choice" => "志愿录取",
        "placed" => "统筹安排",
        _ => "暂未安排",
    }
}
