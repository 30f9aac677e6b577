//! Pages, JSON API and files of the registry of unlicensed kindergartens (无证幼儿园): status, visits, rectification, closure.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
