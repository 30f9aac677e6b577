//! Pages, JSON API and files of annual inspection (年检) and kindergarten
//! grading (等级验收) of private institutions, notices of results (通报),
//! and the area's start page.

pub mod api;
mod pages;
mod start;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/private", get(start::start))
        .route("/private/results", get(pages::results))
        .route("/private/results/decide", post(pages::decide))
        .route("/private/results/adopt", post(pages::adopt))
        .route("/private/results/orders", post(pages::order_failing))
        .route("/private/results/notice.docx", get(pages::notice_docx))
        .route("/private/results/history", get(pages::history))
        .route("/api/v1/private/overview", get(api::start_page))
        .route(
            "/api/v1/private/results",
            get(api::results).post(api::decide),
        )
        .route("/api/v1/private/results/history", get(api::history))
        .route("/api/v1/private/results/adopt", post(api::adopt))
        .route("/api/v1/private/results/orders", post(api::order_failing))
        .route("/api/v1/private/results/{id}", get(api::result))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
