//! JSON API under /api/v1/safety/buses (documented in /api/openapi.json).

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::upload::import_status;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use utoipa::OpenApi;

use crate::domain::buses::{BusId, BusInput, Expiry, LicenceClass};
use crate::service::buses::import::BusImportOutcome;
use crate::service::buses::{self as service, NewBus};
use crate::store::buses::{Bus, BusFilter};

#[derive(OpenApi)]
#[openapi(
    paths(list, create, bus, import),
    components(schemas(
        Bus,
        NewBus,
        BusInput,
        LicenceClass,
        Expiry,
        BusImportOutcome,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Buses in the caller's scope, soonest expiry first (`state=expired`,
/// `expiring` (within 30 days) or `alert` (either)).
#[utoipa::path(get, path = "/api/v1/safety/buses", tag = "safety", params(BusFilter),
    responses((status = 200, body = [Bus])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<BusFilter>,
) -> ApiResult<Json<Vec<Bus>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// Register a bus (a school its own; the 安全科 any institution's).
#[utoipa::path(post, path = "/api/v1/safety/buses", tag = "safety", request_body = NewBus,
    responses((status = 201, body = Bus), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewBus>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, &n).await?)
}

#[utoipa::path(get, path = "/api/v1/safety/buses/{id}", tag = "safety",
    responses((status = 200, body = Bus), (status = 404, body = ErrorBody)))]
pub async fn bus(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BusId>,
) -> ApiResult<Json<Bus>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// Import buses from the template (.xlsx or CSV), all or nothing: 200
/// with the count, or 422 with every bad row.
#[utoipa::path(post, path = "/api/v1/safety/buses/import", tag = "safety",
    request_body(content_type = "multipart/form-data"),
    responses((status = 200, body = BusImportOutcome), (status = 422, body = BusImportOutcome)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    match super::files::run(&s, &caller, mp).await? {
        Ok(o) => Ok((import_status(o.applied), Json(o)).into_response()),
        Err(e) => Err(AppError::BadRequest(e).into()),
    }
}
