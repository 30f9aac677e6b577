//! Pages, JSON API and spreadsheet exports of student aid.

mod api;
mod applications;
mod batch_page;
mod budget_page;
mod chart;
mod pages;
mod program_form;
mod reports;
mod run_form;
mod settings_page;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub use api::ApiDoc;
pub use chart::bar_chart;

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    ApiDoc::openapi()
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/aid", get(pages::overview))
        .route("/aid/programs", post(program_form::create))
        .route("/aid/programs/new", get(program_form::new))
        .route(
            "/aid/programs/{id}",
            get(pages::program).post(program_form::update),
        )
        .route("/aid/programs/{id}/edit", get(program_form::edit))
        .route("/aid/runs", post(run_form::run))
        .route("/aid/runs/{id}", get(batch_page::batch))
        .route("/aid/runs/{id}/lines.xlsx", get(batch_page::export))
        .route("/aid/runs/{id}/discard", post(batch_page::discard))
        .route(
            "/aid/settings",
            get(settings_page::show).post(settings_page::save),
        )
        .route("/aid/runs/{id}/approve", post(pages::approve))
        .route("/aid/runs/{id}/pay", post(pages::pay))
        .route("/aid/students/{id}", get(pages::student))
        .route(
            "/aid/applications",
            get(applications::list).post(applications::submit),
        )
        .route(
            "/aid/applications/{id}/decision",
            post(applications::decide),
        )
        .route("/aid/ledger/{id}/reverse", post(applications::reverse))
        .route("/aid/reports", get(reports::show))
        .route("/aid/reports.xlsx", get(reports::export))
        .route("/aid/budget", get(budget_page::show))
        .route("/aid/budget.xlsx", get(budget_page::export))
        .route(
            "/api/v1/aid/programs",
            get(api::programs).post(api::create_program),
        )
        .route(
            "/api/v1/aid/programs/{id}",
            get(api::program).put(api::update_program),
        )
        .route("/api/v1/aid/runs", get(api::runs).post(api::run))
        .route("/api/v1/aid/runs/{id}", get(api::batch))
        .route("/api/v1/aid/runs/{id}/approve", post(api::approve))
        .route("/api/v1/aid/runs/{id}/pay", post(api::pay))
        .route("/api/v1/aid/runs/{id}/discard", post(api::discard))
        .route(
            "/api/v1/aid/settings",
            get(api::settings).put(api::change_settings),
        )
        .route("/api/v1/aid/ledger/{id}/reverse", post(api::reverse))
        .route(
            "/api/v1/aid/applications",
            get(api::applications).post(api::apply),
        )
        .route("/api/v1/aid/applications/{id}", get(api::application))
        .route("/api/v1/aid/applications/{id}/decision", post(api::decide))
        .route("/api/v1/aid/reports", get(api::report))
        .route("/api/v1/aid/reports/budget", get(api::budget))
        .route("/api/v1/aid/reports/export", get(reports::export))
        .route("/api/v1/students/{id}/aid", get(api::student_aid))
}
