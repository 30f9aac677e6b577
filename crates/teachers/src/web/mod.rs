//! Pages, JSON API and spreadsheet files of the teachers area. Each part
//! keeps its routes and API documentation in its own module.

mod assessment;
mod recruitment;
mod reports;
mod staff;
mod staff_list;
mod teams;
mod titles;
mod training;

use axum::Router;
use platform::web::AppState;

type Part = (fn() -> Router<AppState>, fn() -> utoipa::openapi::OpenApi);

const PARTS: &[Part] = &[
    (staff_list::routes, staff_list::openapi),
    (staff::routes, staff::openapi),
    (training::routes, training::openapi),
    (teams::routes, teams::openapi),
    (titles::routes, titles::openapi),
    (assessment::routes, assessment::openapi),
    (recruitment::routes, recruitment::openapi),
    (reports::routes, reports::openapi),
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
