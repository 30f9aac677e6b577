//! The left-behind children's archive (留守儿童档案) of one student: page
//! and JSON API, and the list of all left-behind children with the state
//! of their archives. Only 局领导, 基教科 and the student's own school see them.

pub mod api;
pub mod list;
mod page;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/left-behind", get(list::list))
        .route("/left-behind.xlsx", get(list::export))
        .route("/api/v1/left-behind", get(list::list_api))
        .route(
            "/students/{id}/left-behind",
            get(page::show).post(page::save),
        )
        .route("/students/{id}/left-behind/care", post(page::add_care))
        .route(
            "/api/v1/students/{id}/left-behind",
            get(api::get_archive).put(api::put_archive),
        )
        .route(
            "/api/v1/students/{id}/left-behind/care",
            post(api::add_care),
        )
}
