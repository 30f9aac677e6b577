//! Pages, JSON API and files of hazards (隐患) reported by schools or found in checks, through the rectification loop; the start page and indicators.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
