//! Pages, JSON API and files of progress reports (形象进度) with photos, stalled and late projects, the reports and indicators of the area.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
