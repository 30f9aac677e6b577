//! JSON API of notices under /api/v1/public.

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

use crate::domain::notices::{NoticeId, NoticeInput};
use crate::service::notices::{self as service, parents, NoticeView, Sent};
use crate::store::files::PublicFile;
use crate::store::notices::{ClassLink, InboxNotice, Notice, Receipt, SentNotice};

#[derive(OpenApi)]
#[openapi(
    paths(
        sent,
        send,
        inbox,
        show,
        receipts,
        read,
        remind,
        send_to_parents,
        class_link
    ),
    components(schemas(
        NoticeInput,
        Sent,
        SentNotice,
        InboxNotice,
        Notice,
        NoticeView,
        Receipt,
        PublicFile,
        ClassLink,
        ClassInput,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The notices the caller's side has sent (the bureau's or a section's; an
/// institution's to parents), newest first, with read counts.
#[utoipa::path(get, path = "/api/v1/public/notices", tag = "public",
    responses((status = 200, body = [SentNotice])))]
pub async fn sent(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<SentNotice>>> {
    Ok(Json(service::sent(&s.db, &caller).await?))
}

/// Send a notice of the bureau to institutions: audience `all`, `category`
/// (value: category key), `township` (value: its id) or `chosen` (value:
/// ids "3,5"). Attachments are sent through the page's form.
#[utoipa::path(post, path = "/api/v1/public/notices", tag = "public", request_body = NoticeInput,
    responses((status = 201, body = Sent), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn send(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NoticeInput>,
) -> ApiResult<Response> {
    created(service::send(&s.db, &caller, &input, &[]).await?)
}

/// The notices sent to the caller's institution, unread first.
#[utoipa::path(get, path = "/api/v1/public/notices/inbox", tag = "public",
    responses((status = 200, body = [InboxNotice])))]
pub async fn inbox(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<InboxNotice>>> {
    Ok(Json(service::inbox(&s.db, &caller).await?))
}

/// A notice: for its sender's side with read counts, for a recipient with
/// its receipt.
#[utoipa::path(get, path = "/api/v1/public/notices/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = NoticeView), (status = 404, body = ErrorBody)))]
pub async fn show(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
) -> ApiResult<Json<NoticeView>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ReceiptsQuery {
    /// Only the institutions that have not read it.
    unread: Option<bool>,
}

/// The receipts of a notice (for its sender's side).
#[utoipa::path(get, path = "/api/v1/public/notices/{id}/receipts", tag = "public",
    params(("id" = i64, Path), ReceiptsQuery), responses((status = 200, body = [Receipt])))]
pub async fn receipts(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
    Query(q): Query<ReceiptsQuery>,
) -> ApiResult<Json<Vec<Receipt>>> {
    Ok(Json(
        service::receipts(&s.db, &caller, id, q.unread == Some(true)).await?,
    ))
}

/// Confirm that the caller's institution has read a notice (true: the
/// receipt was recorded now; false: it was already read).
#[utoipa::path(post, path = "/api/v1/public/notices/{id}/read", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = bool), (status = 404, body = ErrorBody)))]
pub async fn read(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
) -> ApiResult<Json<bool>> {
    Ok(Json(service::mark_read(&s.db, &caller, id).await?))
}

/// Remind the institutions that have not read a notice; returns how many.
#[utoipa::path(post, path = "/api/v1/public/notices/{id}/remind", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = i64), (status = 404, body = ErrorBody)))]
pub async fn remind(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
) -> ApiResult<Json<i64>> {
    Ok(Json(service::remind(&s.db, &caller, id).await?))
}

/// Send a notice of the caller's institution to parents: audience `school`,
/// `grade` (value: the grade) or `class` (value: "grade:class name").
#[utoipa::path(post, path = "/api/v1/public/parent-notices", tag = "public", request_body = NoticeInput,
    responses((status = 201, body = Sent), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn send_to_parents(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NoticeInput>,
) -> ApiResult<Response> {
    created(parents::send(&s.db, &caller, &input, &[]).await?)
}

/// A class of the caller's institution.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ClassInput {
    grade: i64,
    class_name: String,
}

/// The link of a class's page for parents (/open/class/{code}), made on
/// first use.
#[utoipa::path(post, path = "/api/v1/public/class-links", tag = "public", request_body = ClassInput,
    responses((status = 200, body = ClassLink), (status = 422, body = ErrorBody)))]
pub async fn class_link(
    State(s): State<AppState>,
    caller: Caller,
    Json(c): Json<ClassInput>,
) -> ApiResult<Json<ClassLink>> {
    Ok(Json(
        parents::class_link(&s.db, &caller, c.grade, c.class_name.trim()).await?,
    ))
}
