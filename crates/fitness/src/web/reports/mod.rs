//! Pages, JSON API and files of fitness reports: the start page
//! (/fitness), reports by district, township, school and class with their
//! charts (PNG) and .xlsx, and the pupil's report card.

mod files;
mod view;

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use platform::auth::{Actor, Caller};
use platform::error::ErrorBody;
use platform::web::{page, AppState};
use platform::{ApiResult, PageResult};
use utoipa::OpenApi;

use crate::service::reports::card::{card, Card, CardItem, CardYear};
use crate::service::reports::{self as service, Crumb, ItemRate, Report, Share, Summary, Which};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/fitness", get(start))
        .route("/fitness/reports", get(show))
        .route("/fitness/reports/chart/{kind}", get(files::chart))
        .route("/fitness/reports/report.xlsx", get(files::export))
        .route("/fitness/students/{id}/card", get(card_page))
        .route("/api/v1/fitness/reports", get(api_report))
        .route("/api/v1/fitness/students/{id}/card", get(api_card))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_report, api_card),
    components(schemas(
        Report,
        Summary,
        Share,
        ItemRate,
        Crumb,
        crate::domain::reports::TrendPoint,
        crate::store::reports::Pupil,
        Card,
        CardYear,
        CardItem,
        ErrorBody
    ))
)]
struct ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// 体质健康: the caller's latest school year at a glance.
async fn start(State(state): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let r = service::report(&state.db, &caller, &Which::default()).await?;
    let untested = service::untested(&state.db, &caller).await?;
    let scoped = caller.scope.institution().is_some();
    let body = view::start(&r, untested, scoped);
    Ok(page(&actor, "体质健康", body).into_response())
}

async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(w): Query<Which>,
) -> PageResult {
    let r = service::report(&state.db, &caller, &w).await?;
    let title = format!("体质健康报表：{}", r.title);
    Ok(page(&actor, &title, view::report(&r)).into_response())
}

async fn card_page(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let c = card(&state.db, &caller, id).await?;
    let title = format!("{}的体质健康成绩单", c.name);
    Ok(page(&actor, &title, view::card(&c)).into_response())
}

/// A fitness report: a class, school, township or the district in one
/// school year (the latest with tests by default), within the caller's
/// scope; a school sees its own school and classes. The pupils of a class
/// are personal data: each such view is audited.
#[utoipa::path(get, path = "/api/v1/fitness/reports", tag = "fitness", params(Which),
    responses((status = 200, body = Report), (status = 404, body = ErrorBody)))]
async fn api_report(
    State(state): State<AppState>,
    caller: Caller,
    Query(w): Query<Which>,
) -> ApiResult<Json<Report>> {
    Ok(Json(service::report(&state.db, &caller, &w).await?))
}

/// A pupil's report card (成绩单), if the pupil's latest test is within
/// the caller's scope; the view is audited.
#[utoipa::path(get, path = "/api/v1/fitness/students/{id}/card", tag = "fitness",
    params(("id" = i64, Path, description = "The student's id")),
    responses((status = 200, body = Card), (status = 404, body = ErrorBody)))]
async fn api_card(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Card>> {
    Ok(Json(card(&state.db, &caller, id).await?))
}
