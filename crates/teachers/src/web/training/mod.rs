//! Pages and API of 继续教育: projects and sessions, attendance (one by
//! one or imported), each teacher's progress, the compliance check and
//! the settings of the cycle.

mod api;
mod compliance_page;
mod forms;
mod import_page;
mod pages;
mod settings_page;

pub(crate) use forms::refused;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/training", get(pages::overview))
        .route("/teachers/training/projects", post(forms::create_project))
        .route("/teachers/training/projects/{id}", get(pages::project))
        .route(
            "/teachers/training/projects/{id}/sessions",
            post(forms::create_session),
        )
        .route("/teachers/training/sessions/{id}", get(pages::session))
        .route(
            "/teachers/training/sessions/{id}/attendance",
            post(forms::record),
        )
        .route(
            "/teachers/training/sessions/{id}/import",
            get(import_page::form).post(import_page::import),
        )
        .route(
            "/teachers/training/attendance-template.xlsx",
            get(import_page::template),
        )
        .route("/teachers/training/staff/{id}", get(pages::staff))
        .route("/teachers/training/compliance", get(compliance_page::show))
        .route(
            "/teachers/training/compliance.xlsx",
            get(compliance_page::export),
        )
        .route(
            "/teachers/training/compliance-behind.xlsx",
            get(compliance_page::export_behind),
        )
        .route(
            "/teachers/training/compliance/{id}",
            get(compliance_page::institution),
        )
        .route(
            "/teachers/training/settings",
            get(settings_page::show).post(settings_page::save),
        )
        .route(
            "/api/v1/teachers/training/projects",
            get(api::projects).post(api::create_project),
        )
        .route("/api/v1/teachers/training/projects/{id}", get(api::project))
        .route(
            "/api/v1/teachers/training/projects/{id}/sessions",
            post(api::create_session),
        )
        .route(
            "/api/v1/teachers/training/sessions/{id}/attendance",
            get(api::attendance).post(api::record),
        )
        .route(
            "/api/v1/teachers/training/sessions/{id}/import",
            post(api::import),
        )
        .route("/api/v1/teachers/training/staff/{id}", get(api::staff))
        .route("/api/v1/teachers/training/compliance", get(api::compliance))
        .route(
            "/api/v1/teachers/training/compliance/{id}",
            get(api::institution),
        )
        .route("/api/v1/teachers/training/totals", get(api::totals))
        .route(
            "/api/v1/teachers/training/settings",
            get(api::settings).put(api::change_settings),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
