//! Pages, JSON API and files of indicator frameworks (评估标准): building, versions, .xlsx import and export.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
