//! The area's start page (/teachers) and the staff list (教职工名单):
//! page, JSON API and .xlsx export, all through one reader that scopes,
//! masks and audits.

mod api;
mod export;
mod list;
mod overview;
mod reader;
mod view;

use axum::routing::get;
use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers", get(overview::show))
        .route("/teachers/staff", get(list::show))
        .route("/teachers/staff.xlsx", get(export::export))
        .route("/api/v1/teachers/staff", get(api::list))
        .route("/api/v1/teachers/overview", get(api::overview))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}
