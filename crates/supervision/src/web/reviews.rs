//! Pages, JSON API and files of supervision reviews (发展性督导, 专项督导) on the inspection mechanism, the start page and indicators.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
