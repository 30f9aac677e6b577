//! Pages, JSON API and files of hazards (隐患) reported by schools or found
//! in checks, through the rectification loop; the area's start page.

mod api;
mod detail;
mod list;
pub(super) mod multipart;
mod start;

use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup};
use platform::web::AppState;

use crate::domain::hazards::{HazardState, RiskLevel};

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "reported" => "已上报隐患。",
        "ordered" => "已下发整改通知书。",
        "photos" => "已添加照片。",
        _ => return None,
    })
}

/// A hazard's state as a tag, with its order's deadline while open.
fn state_tag(state: HazardState, deadline: Option<chrono::NaiveDate>) -> Markup {
    html! {
        span class=(format!("tag state-{}", state.as_str())) { (state.label()) }
        @if let (true, Some(d)) = (state.is_open(), deadline) {
            " " span.muted { "期限 " (platform::time::show_date(d)) }
        }
    }
}

fn level_tag(level: RiskLevel) -> Markup {
    html! { span class=(format!("tag risk-{}", level.as_str())) { (level.label()) } }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/safety", get(start::start))
        .route("/safety/hazards", get(list::list).post(list::report))
        .route("/safety/hazards/{id}", get(detail::detail))
        .route("/safety/hazards/{id}/order", post(detail::order))
        .route("/safety/hazards/{id}/photos", post(detail::add_photos))
        .route("/api/v1/safety/overview", get(api::overview))
        .route("/api/v1/safety/hazards", get(api::list).post(api::report))
        .route(
            "/api/v1/safety/hazards/by-institution",
            get(api::by_institution),
        )
        .route("/api/v1/safety/hazards/{id}", get(api::detail))
        .route("/api/v1/safety/hazards/{id}/order", post(api::order))
        .route("/api/v1/safety/hazards/{id}/photos", post(api::add_photos))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
