//! Pages, JSON API and files of school buildings (校舍) and the 危房 list,
//! equipment and assets, procurement and joint acceptance.

mod api;
mod assets;
mod building_form;
mod buildings;
mod files;
mod procurement;

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use maud::Markup;
use platform::web::forms::Refusal;
use platform::web::AppState;
use platform::{AppError, PageResult};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/construction/buildings",
            get(buildings::list).post(building_form::create),
        )
        .route("/construction/buildings/new", get(building_form::new_form))
        .route("/construction/buildings.xlsx", get(files::export))
        .route(
            "/construction/buildings/template.xlsx",
            get(files::template),
        )
        .route(
            "/construction/buildings/import",
            get(files::form).post(files::upload),
        )
        .route(
            "/construction/buildings/{id}",
            get(buildings::detail).post(building_form::update),
        )
        .route(
            "/construction/buildings/{id}/edit",
            get(building_form::edit_form),
        )
        .route(
            "/construction/buildings/{id}/rebuild",
            post(buildings::start_rebuild),
        )
        .route(
            "/construction/assets",
            get(assets::overview).post(assets::create),
        )
        .route("/construction/assets/{id}", get(assets::detail))
        .route(
            "/construction/assets/{id}/movements",
            post(assets::move_out),
        )
        .route(
            "/construction/procurement",
            get(procurement::list).post(procurement::create),
        )
        .route("/construction/procurement/{id}", get(procurement::detail))
        .route(
            "/construction/procurement/{id}/acceptance",
            post(procurement::accept),
        )
        .route(
            "/api/v1/construction/buildings",
            get(api::list_buildings).post(api::create_building),
        )
        .route(
            "/api/v1/construction/buildings/import",
            post(api::import_buildings),
        )
        .route(
            "/api/v1/construction/buildings/{id}",
            get(api::building).put(api::update_building),
        )
        .route(
            "/api/v1/construction/buildings/{id}/rebuild",
            post(api::start_rebuild),
        )
        .route(
            "/api/v1/construction/assets",
            get(api::asset_overview).post(api::create_asset),
        )
        .route("/api/v1/construction/assets/{id}", get(api::asset))
        .route(
            "/api/v1/construction/assets/{id}/movements",
            post(api::move_asset),
        )
        .route(
            "/api/v1/construction/procurement",
            get(api::purchases).post(api::create_purchase),
        )
        .route("/api/v1/construction/procurement/{id}", get(api::purchase))
        .route(
            "/api/v1/construction/procurement/{id}/acceptance",
            post(api::accept),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// How a refused form answers: invalid input 422 and a conflict 409, each
/// shown with the page again; other errors go on to the error page.
fn refused(e: AppError) -> Result<(StatusCode, Refusal), AppError> {
    match e {
        AppError::Invalid(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            Refusal {
                errors,
                alert: None,
            },
        )),
        AppError::Conflict(msg) => Ok((
            StatusCode::CONFLICT,
            Refusal {
                errors: vec![],
                alert: Some(msg),
            },
        )),
        other => Err(other),
    }
}

/// Answers a form post: on to the page `to` names when it was done, else
/// the page `again` draws with the refusal beside what was typed.
async fn answer<T, Fut>(
    done: Result<T, AppError>,
    to: impl FnOnce(&T) -> String,
    again: impl FnOnce(Refusal) -> Fut,
) -> PageResult
where
    Fut: Future<Output = Result<Markup, AppError>>,
{
    match done {
        Ok(v) => Ok(Redirect::to(&to(&v)).into_response()),
        Err(e) => {
            let (status, r) = refused(e)?;
            Ok((status, again(r).await?).into_response())
        }
    }
}
