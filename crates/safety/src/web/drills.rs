//! Pages, JSON API and files of emergency plans (应急预案) per hazard type with review dates, and drills (演练) with the two-a-year compliance view.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
