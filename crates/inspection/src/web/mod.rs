//! Pages, JSON API and files of the 检查与整改 area. Each part keeps its routes and API documentation in
//! its own module.

mod campaigns;
mod evidence;
mod frameworks;
mod orders;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (frameworks::routes, frameworks::openapi),
    (campaigns::routes, campaigns::openapi),
    (orders::routes, orders::openapi),
    (evidence::routes, evidence::openapi),
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
