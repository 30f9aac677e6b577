//! Pages, JSON API and chart of incidents (安全事故) and epidemic reports
//! (疫情报告).

mod api;
mod epidemics;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/safety/incidents", get(pages::list).post(pages::create))
        .route("/safety/incidents/{id}", get(pages::detail))
        .route("/safety/incidents/{id}/status", post(pages::advance))
        .route(
            "/safety/epidemics",
            get(epidemics::list).post(epidemics::open),
        )
        .route("/safety/epidemics/daily.png", get(epidemics::chart))
        .route("/safety/epidemics/{id}", get(epidemics::detail))
        .route("/safety/epidemics/{id}/reports", post(epidemics::report))
        .route(
            "/safety/epidemics/{id}/plan",
            post(epidemics::activate_plan),
        )
        .route("/safety/epidemics/{id}/close", post(epidemics::close))
        .route("/api/v1/safety/incidents", get(api::list).post(api::create))
        .route("/api/v1/safety/incidents/{id}", get(api::incident))
        .route("/api/v1/safety/incidents/{id}/status", post(api::advance))
        .route(
            "/api/v1/safety/epidemics",
            get(api::epidemics).post(api::open_epidemic),
        )
        .route("/api/v1/safety/epidemics/daily", get(api::daily))
        .route("/api/v1/safety/epidemics/{id}", get(api::epidemic))
        .route("/api/v1/safety/epidemics/{id}/reports", post(api::report))
        .route(
            "/api/v1/safety/epidemics/{id}/plan",
            post(api::activate_plan),
        )
        .route("/api/v1/safety/epidemics/{id}/close", post(api::close))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
