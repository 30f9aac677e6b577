//! Pages, JSON API and public pages of information disclosure (信息公开):
//! each institution's public page (/open/{code}), the bureau's catalogue
//! (/open/bureau), the fee items and cards, and requests for disclosure.

mod api;
mod cards;
mod pages;
mod public;
mod requests;

use axum::routing::{delete, get, post};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "fee" => "已公示收费项目。",
        "entry" => "已发布主动公开信息。",
        "registered" => "已登记依申请公开，答复期限已计算。",
        "replied" => "已答复。",
        "extended" => "已延期答复。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/open/bureau", get(public::bureau))
        .route("/open/{code}", get(public::institution))
        .route("/public/disclosure", get(pages::page).post(pages::add_fee))
        .route("/public/disclosure/catalogue", post(pages::add_entry))
        .route("/public/disclosure/cards", get(cards::cards))
        .route("/public/disclosure/requests", post(requests::register))
        .route(
            "/public/disclosure/requests/{id}",
            get(requests::show).post(requests::reply),
        )
        .route(
            "/public/disclosure/requests/{id}/extend",
            post(requests::extend),
        )
        .route("/api/v1/public/fees", get(api::fees).post(api::add_fee))
        .route("/api/v1/public/fees/{id}", delete(api::delete_fee))
        .route("/api/v1/public/fee-cards", get(api::cards))
        .route(
            "/api/v1/public/catalogue",
            get(api::catalogue).post(api::add_entry),
        )
        .route(
            "/api/v1/public/disclosure-requests",
            get(api::requests).post(api::register),
        )
        .route("/api/v1/public/disclosure-requests/{id}", get(api::request))
        .route(
            "/api/v1/public/disclosure-requests/{id}/reply",
            post(api::reply),
        )
        .route(
            "/api/v1/public/disclosure-requests/{id}/extend",
            post(api::extend),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
