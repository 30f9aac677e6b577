//! JSON API of the unlicensed kindergartens under /api/v1/private/unlicensed
//! (the bureau's: institutions get 404): the list, a new record, one
//! record with its visits, a change of status, a visit with photos, an
//! import, the monthly report.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::{read_table, RowError};
use platform::web::json::created;
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::multipart::read_visit;
use crate::domain::unlicensed::{Status, UnlicensedId};
use crate::service::unlicensed::import::{self, ImportOutcome};
use crate::service::unlicensed::report::{self, MonthReport, TownshipLine};
use crate::service::unlicensed::{
    self as service, StatusInput, UnlicensedInput, UnlicensedView, VisitView,
};
use crate::store::unlicensed::{Filter, Unlicensed, Visit};

#[derive(OpenApi)]
#[openapi(
    paths(list, create, get, change_status, add_visit, import_list, month),
    components(schemas(
        Unlicensed,
        Status,
        UnlicensedInput,
        UnlicensedView,
        VisitView,
        Visit,
        StatusInput,
        ImportOutcome,
        RowError,
        MonthReport,
        TownshipLine,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The unlicensed kindergartens, filtered.
#[utoipa::path(get, path = "/api/v1/private/unlicensed", tag = "private", params(Filter),
    responses((status = 200, body = Vec<Unlicensed>), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<Filter>,
) -> ApiResult<Json<Vec<Unlicensed>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// Register an unlicensed kindergarten (排查发现); the new record.
#[utoipa::path(post, path = "/api/v1/private/unlicensed", tag = "private", request_body = UnlicensedInput,
    responses((status = 201, body = UnlicensedView), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<UnlicensedInput>,
) -> ApiResult<Response> {
    let id = service::create(&s.db, &caller, &input).await?;
    created(service::get(&s.db, &caller, id).await?)
}

/// One record with its visits.
#[utoipa::path(get, path = "/api/v1/private/unlicensed/{id}", tag = "private",
    responses((status = 200, body = UnlicensedView), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
) -> ApiResult<Json<UnlicensedView>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// Change the status: 整改中 with a deadline after today; 取缔 or 停办 with a
/// date and where the children went; 转为合规 after a visit during the
/// rectification. An ended case changes no more.
#[utoipa::path(post, path = "/api/v1/private/unlicensed/{id}/status", tag = "private", request_body = StatusInput,
    responses((status = 200, body = Unlicensed), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn change_status(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
    Json(input): Json<StatusInput>,
) -> ApiResult<Json<Unlicensed>> {
    Ok(Json(
        service::change_status(&s.db, &caller, id, &input).await?,
    ))
}

/// Record a visit (multipart: visited_on, visitor, found, any number of
/// `photos` — JPEG, PNG, PDF… by content, at most 20 MiB each).
#[utoipa::path(post, path = "/api/v1/private/unlicensed/{id}/visits", tag = "private",
    responses((status = 201, body = UnlicensedView), (status = 422, body = ErrorBody)))]
pub async fn add_visit(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
    mp: Multipart,
) -> ApiResult<Response> {
    let (input, photos) = read_visit(mp).await?;
    service::add_visit(&s.db, &caller, id, &input, &photos).await?;
    created(service::get(&s.db, &caller, id).await?)
}

/// Import the list (.xlsx or CSV with the export's columns): all rows or
/// none; 422 with every bad row's row, column and reason.
#[utoipa::path(post, path = "/api/v1/private/unlicensed/import", tag = "private",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome)))]
pub async fn import_list(
    State(s): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    service::may_write(&caller)
        .then_some(())
        .ok_or(AppError::Forbidden)?;
    let up = read_upload(mp).await?;
    let table = read_table(&up.bytes, &up.filename, None)
        .map_err(|e| AppError::invalid("file", e.to_string()))?;
    let outcome = import::import(&s.db, &caller, &table).await?;
    Ok((import_status(outcome.applied), Json(outcome)).into_response())
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Month {
    /// YYYY-MM (this month if absent).
    pub month: Option<String>,
}

/// The monthly report (月报): counts by township and status, found and ended
/// in the month, 清零进度.
#[utoipa::path(get, path = "/api/v1/private/unlicensed/report", tag = "private", params(Month),
    responses((status = 200, body = MonthReport), (status = 422, body = ErrorBody)))]
pub async fn month(
    State(s): State<AppState>,
    caller: Caller,
    Query(m): Query<Month>,
) -> ApiResult<Json<MonthReport>> {
    Ok(Json(
        report::month(&s.db, &caller, m.month.as_deref()).await?,
    ))
}
