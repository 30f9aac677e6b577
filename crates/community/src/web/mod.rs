//! Pages, JSON API and files of the 社区教育 area. Each part keeps its routes and API documentation in
//! its own module.

mod activities;
mod analytics;
mod cards;
mod courses;
mod network;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (cards::routes, cards::openapi),
    (courses::routes, courses::openapi),
    (network::routes, network::openapi),
    (activities::routes, activities::openapi),
    (analytics::routes, analytics::openapi),
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
