//! Pages, JSON API and files of findings and rectification orders (整改通知书): response, re-check, closing, overdue.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
