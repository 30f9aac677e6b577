//! JSON API of the network under /api/v1/community.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::network::{
    PointStatus, StandardInput, StandardStatus, TeachingPointId, TeachingPointInput,
};
use crate::service::network::{self as service, Network, TownshipNetwork};
use crate::store::network::{School, TeachingPoint};

#[derive(OpenApi)]
#[openapi(
    paths(network, points, point, add_point, record_standard),
    components(schemas(
        Network,
        TownshipNetwork,
        School,
        TeachingPoint,
        TeachingPointInput,
        StandardInput,
        StandardStatus,
        PointStatus,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The network by township: community schools by standardisation status,
/// teaching points open; then every school with its latest assessment.
#[utoipa::path(get, path = "/api/v1/community/network", tag = "community",
    responses((status = 200, body = Network)))]
pub async fn network(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Network>> {
    Ok(Json(service::network(&s.db, &caller).await?))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PointsQuery {
    township_id: Option<i64>,
}

/// The teaching points (of one township if asked).
#[utoipa::path(get, path = "/api/v1/community/teaching-points", tag = "community",
    params(PointsQuery), responses((status = 200, body = [TeachingPoint])))]
pub async fn points(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<PointsQuery>,
) -> ApiResult<Json<Vec<TeachingPoint>>> {
    Ok(Json(service::points(&s.db, &caller, q.township_id).await?))
}

/// One teaching point.
#[utoipa::path(get, path = "/api/v1/community/teaching-points/{id}", tag = "community",
    params(("id" = i64, Path)), responses((status = 200, body = TeachingPoint), (status = 404, body = ErrorBody)))]
pub async fn point(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<TeachingPointId>,
) -> ApiResult<Json<TeachingPoint>> {
    Ok(Json(service::point(&s.db, &caller, id).await?))
}

/// Register a teaching point of a community school.
#[utoipa::path(post, path = "/api/v1/community/teaching-points", tag = "community",
    request_body = TeachingPointInput,
    responses((status = 201, body = i64, description = "the teaching point's id"),
        (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn add_point(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<TeachingPointInput>,
) -> ApiResult<Response> {
    created(service::add_point(&s.db, &caller, &input).await?.0)
}

/// Record a standardisation assessment (达标 / 未达标 / 创建中) of a
/// community school. A school reaches 达标 only through 创建中.
#[utoipa::path(post, path = "/api/v1/community/standardisation", tag = "community",
    request_body = StandardInput,
    responses((status = 201, body = i64, description = "the assessment's id"),
        (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn record_standard(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<StandardInput>,
) -> ApiResult<Response> {
    created(service::record_standard(&s.db, &caller, &input).await?)
}
