//! Pages, JSON API and the report of 职称评审.

mod api;
mod forms;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/titles", get(pages::rounds).post(forms::create))
        .route("/teachers/titles/{id}", get(pages::round))
        .route("/teachers/titles/{id}/quotas", post(forms::quota))
        .route("/teachers/titles/{id}/applications", post(forms::submit))
        .route("/teachers/titles/{id}/close", post(forms::close))
        .route("/teachers/titles/{id}/report.xlsx", get(pages::export))
        .route(
            "/teachers/titles/applications/{id}/review",
            post(forms::review),
        )
        .route(
            "/api/v1/teachers/titles/rounds",
            get(api::rounds).post(api::create),
        )
        .route("/api/v1/teachers/titles/rounds/{id}", get(api::round))
        .route(
            "/api/v1/teachers/titles/rounds/{id}/quotas",
            axum::routing::put(api::quotas),
        )
        .route(
            "/api/v1/teachers/titles/rounds/{id}/applications",
            post(api::submit),
        )
        .route(
            "/api/v1/teachers/titles/rounds/{id}/eligibility",
            post(api::eligibility),
        )
        .route(
            "/api/v1/teachers/titles/rounds/{id}/close",
            post(api::close),
        )
        .route(
            "/api/v1/teachers/titles/rounds/{id}/report",
            get(api::report),
        )
        .route(
            "/api/v1/teachers/titles/applications/{id}",
            get(api::application),
        )
        .route(
            "/api/v1/teachers/titles/applications/{id}/review",
            post(api::review),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
