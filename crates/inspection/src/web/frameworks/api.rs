//! JSON API under /api/v1/inspection/frameworks.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::upload::import_status;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use super::files::read_import;
use crate::domain::FrameworkId;
use crate::service::frameworks::{
    self as service, Detail, ImportMeta, ImportOutcome, ListQuery, NewFramework,
};
use crate::store::frameworks::FrameworkRow;

#[derive(OpenApi)]
#[openapi(
    paths(list, create, get, publish, version, import),
    components(schemas(
        FrameworkRow,
        NewFramework,
        Detail,
        NewVersion,
        ImportMeta,
        ImportOutcome,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The framework versions of the owner areas the caller reads, newest
/// year first; filter by owner, purpose and year.
#[utoipa::path(get, path = "/api/v1/inspection/frameworks", tag = "inspection", params(ListQuery),
    responses((status = 200, body = [FrameworkRow])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<Vec<FrameworkRow>>> {
    Ok(Json(service::list(&s.db, &caller, &q).await?))
}

/// Create a complete framework as a draft (version 1). Weights that do not
/// add up, a level above its indicator's points, a veto cap above the
/// total … are each a 422 field error `framework`.
#[utoipa::path(post, path = "/api/v1/inspection/frameworks", tag = "inspection", request_body = NewFramework,
    responses((status = 201, body = Detail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NewFramework>,
) -> ApiResult<Response> {
    let id = service::create(&s.db, &caller, &input).await?;
    created(service::detail(&s.db, &caller, id).await?)
}

/// A version with its indicator tree and what still stops it from being
/// published.
#[utoipa::path(get, path = "/api/v1/inspection/frameworks/{id}", tag = "inspection",
    responses((status = 200, body = Detail), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<FrameworkId>,
) -> ApiResult<Json<Detail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Publish (freeze) a complete draft; 422 with every problem otherwise,
/// 409 when already published.
#[utoipa::path(post, path = "/api/v1/inspection/frameworks/{id}/publish", tag = "inspection",
    responses((status = 200, body = Detail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn publish(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<FrameworkId>,
) -> ApiResult<Json<Detail>> {
    service::publish(&s.db, &caller, id).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// The year a new version is for.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewVersion {
    pub year: i64,
}

/// Copy a published version into a new draft for a year (version + 1).
#[utoipa::path(post, path = "/api/v1/inspection/frameworks/{id}/versions", tag = "inspection", request_body = NewVersion,
    responses((status = 201, body = Detail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn version(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<FrameworkId>,
    Json(v): Json<NewVersion>,
) -> ApiResult<Response> {
    let new = service::new_version(&s.db, &caller, id, v.year).await?;
    created(service::detail(&s.db, &caller, new).await?)
}

/// Import a framework from .xlsx (sheets 指标 and 评定等次) as a new draft:
/// multipart `file` with the fields of `ImportMeta`. 200 with the new id,
/// or 422 with every bad row (sheet, row, column, reason) and nothing saved.
#[utoipa::path(post, path = "/api/v1/inspection/frameworks/import", tag = "inspection",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome), (status = 400, body = ErrorBody)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    let (meta, file_name, bytes) = read_import(mp).await?;
    let o = service::import(&s.db, &caller, &meta, &file_name, &bytes).await?;
    Ok((import_status(o.applied), Json(o)).into_response())
}
