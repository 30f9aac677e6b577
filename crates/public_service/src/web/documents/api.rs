//! JSON API under /api/v1/public (documented in /api/openapi.json):
//! outgoing documents, their steps, receipts, attachments and .docx, the
//! number prefixes, incoming documents and their routing.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::Json;
use inspection::service::evidence::Upload;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::documents::{Action, DocNumber, DocumentId, IncomingAction, IncomingId, Issuer};
use crate::service::documents::incoming::{self, IncomingDetail, IncomingInput, RouteInput};
use crate::service::documents::outgoing::{self, DraftInput, StepInput};
use crate::service::documents::signing;
use crate::service::documents::{self as service, DocumentDetail};
use crate::store::documents::files::FileRow;
use crate::store::documents::incoming::{Incoming, IncomingFilter};
use crate::store::documents::recipients::{Recipient, RecipientInput};
use crate::store::documents::steps::Step;
use crate::store::documents::{Document, DocumentFilter};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        detail,
        draft,
        revise,
        step,
        receipt,
        add_file,
        docx,
        set_prefix,
        incoming_list,
        incoming_detail,
        register,
        route
    ),
    components(schemas(
        Document,
        DocumentDetail,
        DraftInput,
        RecipientInput,
        Recipient,
        Step,
        StepInput,
        FileRow,
        DocNumber,
        PrefixInput,
        Incoming,
        IncomingDetail,
        IncomingInput,
        RouteInput,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Outgoing documents the caller sees (the 办公室 and leadership all; a
/// section its own and those sent to it; a school those issued to it),
/// newest first, at most 500.
#[utoipa::path(get, path = "/api/v1/public/documents", tag = "public", params(DocumentFilter),
    responses((status = 200, body = [Document])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<DocumentFilter>,
) -> ApiResult<Json<Vec<Document>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// One document with its recipients (and their receipts), attachments and history.
#[utoipa::path(get, path = "/api/v1/public/documents/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = DocumentDetail), (status = 404, body = ErrorBody)))]
pub async fn detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
) -> ApiResult<Json<DocumentDetail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Draft a document (拟稿) for the caller's section.
#[utoipa::path(post, path = "/api/v1/public/documents", tag = "public", request_body = DraftInput,
    responses((status = 201, body = DocumentDetail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn draft(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<DraftInput>,
) -> ApiResult<Response> {
    let id = outgoing::draft(&s.db, &caller, &input, &[]).await?;
    created(service::detail(&s.db, &caller, id).await?)
}

/// Rewrite a draft (its section's staff, while a draft).
#[utoipa::path(put, path = "/api/v1/public/documents/{id}", tag = "public", params(("id" = i64, Path)),
    request_body = DraftInput,
    responses((status = 200, body = DocumentDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revise(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
    Json(input): Json<DraftInput>,
) -> ApiResult<Json<DocumentDetail>> {
    outgoing::revise(&s.db, &caller, id, &input).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Take a step: `submit` (送核稿), `pass` (核稿通过), `return` (退回修改, with
/// a comment), `sign` (签发, leadership; `number` may be typed). Nobody
/// reviews or signs their own draft (409).
#[utoipa::path(post, path = "/api/v1/public/documents/{id}/{step}", tag = "public",
    params(("id" = i64, Path), ("step" = String, Path)), request_body = StepInput,
    responses((status = 200, body = DocumentDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn step(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, step)): Path<(DocumentId, String)>,
    Json(input): Json<StepInput>,
) -> ApiResult<Json<DocumentDetail>> {
    let action = Action::parse(&step).ok_or(AppError::NotFound)?;
    outgoing::act(&s.db, &caller, id, action, &input).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Sign for a document issued to the caller's school (签收).
#[utoipa::path(post, path = "/api/v1/public/documents/{id}/receipt", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = DocumentDetail), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn receipt(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
) -> ApiResult<Json<DocumentDetail>> {
    outgoing::confirm_receipt(&s.db, &caller, id).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Attach a file to a draft (multipart field `file`; type read from the content).
#[utoipa::path(post, path = "/api/v1/public/documents/{id}/files", tag = "public", params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data", content = String),
    responses((status = 201, body = DocumentDetail), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_file(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = platform::web::upload::read_upload(mp).await?;
    let file = Upload {
        file_name: up.filename,
        bytes: up.bytes,
    };
    outgoing::add_files(&s.db, &caller, id, &[file]).await?;
    created(service::detail(&s.db, &caller, id).await?)
}

/// The document as .docx (红头文件).
#[utoipa::path(get, path = "/api/v1/public/documents/{id}/docx", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 404, body = ErrorBody)))]
pub async fn docx(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DocumentId>,
) -> ApiResult<Response> {
    Ok(super::docx_response(&s, &caller, id).await?)
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct PrefixInput {
    pub prefix: String,
}

/// Set the number prefix of an issuer (`bureau` 浔教, `office` 浔教办).
#[utoipa::path(put, path = "/api/v1/public/document-prefixes/{issuer}", tag = "public",
    params(("issuer" = String, Path)), request_body = PrefixInput,
    responses((status = 204), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn set_prefix(
    State(s): State<AppState>,
    caller: Caller,
    Path(issuer): Path<String>,
    Json(input): Json<PrefixInput>,
) -> ApiResult<axum::http::StatusCode> {
    let issuer = Issuer::parse(&issuer).ok_or(AppError::NotFound)?;
    signing::set_prefix(&s.db, &caller, issuer, &input.prefix).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Incoming documents the caller sees (the 办公室 and leadership all; a
/// section those routed to it).
#[utoipa::path(get, path = "/api/v1/public/incoming", tag = "public", params(IncomingFilter),
    responses((status = 200, body = [Incoming])))]
pub async fn incoming_list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<IncomingFilter>,
) -> ApiResult<Json<Vec<Incoming>>> {
    Ok(Json(incoming::list(&s.db, &caller, &f).await?))
}

/// One incoming document with its history.
#[utoipa::path(get, path = "/api/v1/public/incoming/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = IncomingDetail), (status = 404, body = ErrorBody)))]
pub async fn incoming_detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<IncomingId>,
) -> ApiResult<Json<IncomingDetail>> {
    Ok(Json(incoming::detail(&s.db, &caller, id).await?))
}

/// Register an incoming document (收文登记, the 办公室).
#[utoipa::path(post, path = "/api/v1/public/incoming", tag = "public", request_body = IncomingInput,
    responses((status = 201, body = IncomingDetail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn register(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<IncomingInput>,
) -> ApiResult<Response> {
    let id = incoming::register(&s.db, &caller, &input).await?;
    created(incoming::detail(&s.db, &caller, id).await?)
}

/// Route: `propose` (拟办, the 办公室, with section and deadline),
/// `instruct` (领导批示, leadership, names the handling section and
/// deadline), `finish` (办结, the handling section or the 办公室).
#[utoipa::path(post, path = "/api/v1/public/incoming/{id}/{step}", tag = "public",
    params(("id" = i64, Path), ("step" = String, Path)), request_body = RouteInput,
    responses((status = 200, body = IncomingDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn route(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, step)): Path<(IncomingId, String)>,
    Json(input): Json<RouteInput>,
) -> ApiResult<Json<IncomingDetail>> {
    let action = IncomingAction::parse(&step)
        .filter(|a| *a != IncomingAction::Register)
        .ok_or(AppError::NotFound)?;
    incoming::route(&s.db, &caller, id, action, &input).await?;
    Ok(Json(incoming::detail(&s.db, &caller, id).await?))
}
