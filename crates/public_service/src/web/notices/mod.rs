//! Pages, JSON API and files of notices (通知公告): the area's start page,
//! the bureau's sending and read/unread lists, an institution's inbox and
//! its notices to parents, and the class pages parents open.

mod api;
mod class;
mod form;
mod pages;
mod start;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "sent" => "通知已发送。",
        "read" => "已确认阅读，回执已送达发文单位。",
        "reminded" => "已向未读机构发送催阅提醒。",
        "confirmed" => "已确认阅读，谢谢。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/public", get(start::start))
        .route("/public/notices", get(pages::list).post(pages::send))
        .route("/public/notices/{id}", get(pages::show))
        .route("/public/notices/{id}/read", post(pages::read))
        .route("/public/notices/{id}/remind", post(pages::remind))
        .route("/public/notices/{id}/files/{file}", get(pages::file))
        .route("/open/class/{code}", get(class::page).post(class::confirm))
        .route("/api/v1/public/notices", get(api::sent).post(api::send))
        .route("/api/v1/public/notices/inbox", get(api::inbox))
        .route("/api/v1/public/notices/{id}", get(api::show))
        .route("/api/v1/public/notices/{id}/receipts", get(api::receipts))
        .route("/api/v1/public/notices/{id}/read", post(api::read))
        .route("/api/v1/public/notices/{id}/remind", post(api::remind))
        .route("/api/v1/public/parent-notices", post(api::send_to_parents))
        .route("/api/v1/public/class-links", post(api::class_link))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
