//! Pages, JSON API and files of learning cards (学习卡): the citizen's side
//! under `/card/` (registration, sign-in, own page, enrolment; no staff
//! account, a card session of its own, see [`holder`]) and the staff pages
//! under `/community/cards` (list, detail, desk registration, export,
//! password reset).

mod api;
mod citizen;
mod holder;
mod public_api;
mod staff;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "registered" => "学习卡已办理，请用卡号或手机号和密码登录。",
        "enrolled" => "报名成功。",
        "cancelled" => "已取消报名。",
        "signed_out" => "已退出。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/card/", get(citizen::index))
        .route(
            "/card/register",
            get(citizen::register_form).post(citizen::register),
        )
        .route("/card/login", get(citizen::login_form).post(citizen::login))
        .route("/card/logout", post(citizen::logout))
        .route("/card/me", get(citizen::me))
        .route("/card/enrol", post(citizen::enrol))
        .route("/card/cancel", post(citizen::cancel))
        .route("/community/cards", get(staff::list).post(staff::create))
        .route("/community/cards/new", get(staff::new_form))
        .route("/community/cards/export.xlsx", get(staff::export))
        .route("/community/cards/{id}", get(staff::detail))
        .route(
            "/community/cards/{id}/password",
            post(staff::reset_password),
        )
        .route("/api/v1/community/cards", get(api::list).post(api::create))
        .route("/api/v1/community/cards/{id}", get(api::detail))
        .route(
            "/api/v1/community/cards/{id}/password",
            post(api::reset_password),
        )
        .route("/api/v1/community/cards/{id}/enrolments", post(api::enrol))
        .route("/api/v1/public/card/session", post(public_api::sign_in))
        .route("/api/v1/public/card/me", get(public_api::me))
        .route("/api/v1/public/card/enrolments", post(public_api::enrol))
        .route(
            "/api/v1/public/card/cancellations",
            post(public_api::cancel),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = api::ApiDoc::openapi();
    doc.merge(public_api::ApiDoc::openapi());
    doc
}
