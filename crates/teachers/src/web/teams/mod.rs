//! Pages and API of 名师工作室: the studios with the seed's figures, one
//! studio with members and activities.

mod api;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/teams", get(pages::overview).post(pages::create))
        .route("/teachers/teams/{id}", get(pages::studio))
        .route("/teachers/teams/{id}/members", post(pages::add_member))
        .route("/teachers/teams/{id}/activities", post(pages::add_activity))
        .route(
            "/api/v1/teachers/teams",
            get(api::overview).post(api::create),
        )
        .route("/api/v1/teachers/teams/{id}", get(api::studio))
        .route("/api/v1/teachers/teams/{id}/members", post(api::add_member))
        .route(
            "/api/v1/teachers/teams/{id}/activities",
            post(api::add_activity),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
