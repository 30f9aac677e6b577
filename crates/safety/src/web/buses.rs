//! Pages, JSON API and files of school buses (校车): vehicles, drivers, licence expiry, routes, expiry alerts.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
