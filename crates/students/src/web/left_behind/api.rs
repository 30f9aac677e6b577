//! JSON API of the left-behind archive.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::AppState;
use platform::ApiResult;

use crate::reader::StudentsReader;
use crate::service::left_behind::{self as service, ArchiveView, CareInput};
use crate::store::left_behind::{Archive, ArchiveRow};
use crate::store::students::StudentId;
use crate::web::dropout::Created;

/// The archive and care records of a left-behind student (audited as a
/// view). 403 for roles that do not keep archives; 404 for another
/// school's student.
#[utoipa::path(get, path = "/api/v1/students/{id}/left-behind", tag = "dropout",
    responses((status = 200, body = ArchiveView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn get_archive(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> ApiResult<Json<ArchiveView>> {
    Ok(Json(
        StudentsReader::of(&state.db, &caller)?.archive(id).await?,
    ))
}

/// Create or replace the archive.
#[utoipa::path(put, path = "/api/v1/students/{id}/left-behind", tag = "dropout", request_body = Archive,
    responses((status = 200, body = ArchiveRow), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn put_archive(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Json(a): Json<Archive>,
) -> ApiResult<Json<ArchiveRow>> {
    Ok(Json(service::save(&state.db, &caller, id, &a).await?))
}

/// Add a care record (关爱记录).
#[utoipa::path(post, path = "/api/v1/students/{id}/left-behind/care", tag = "dropout", request_body = CareInput,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_care(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Json(c): Json<CareInput>,
) -> ApiResult<Response> {
    let cid = service::add_care(&state.db, &caller, id, &c).await?;
    Ok((StatusCode::CREATED, Json(Created { id: cid.0 })).into_response())
}
