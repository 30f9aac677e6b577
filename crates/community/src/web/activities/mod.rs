//! Pages and JSON API of the activities: the public catalogue of
//! distance-learning resources under /learn/ (no account; each open
//! counted), and for staff the resources, events and honours, and held
//! trainings with the year's totals.

mod api;
mod pages;
mod public;

use axum::routing::get;
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "training" => "已登记培训。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/learn", get(public::catalogue))
        .route("/learn/{id}", get(public::open))
        .route(
            "/community/activities",
            get(pages::activities).post(pages::add_training),
        )
        .route(
            "/api/v1/community/resources",
            get(api::resources).post(api::add_resource),
        )
        .route(
            "/api/v1/community/events",
            get(api::events).post(api::add_event),
        )
        .route(
            "/api/v1/community/trainings",
            get(api::trainings).post(api::add_training),
        )
        .route("/api/v1/community/trainings/summary", get(api::summary))
        .route("/api/v1/community/trainings/{id}", get(api::training))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
