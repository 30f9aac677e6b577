//! Pages, JSON API and files of findings and rectification orders
//! (整改通知书): the list with its filters (each area's start page links to
//! `?owner=…`), the issue form, an order's page with its history, the
//! institution's response and the re-check, the printable notice (.docx).

mod api;
mod detail;
mod form;
mod list;
mod multipart;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "issued" => "已下发整改通知。",
        "responded" => "已报送整改情况，等待复查。",
        "closed" => "复查通过，已销号。",
        "reopened" => "复查未通过，已退回重新整改。",
        _ => return None,
    })
}

fn here(id: crate::domain::OrderId) -> String {
    format!("/inspection/orders/{}", id.0)
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/inspection/orders", get(list::page).post(form::create))
        .route("/inspection/orders/new", get(form::new))
        .route("/inspection/orders/{id}", get(detail::page))
        .route("/inspection/orders/{id}/respond", post(detail::respond))
        .route("/inspection/orders/{id}/recheck", post(detail::recheck))
        .route("/inspection/orders/{id}/notice.docx", get(detail::notice))
        .route("/api/v1/inspection/orders", get(api::list).post(api::issue))
        .route("/api/v1/inspection/orders/{id}", get(api::get))
        .route("/api/v1/inspection/orders/{id}/respond", post(api::respond))
        .route("/api/v1/inspection/orders/{id}/recheck", post(api::recheck))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
