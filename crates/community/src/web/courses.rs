//! Pages, JSON API and files of courses, the teachers' pool, sessions with places and a timetable, attendance, the credit bank (学分银行) and certificates.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
