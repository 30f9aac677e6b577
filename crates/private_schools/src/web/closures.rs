//! Pages, JSON API and files of closure of a private school and what happens to its pupils.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
