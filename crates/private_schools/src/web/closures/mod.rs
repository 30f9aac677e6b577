//! Pages and JSON API of closures of private institutions (终止办学).

pub mod api;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/private/closures", get(pages::list).post(pages::open))
        .route("/private/closures/{id}", get(pages::show))
        .route("/private/closures/{id}/placements", post(pages::place))
        .route("/private/closures/{id}/finalise", post(pages::finalise))
        .route("/api/v1/private/closures", get(api::list).post(api::open))
        .route("/api/v1/private/closures/{id}", get(api::get))
        .route("/api/v1/private/closures/{id}/placements", post(api::place))
        .route(
            "/api/v1/private/closures/{id}/finalise",
            post(api::finalise),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
