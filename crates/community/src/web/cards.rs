//! Pages, JSON API and files of learning cards (学习卡): registration at a desk or online, the citizen's card login and own page, enrolment and cancellation.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
