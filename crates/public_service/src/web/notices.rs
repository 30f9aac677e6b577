//! Pages, JSON API and files of notices (通知公告) from the bureau to institutions and from institutions to parents, with read receipts; the start page.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
