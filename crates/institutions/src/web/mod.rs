//! The registry's pages, JSON API and spreadsheet files.

mod api;
mod detail;
mod edit;
mod files;
mod form;
pub mod home;
mod list;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/institutions", get(list::list).post(edit::create))
        .route("/institutions/new", get(edit::new_form))
        .route("/institutions/export.xlsx", get(files::export))
        .route("/institutions/template.xlsx", get(files::template))
        .route(
            "/institutions/import",
            get(files::import_form).post(files::import),
        )
        .route("/institutions/{id}", get(detail::detail).post(edit::update))
        .route("/institutions/{id}/edit", get(edit::edit_form))
        .route(
            "/institutions/{id}/designations",
            post(detail::add_designation),
        )
        .route("/institutions/{id}/tracking", post(detail::add_tracking))
        .route("/api/v1/institutions", get(api::list).post(api::create))
        .route("/api/v1/institutions/import", post(api::import))
        .route("/api/v1/institutions/export", get(api::export))
        .route("/api/v1/institutions/{id}", get(api::get).put(api::update))
        .route(
            "/api/v1/institutions/{id}/designations",
            get(api::designations).post(api::add_designation),
        )
        .route(
            "/api/v1/institutions/{id}/tracking",
            get(api::tracking).post(api::add_tracking),
        )
        .route("/api/v1/institutions/{id}/capacity", get(api::capacity))
        .route("/api/v1/townships", get(api::townships))
        .route("/api/v1/codes/school-types", get(api::school_types))
}

/// Common labels used by several pages.
fn township_name(townships: &[platform::district::Township], id: platform::TownshipId) -> &str {
    townships
        .iter()
        .find(|t| t.id == id)
        .map(|t| t.name.as_str())
        .unwrap_or("未知")
}
