//! Pages, JSON API and files of incidents (安全事故) and epidemic reports (疫情报告): cases by institution and day, plan activation, closing.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
