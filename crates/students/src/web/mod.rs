//! Pages, JSON API and files of student records and dropout control.

mod api;
pub(crate) mod dropout;
mod files;
mod forms;
mod left_behind;
mod pages;
mod promotion_api;
mod view;

use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;
pub use dropout::DropoutApiDoc;

/// The API documentation of student records and dropout control.
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = ApiDoc::openapi();
    doc.merge(DropoutApiDoc::openapi());
    doc.merge(promotion_api::PromotionApiDoc::openapi());
    doc
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(promotion_api::routes())
        .merge(files::routes())
        .merge(dropout::routes())
        .merge(left_behind::routes())
}
