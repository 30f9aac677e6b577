//! Pages, JSON API and files of annual inspection (年检) and kindergarten grading (等级验收) of private institutions, notices of results (通报).

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
