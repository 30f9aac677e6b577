//! Pages, JSON API and files of the registry of unlicensed kindergartens
//! (无证幼儿园): list with filters, .xlsx export and import, a record with
//! its visits and changes of status, the monthly report.

pub mod api;
mod detail;
mod list;
mod multipart;
mod report;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/private/unlicensed", get(list::list).post(list::create))
        .route("/private/unlicensed.xlsx", get(list::export))
        .route("/private/unlicensed/import", post(list::import_upload))
        .route("/private/unlicensed/report", get(report::month))
        .route("/private/unlicensed/{id}", get(detail::show))
        .route(
            "/private/unlicensed/{id}/status",
            post(detail::change_status),
        )
        .route("/private/unlicensed/{id}/visits", post(detail::add_visit))
        .route(
            "/api/v1/private/unlicensed",
            get(api::list).post(api::create),
        )
        .route("/api/v1/private/unlicensed/import", post(api::import_list))
        .route("/api/v1/private/unlicensed/report", get(api::month))
        .route("/api/v1/private/unlicensed/{id}", get(api::get))
        .route(
            "/api/v1/private/unlicensed/{id}/status",
            post(api::change_status),
        )
        .route(
            "/api/v1/private/unlicensed/{id}/visits",
            post(api::add_visit),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
