//! Pages, JSON API and files of school buses (校车): the fleet with its
//! expiry alerts, a bus, the form for a new one, the .xlsx export and import.

mod api;
mod files;
mod pages;

use axum::routing::get;
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/safety/buses", get(pages::list).post(pages::create))
        .route("/safety/buses.xlsx", get(files::export))
        .route("/safety/buses/template.xlsx", get(files::template))
        .route("/safety/buses/import", get(files::form).post(files::upload))
        .route("/safety/buses/{id}", get(pages::detail))
        .route("/api/v1/safety/buses", get(api::list).post(api::create))
        .route(
            "/api/v1/safety/buses/import",
            axum::routing::post(api::import),
        )
        .route("/api/v1/safety/buses/{id}", get(api::bus))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
