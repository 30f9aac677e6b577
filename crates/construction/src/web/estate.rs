//! Pages, JSON API and files of school buildings (校舍) and the 危房 list, equipment and assets, procurement and joint acceptance.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
