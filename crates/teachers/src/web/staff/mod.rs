//! Pages and API of the teachers area: staff records (教职工信息), their
//! review (审核), postings, honours, import, and a teacher's own view.

mod api;
mod detail;
mod files;
mod form;
mod reviews;
mod show;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "saved" => "已保存。",
        "submitted" => "已提交，等待人事科审核；审核通过后生效。",
        "approved" => "已审核通过，变更已生效。",
        "rejected" => "已退回，变更不生效。",
        "posting" => "已登记岗位变动。",
        "honour" => "已登记。",
        "account" => "已保存账号关联。",
        _ => return None,
    })
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/staff", post(form::create))
        .route("/teachers/staff/new", get(form::new_form))
        .route(
            "/teachers/staff/{id}",
            get(detail::detail).post(form::update),
        )
        .route("/teachers/staff/{id}/edit", get(form::edit_form))
        .route("/teachers/staff/{id}/postings", post(detail::add_posting))
        .route("/teachers/staff/{id}/honours", post(detail::add_honour))
        .route("/teachers/staff/{id}/account", post(detail::link_account))
        .route("/teachers/staff/template.xlsx", get(files::template))
        .route(
            "/teachers/staff/import",
            get(files::import_form).post(files::import),
        )
        .route("/teachers/reviews", get(reviews::queue))
        .route("/teachers/reviews/{id}/approve", post(reviews::approve))
        .route("/teachers/reviews/{id}/reject", post(reviews::reject))
        .route("/teachers/me", get(detail::me))
        .route("/api/v1/teachers/staff", post(api::create))
        .route("/api/v1/teachers/staff/import", post(api::import))
        .route(
            "/api/v1/teachers/staff/{id}",
            get(api::staff).put(api::update),
        )
        .route(
            "/api/v1/teachers/staff/{id}/postings",
            post(api::add_posting),
        )
        .route("/api/v1/teachers/staff/{id}/honours", post(api::add_honour))
        .route(
            "/api/v1/teachers/staff/{id}/account",
            axum::routing::put(api::link_account),
        )
        .route("/api/v1/teachers/reviews", get(api::reviews))
        .route("/api/v1/teachers/reviews/{id}/approve", post(api::approve))
        .route("/api/v1/teachers/reviews/{id}/reject", post(api::reject))
        .route("/api/v1/teachers/me", get(api::me))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}
