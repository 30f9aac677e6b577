//! Pages, JSON API and public forms of the director's mailbox (局长信箱) and
//! petitions (信访).

mod api;
mod mailbox;
mod pages;
mod stats;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/mailbox",
            get(mailbox::form)
                .post(mailbox::submit)
                .layer(DefaultBodyLimit::max(mailbox::MAX_BODY)),
        )
        .route(
            "/mailbox/status",
            get(mailbox::status_form).post(mailbox::status),
        )
        .route("/mailbox/rate", post(mailbox::rate))
        .route("/mailbox/replies", get(mailbox::replies))
        .route("/public/petitions", get(pages::list).post(pages::register))
        .route("/public/petitions/new", get(pages::new))
        .route("/public/petitions/stats", get(stats::statistics))
        .route("/public/petitions/stats.xlsx", get(stats::export))
        .route("/public/petitions/{id}", get(pages::detail))
        .route("/public/petitions/{id}/{step}", post(pages::step))
        .route(
            "/api/v1/public/petitions",
            get(api::list).post(api::register),
        )
        .route("/api/v1/public/petitions/stats", get(api::statistics))
        .route("/api/v1/public/petitions/{id}", get(api::detail))
        .route("/api/v1/public/petitions/{id}/assign", post(api::assign))
        .route("/api/v1/public/petitions/{id}/reject", post(api::reject))
        .route("/api/v1/public/petitions/{id}/draft", post(api::draft))
        .route("/api/v1/public/petitions/{id}/approve", post(api::approve))
        .route("/api/v1/public/petitions/{id}/extend", post(api::extend))
        .route("/api/v1/public/petitions/{id}/publish", post(api::publish))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
