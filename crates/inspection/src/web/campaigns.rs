//! Pages, JSON API and files of campaigns (督导评估/年检/检查): self-evaluation, scoring, results, reports and the campaign summary.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
