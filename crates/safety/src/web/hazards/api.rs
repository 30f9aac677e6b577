//! JSON API under /api/v1/safety (documented in /api/openapi.json): the
//! start page's figures, hazards, a hazard's order and photos.

use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::Json;
use inspection::domain::{EvidenceId, OrderId};
use inspection::store::evidence::EvidenceFile;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use super::multipart::read;
use crate::domain::hazards::{HazardId, HazardInput};
use crate::service::drills::{Compliance, InstitutionCompliance, TownshipCompliance};
use crate::service::hazards::overview::{self, LevelCount, StartPage};
use crate::service::hazards::{self as service, FixOrder, HazardDetail};
use crate::store::drills::DrillCount;
use crate::store::hazards::{Hazard, HazardFilter, InstitutionHazards};

#[derive(OpenApi)]
#[openapi(
    paths(overview, list, by_institution, detail, report, order, add_photos),
    components(schemas(
        StartPage,
        LevelCount,
        Compliance,
        TownshipCompliance,
        InstitutionCompliance,
        DrillCount,
        Hazard,
        HazardDetail,
        HazardInput,
        InstitutionHazards,
        FixOrder,
        EvidenceFile,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Open hazards by risk level, the rectification rate, overdue orders,
/// this year's drill compliance, plans overdue for review.
#[utoipa::path(get, path = "/api/v1/safety/overview", tag = "safety", responses((status = 200, body = StartPage)))]
pub async fn overview(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<StartPage>> {
    Ok(Json(overview::start_page(&s.db, &caller).await?))
}

/// Hazards in the caller's scope that pass the filters, newest first (at
/// most 500).
#[utoipa::path(get, path = "/api/v1/safety/hazards", tag = "safety", params(HazardFilter),
    responses((status = 200, body = [Hazard])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<HazardFilter>,
) -> ApiResult<Json<Vec<Hazard>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// Each institution's hazards: how many, rectified, waiting for an order.
#[utoipa::path(get, path = "/api/v1/safety/hazards/by-institution", tag = "safety",
    responses((status = 200, body = [InstitutionHazards])))]
pub async fn by_institution(
    State(s): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<InstitutionHazards>>> {
    Ok(Json(service::by_institution(&s.db, &caller).await?))
}

/// One hazard with its order's stage and its photos.
#[utoipa::path(get, path = "/api/v1/safety/hazards/{id}", tag = "safety", params(("id" = i64, Path)),
    responses((status = 200, body = HazardDetail), (status = 404, body = ErrorBody)))]
pub async fn detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<HazardId>,
) -> ApiResult<Json<HazardDetail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Report a hazard (a school its own; the 安全科 names the school); photos
/// are added with the photos route.
#[utoipa::path(post, path = "/api/v1/safety/hazards", tag = "safety", request_body = HazardInput,
    responses((status = 201, body = HazardDetail), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<HazardInput>,
) -> ApiResult<Response> {
    let id = service::report(&s.db, &caller, &input, &[]).await?;
    created(service::detail(&s.db, &caller, id).await?)
}

/// Order a hazard fixed (the 安全科): a 整改通知书 of source 安全隐患 with a
/// deadline not in the past; a hazard is ordered once (409).
#[utoipa::path(post, path = "/api/v1/safety/hazards/{id}/order", tag = "safety", params(("id" = i64, Path)),
    request_body = FixOrder,
    responses((status = 201, body = i64, description = "the order's id"), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn order(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<HazardId>,
    Json(input): Json<FixOrder>,
) -> ApiResult<Response> {
    let order: OrderId = service::order_fix(&s.db, &caller, id, &input).await?;
    created(order)
}

/// Add photos (multipart fields `file` or `photos`; type read from the
/// content, 20 MiB each, at most 9 a hazard).
#[utoipa::path(post, path = "/api/v1/safety/hazards/{id}/photos", tag = "safety", params(("id" = i64, Path)),
    request_body(content_type = "multipart/form-data", content = String),
    responses((status = 201, body = [i64], description = "the files' ids"), (status = 422, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn add_photos(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<HazardId>,
    mp: Multipart,
) -> ApiResult<Response> {
    let form = read(mp).await?;
    let ids: Vec<EvidenceId> = service::add_photos(&s.db, &caller, id, &form.files).await?;
    created(ids)
}
