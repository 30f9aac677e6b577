//! Pages, JSON API and files of responsible inspectors (责任督学挂牌督导):
//! the roster with the institutions not visited this month or term, an
//! inspector's own page, an institution's inspectors and visits (with the
//! assignment form), and visits with their evidence and orders.

mod api;
mod pages;
mod visits;

use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup};
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "assigned" => "已指定责任督学。",
        "visited" => "已保存督导记录。",
        _ => return None,
    })
}

fn institution_link(id: i64, name: &str) -> Markup {
    html! { a href=(format!("/supervision/institutions/{id}")) { (name) } }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision/inspectors", get(pages::roster))
        .route("/supervision/mine", get(pages::mine))
        .route(
            "/supervision/institutions/{id}",
            get(pages::institution).post(pages::assign),
        )
        .route(
            "/supervision/visits",
            get(visits::list).post(visits::create),
        )
        .route("/supervision/visits/new", get(visits::new))
        .route("/supervision/visits/{id}", get(visits::detail))
        .route("/api/v1/supervision/roster", get(api::roster))
        .route("/api/v1/supervision/mine", get(api::mine))
        .route(
            "/api/v1/supervision/institutions/{id}",
            get(api::institution),
        )
        .route(
            "/api/v1/supervision/institutions/{id}/assignments",
            post(api::assign),
        )
        .route(
            "/api/v1/supervision/visits",
            get(api::visits).post(api::record),
        )
        .route("/api/v1/supervision/visits/{id}", get(api::visit))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
