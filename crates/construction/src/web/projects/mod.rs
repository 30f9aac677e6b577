//! Pages, JSON API and the timeline of construction projects.

mod api;
mod detail;
mod form;
mod list;
mod money;
mod timeline;

use axum::routing::{get, post};
use axum::Router;
use platform::auth::{Access, Actor, WorkArea};
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/construction/projects", get(list::page).post(form::create))
        .route("/construction/projects/new", get(form::new))
        .route("/construction/projects/{id}", get(detail::page))
        .route(
            "/construction/projects/{id}/edit",
            get(form::edit).post(form::update),
        )
        .route(
            "/construction/projects/{id}/phases/{phase}",
            post(money::set_phase),
        )
        .route(
            "/construction/projects/{id}/budget",
            post(money::add_budget_line),
        )
        .route(
            "/construction/projects/{id}/contracts",
            post(money::add_contract),
        )
        .route(
            "/construction/projects/{id}/contracts/{contract}/payments",
            post(money::add_payment),
        )
        .route("/construction/timeline", get(timeline::page))
        .route("/construction/timeline.png", get(timeline::png))
        .route(
            "/api/v1/construction/projects",
            get(api::list).post(api::create),
        )
        .route(
            "/api/v1/construction/projects/{id}",
            get(api::get).put(api::update),
        )
        .route(
            "/api/v1/construction/projects/{id}/phases/{phase}",
            axum::routing::put(api::set_phase),
        )
        .route(
            "/api/v1/construction/projects/{id}/budget",
            post(api::add_budget_line),
        )
        .route(
            "/api/v1/construction/projects/{id}/contracts",
            post(api::add_contract),
        )
        .route(
            "/api/v1/construction/projects/{id}/contracts/{contract}/payments",
            post(api::add_payment),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// Whether the signed-in user files and changes projects: a bureau user
/// whose section writes the area (计财科, 安全科) or leadership.
fn writer(actor: &Actor) -> bool {
    actor.scope.institution().is_none() && actor.may(WorkArea::Construction, Access::Write)
}
