//! Pages and JSON API of emergency plans (应急预案) and drills (应急演练):
//! the compliance view of every institution against "at least two drills a
//! year", the drill log and form, the plans in force with their reviews.

mod api;
mod pages;
mod plans;

use axum::routing::get;
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "logged" => "已登记应急演练。",
        "plan" => "已保存应急预案。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/safety/drills", get(pages::drills).post(pages::log))
        .route("/safety/plans", get(plans::plans).post(plans::save))
        .route("/api/v1/safety/drills", get(api::drills).post(api::log))
        .route("/api/v1/safety/drills/compliance", get(api::compliance))
        .route("/api/v1/safety/drills/{id}/photos", get(api::photos))
        .route("/api/v1/safety/plans", get(api::plans).post(api::save_plan))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
