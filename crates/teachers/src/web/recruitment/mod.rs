//! 公开招聘 pages, JSON API and spreadsheet files.

mod api;
mod files;
mod forms;
mod pages;

use axum::routing::{get, post, put};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/teachers/recruitment",
            get(pages::plans).post(forms::create_plan),
        )
        .route("/teachers/recruitment/{id}", get(pages::plan))
        .route("/teachers/recruitment/{id}/posts", post(forms::add_post))
        .route(
            "/teachers/recruitment/{id}/scores",
            post(files::import_page),
        )
        .route(
            "/teachers/recruitment/{id}/ranking.xlsx",
            get(files::export),
        )
        .route("/teachers/recruitment/posts/{id}", get(pages::post))
        .route(
            "/teachers/recruitment/posts/{id}/applicants",
            post(forms::add_applicant),
        )
        .route("/teachers/recruitment/posts/{id}/hires", post(forms::hire))
        .route(
            "/api/v1/teachers/recruitment/plans",
            get(api::plans).post(api::create_plan),
        )
        .route("/api/v1/teachers/recruitment/plans/{id}", get(api::plan))
        .route(
            "/api/v1/teachers/recruitment/plans/{id}/posts",
            post(api::add_post),
        )
        .route(
            "/api/v1/teachers/recruitment/plans/{id}/scores",
            post(api::import_scores),
        )
        .route(
            "/api/v1/teachers/recruitment/plans/{id}/ranking.xlsx",
            get(files::export),
        )
        .route("/api/v1/teachers/recruitment/posts/{id}", get(api::post))
        .route(
            "/api/v1/teachers/recruitment/posts/{id}/applicants",
            post(api::add_applicant),
        )
        .route(
            "/api/v1/teachers/recruitment/posts/{id}/hires",
            post(api::hire),
        )
        .route(
            "/api/v1/teachers/recruitment/applicants/{id}/scores",
            put(api::set_scores),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
