//! Pages, JSON API and files of the director's mailbox (局长信箱) and petitions (信访): the public form, reception days, assignment, replies, publication, satisfaction.

use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}
