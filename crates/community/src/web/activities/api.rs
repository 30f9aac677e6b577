//! JSON API of resources, events and trainings under /api/v1/community.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use chrono::Datelike;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::activities::{
    EventInput, EventKind, ResourceInput, ResourceKind, TrainingId, TrainingInput, TrainingKind,
};
use crate::service::activities::{self as service, TrainingSummary};
use crate::store::activities::{Event, Resource, Training, TrainingTotal};

#[derive(OpenApi)]
#[openapi(
    paths(
        resources,
        add_resource,
        events,
        add_event,
        trainings,
        training,
        add_training,
        summary
    ),
    components(schemas(
        Resource,
        ResourceInput,
        ResourceKind,
        Event,
        EventInput,
        EventKind,
        Training,
        TrainingInput,
        TrainingKind,
        TrainingSummary,
        TrainingTotal,
        ErrorBody
    ))
)]
pub struct ApiDoc;

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct KindQuery {
    /// `video`, `document`, `link` or `course` (default: all).
    kind: Option<String>,
}

/// The distance-learning catalogue, most used first.
#[utoipa::path(get, path = "/api/v1/community/resources", tag = "community", params(KindQuery),
    responses((status = 200, body = [Resource])))]
pub async fn resources(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<KindQuery>,
) -> ApiResult<Json<Vec<Resource>>> {
    let kind = q.kind.as_deref().and_then(ResourceKind::parse);
    Ok(Json(service::resources(&s.db, &caller, kind).await?))
}

/// Add a resource (a link to a video, document, site or online course).
#[utoipa::path(post, path = "/api/v1/community/resources", tag = "community", request_body = ResourceInput,
    responses((status = 201, body = i64, description = "the resource's id"), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn add_resource(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<ResourceInput>,
) -> ApiResult<Response> {
    created(service::add_resource(&s.db, &caller, &input).await?.0)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct YearQuery {
    /// The year (default: this year).
    year: Option<i64>,
}

fn year(q: &YearQuery) -> i64 {
    q.year
        .unwrap_or_else(|| i64::from(platform::time::today().year()))
}

/// The events and honours of a year (学习节, 终身学习活动周, 一街一品, 百姓学习之星).
#[utoipa::path(get, path = "/api/v1/community/events", tag = "community", params(YearQuery),
    responses((status = 200, body = [Event])))]
pub async fn events(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Vec<Event>>> {
    Ok(Json(service::events(&s.db, &caller, year(&q)).await?))
}

/// Record an event or honour.
#[utoipa::path(post, path = "/api/v1/community/events", tag = "community", request_body = EventInput,
    responses((status = 201, body = i64, description = "the event's id"), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn add_event(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<EventInput>,
) -> ApiResult<Response> {
    created(service::add_event(&s.db, &caller, &input).await?.0)
}

/// The trainings held in a year, newest first.
#[utoipa::path(get, path = "/api/v1/community/trainings", tag = "community", params(YearQuery),
    responses((status = 200, body = [Training])))]
pub async fn trainings(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Vec<Training>>> {
    Ok(Json(service::trainings(&s.db, &caller, year(&q)).await?))
}

/// One held training.
#[utoipa::path(get, path = "/api/v1/community/trainings/{id}", tag = "community",
    params(("id" = i64, Path)), responses((status = 200, body = Training), (status = 404, body = ErrorBody)))]
pub async fn training(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<TrainingId>,
) -> ApiResult<Json<Training>> {
    Ok(Json(service::training(&s.db, &caller, id).await?))
}

/// Record a held training or early-education session.
#[utoipa::path(post, path = "/api/v1/community/trainings", tag = "community", request_body = TrainingInput,
    responses((status = 201, body = i64, description = "the training's id"), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_training(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<TrainingInput>,
) -> ApiResult<Response> {
    created(service::add_training(&s.db, &caller, &input).await?.0)
}

/// A year's trainings by kind: sessions, 人次, hours, certificates, and the
/// coverage of early education.
#[utoipa::path(get, path = "/api/v1/community/trainings/summary", tag = "community", params(YearQuery),
    responses((status = 200, body = TrainingSummary)))]
pub async fn summary(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<TrainingSummary>> {
    Ok(Json(service::summary(&s.db, &caller, year(&q)).await?))
}
