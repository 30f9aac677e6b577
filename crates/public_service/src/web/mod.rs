//! Pages, JSON API and files of the 家校与政务 area. Each part keeps its routes and API documentation in
//! its own module.

mod disclosure;
mod documents;
mod notices;
mod petitions;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (notices::routes, notices::openapi),
    (disclosure::routes, disclosure::openapi),
    (petitions::routes, petitions::openapi),
    (documents::routes, documents::openapi),
];

pub fn routes() -> Router<AppState> {
    PARTS
        .iter()
        .fold(Router::new(), |router, (routes, _)| router.merge(routes()))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = utoipa::openapi::OpenApiBuilder::new().build();
    for (_, part) in PARTS {
        doc.merge(part());
    }
    doc
}
