//! Pages, JSON API and files of school buses (校车): the fleet with its
//! expiry alerts, a bus, the form for a new one, the .xlsx export and import.

mod api;
mod files;
mod pages;

use axum::routing::get;
use axum::Router;
use platform::auth::Actor;
use platform::web::directory::{resolve, InstitutionChoice};
use platform::web::AppState;
use platform::AppError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/safety/buses", get(pages::list).post(pages::create))
        .route("/safety/buses.xlsx", get(files::export))
        .route("/safety/buses/template.xlsx", get(files::template))
        .route("/safety/buses/import", get(files::form).post(files::upload))
        .route("/safety/buses/{id}", get(pages::detail))
        .route("/api/v1/safety/buses", get(api::list).post(api::create))
        .route(
            "/api/v1/safety/buses/import",
            axum::routing::post(api::import),
        )
        .route("/api/v1/safety/buses/{id}", get(api::bus))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// The institutions a bureau user picks from (none for a school, whose
/// records are its own).
pub(in crate::web) async fn choices(
    s: &AppState,
    actor: &Actor,
) -> Result<Vec<InstitutionChoice>, AppError> {
    if actor.scope.institution().is_some() {
        return Ok(vec![]);
    }
    Ok((s.institutions)(&s.db).await?)
}

/// The institution typed into a picker (None for a school, whose own it is).
pub(in crate::web) fn chosen(
    all: &[InstitutionChoice],
    typed: &str,
) -> Result<Option<i64>, AppError> {
    if all.is_empty() {
        return Ok(None);
    }
    resolve(all, typed)
        .map(|id| Some(id.0))
        .map_err(|m| AppError::invalid("institution_id", m))
}
