//! Admissions pages: the public application portal (no account) and the
//! bureau's round set-up, allocation and results; and the JSON API.

mod api;
mod bureau;
mod public;

use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(public::routes())
        .merge(bureau::routes())
        .merge(api::routes())
}
