//! JSON API of closures (终止办学) under /api/v1/private/closures: the
//! list, a new closure with its pupils, one closure with its pupils (an
//! audited view), a pupil's destination, the closure made final.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use crate::domain::closures::ClosureId;
use crate::service::closures::{self as service, ClosureView, NewClosure, Placement};
use crate::store::closures::{Closure, Pupil};

#[derive(OpenApi)]
#[openapi(
    paths(list, open, get, place, finalise),
    components(schemas(Closure, ClosureView, Pupil, NewClosure, Placement, ErrorBody))
)]
pub struct ApiDoc;

/// The closures (an institution sees its own).
#[utoipa::path(get, path = "/api/v1/private/closures", tag = "private", responses((status = 200, body = Vec<Closure>)))]
pub async fn list(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Closure>>> {
    Ok(Json(service::list(&s.db, &caller).await?))
}

/// Decide the closure of a private institution; its current pupils are
/// listed for placement.
#[utoipa::path(post, path = "/api/v1/private/closures", tag = "private", request_body = NewClosure,
    responses((status = 201, body = Closure), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn open(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NewClosure>,
) -> ApiResult<Response> {
    created(service::open(&s.db, &caller, &input).await?)
}

/// A closure with its pupils and their destinations.
#[utoipa::path(get, path = "/api/v1/private/closures/{id}", tag = "private",
    responses((status = 200, body = ClosureView), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ClosureId>,
) -> ApiResult<Json<ClosureView>> {
    Ok(Json(service::view(&s.db, &caller, id).await?))
}

/// Record where a pupil goes: an institution (not the closing one) or a note.
#[utoipa::path(post, path = "/api/v1/private/closures/{id}/placements", tag = "private", request_body = Placement,
    responses((status = 200, body = Closure), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn place(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ClosureId>,
    Json(p): Json<Placement>,
) -> ApiResult<Json<Closure>> {
    Ok(Json(service::place(&s.db, &caller, id, &p).await?))
}

/// Make the closure final (every pupil placed) and close the institution
/// in the registry.
#[utoipa::path(post, path = "/api/v1/private/closures/{id}/finalise", tag = "private",
    responses((status = 200, body = Closure), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn finalise(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ClosureId>,
) -> ApiResult<Json<Closure>> {
    Ok(Json(service::finalise(&s.db, &caller, id).await?))
}
