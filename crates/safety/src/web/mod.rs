//! Pages, JSON API and files of the 校园安全 area. Each part keeps its routes and API documentation in
//! its own module.

mod buses;
mod drills;
mod hazards;
mod incidents;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (hazards::routes, hazards::openapi),
    (drills::routes, drills::openapi),
    (incidents::routes, incidents::openapi),
    (buses::routes, buses::openapi),
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
