//! Pages, JSON API and files of indicator frameworks (评估标准): the list,
//! a version's tree with its builder, versions, .xlsx import and export.

mod api;
mod builder;
mod files;
mod list;
mod show;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/inspection/frameworks",
            get(list::list).post(builder::start),
        )
        .route("/inspection/frameworks/new", get(list::new))
        .route("/inspection/frameworks/template.xlsx", get(files::template))
        .route(
            "/inspection/frameworks/import",
            get(files::form).post(files::import),
        )
        .route("/inspection/frameworks/{id}", get(show::show))
        .route(
            "/inspection/frameworks/{id}/export.xlsx",
            get(files::export),
        )
        .route(
            "/inspection/frameworks/{id}/indicators",
            post(builder::save_indicator),
        )
        .route(
            "/inspection/frameworks/{id}/indicators/remove",
            post(builder::remove_indicator),
        )
        .route(
            "/inspection/frameworks/{id}/settings",
            post(builder::settings),
        )
        .route(
            "/inspection/frameworks/{id}/publish",
            post(builder::publish),
        )
        .route(
            "/inspection/frameworks/{id}/versions",
            post(builder::version),
        )
        .route(
            "/api/v1/inspection/frameworks",
            get(api::list).post(api::create),
        )
        .route("/api/v1/inspection/frameworks/import", post(api::import))
        .route("/api/v1/inspection/frameworks/{id}", get(api::get))
        .route(
            "/api/v1/inspection/frameworks/{id}/publish",
            post(api::publish),
        )
        .route(
            "/api/v1/inspection/frameworks/{id}/versions",
            post(api::version),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
