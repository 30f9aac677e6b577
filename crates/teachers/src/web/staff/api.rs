//! JSON API of staff records under /api/v1/teachers (documented in
//! /api/openapi.json).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::files;
use crate::domain::staff::review::{ChangeKind, ChangeStatus};
use crate::domain::staff::{ChangeId, StaffFields, StaffId, StaffInput};
use crate::service::staff::import::ImportOutcome;
use crate::service::staff::postings::{self, HonourInput, PostingInput};
use crate::service::staff::reader::{self, ChangeView, StaffReader, StaffView};
use crate::service::staff::{self as service, review, Saved};
use crate::store::staff::changes::ChangeRow;
use crate::store::staff::honours::HonourRow;
use crate::store::staff::postings::PostingRow;
use crate::store::staff::StaffRecord;

#[derive(OpenApi)]
#[openapi(
    paths(
        create,
        staff,
        update,
        add_posting,
        add_honour,
        reviews,
        approve,
        reject,
        me,
        import
    ),
    components(schemas(
        StaffInput,
        StaffFields,
        StaffRecord,
        StaffView,
        ChangeView,
        ChangeRow,
        ChangeKind,
        ChangeStatus,
        PostingRow,
        HonourRow,
        PostingInput,
        HonourInput,
        Saved,
        StaffUpdate,
        RejectRequest,
        ImportOutcome,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// 201 when applied, 202 when waiting for review.
fn answer(saved: Saved, applied: StatusCode) -> ApiResult<Response> {
    let status = match saved {
        Saved::Applied(_) => applied,
        Saved::Pending(_) => StatusCode::ACCEPTED,
    };
    Ok((status, Json(saved)).into_response())
}

/// Add a staff record: applied at once for the bureau (201), waiting for
/// 人事科's review for an institution (202). A bad field, such as an ID
/// number failing its check digit: 422 naming the field.
#[utoipa::path(post, path = "/api/v1/teachers/staff", tag = "teachers", request_body = StaffInput,
    responses((status = 201, body = Saved), (status = 202, body = Saved), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<StaffInput>,
) -> ApiResult<Response> {
    answer(
        service::create(&s.db, &caller, &input).await?,
        StatusCode::CREATED,
    )
}

/// One record with its postings, honours and history (ID masked for roles
/// without full view; the view is audited).
#[utoipa::path(get, path = "/api/v1/teachers/staff/{id}", tag = "teachers",
    responses((status = 200, body = StaffView), (status = 404, body = ErrorBody)))]
pub async fn staff(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StaffId>,
) -> ApiResult<Json<StaffView>> {
    Ok(Json(StaffReader::of(&s.db, &caller)?.view(id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct StaffUpdate {
    /// The version read; 409 if someone saved since.
    pub version: i64,
    #[serde(flatten)]
    pub input: StaffInput,
}

/// Change a record: 200 when applied (bureau), 202 when waiting for review.
#[utoipa::path(put, path = "/api/v1/teachers/staff/{id}", tag = "teachers", request_body = StaffUpdate,
    responses((status = 200, body = Saved), (status = 202, body = Saved), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StaffId>,
    Json(req): Json<StaffUpdate>,
) -> ApiResult<Response> {
    answer(
        service::update(&s.db, &caller, id, req.version, &req.input).await?,
        StatusCode::OK,
    )
}

/// Add a posting (调动, 交流轮岗, 支教, 对口支援); the open one closes the
/// day before. Overlapping postings: 422.
#[utoipa::path(post, path = "/api/v1/teachers/staff/{id}/postings", tag = "teachers", request_body = PostingInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_posting(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StaffId>,
    Json(input): Json<PostingInput>,
) -> ApiResult<Response> {
    let posting = postings::add_posting(&s.db, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(posting)).into_response())
}

/// Add an honour, a 师德 award or a 师德 violation (with its veto).
#[utoipa::path(post, path = "/api/v1/teachers/staff/{id}/honours", tag = "teachers", request_body = HonourInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_honour(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StaffId>,
    Json(input): Json<HonourInput>,
) -> ApiResult<Response> {
    let honour = postings::add_honour(&s.db, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(honour)).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AccountLink {
    /// The teacher's own account; empty to unlink.
    #[serde(default)]
    pub username: String,
}

/// Link the record to the account its teacher signs in with (bureau only);
/// that account reads it at /api/v1/teachers/me.
#[utoipa::path(put, path = "/api/v1/teachers/staff/{id}/account", tag = "teachers", request_body = AccountLink,
    responses((status = 204), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn link_account(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StaffId>,
    Json(req): Json<AccountLink>,
) -> ApiResult<StatusCode> {
    crate::service::staff::account::link_account(&s.db, &caller, id, &req.username).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes waiting for review (an institution sees its own).
#[utoipa::path(get, path = "/api/v1/teachers/reviews", tag = "teachers", responses((status = 200, body = [ChangeRow])))]
pub async fn reviews(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<ChangeRow>>> {
    Ok(Json(review::queue(&s.db, &caller).await?))
}

/// Approve a change (人事科 or leadership): it is written to the record.
#[utoipa::path(post, path = "/api/v1/teachers/reviews/{id}/approve", tag = "teachers",
    responses((status = 200, body = Saved), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn approve(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ChangeId>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(review::approve(&s.db, &caller, id).await?))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct RejectRequest {
    /// Why, so the institution knows what to fix.
    pub comment: String,
}

/// Send a change back with a comment; it does not count.
#[utoipa::path(post, path = "/api/v1/teachers/reviews/{id}/reject", tag = "teachers", request_body = RejectRequest,
    responses((status = 204), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reject(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ChangeId>,
    Json(req): Json<RejectRequest>,
) -> ApiResult<StatusCode> {
    review::reject(&s.db, &caller, id, &req.comment).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in teacher's own record (404 when none is linked).
#[utoipa::path(get, path = "/api/v1/teachers/me", tag = "teachers",
    responses((status = 200, body = StaffView), (status = 404, body = ErrorBody)))]
pub async fn me(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<StaffView>> {
    Ok(Json(reader::own(&s.db, &caller).await?))
}

/// Import staff from a workbook (multipart field `file`; `valid_only=1` to
/// skip bad rows). 422 with every bad row when nothing was imported.
#[utoipa::path(post, path = "/api/v1/teachers/staff/import", tag = "teachers",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome)))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = read_upload(mp).await?;
    match files::run_import(&state, &caller, &up).await? {
        Err(file_error) => Err(AppError::BadRequest(file_error).into()),
        Ok(o) => Ok((import_status(o.applied), Json(o)).into_response()),
    }
}
