//! Pages, JSON API and files of the 民办教育 area. Each part keeps its routes and API documentation in
//! its own module.

mod closures;
mod inspections;
mod unlicensed;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (inspections::routes, inspections::openapi),
    (unlicensed::routes, unlicensed::openapi),
    (closures::routes, closures::openapi),
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
