//! JSON API under /api/v1/construction: buildings (校舍) and the 危房 list,
//! the asset register, procurement and joint acceptance (documented in
//! /api/openapi.json).

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

use crate::domain::estate::{
    AcceptanceInput, AcceptanceResult, AssetCategory, AssetId, AssetInput, BuildingId,
    BuildingInput, BuildingUse, CertificateStatus, MovementInput, MovementKind, PurchaseId,
    PurchaseInput, SafetyGrade, Structure,
};
use crate::service::estate::assets::{self, AssetDetail, AssetOverview, NewAsset};
use crate::service::estate::buildings::{
    self, BuildingChange, BuildingList, NewBuilding, StartedProject,
};
use crate::service::estate::import::BuildingImportOutcome;
use crate::service::estate::procurement::{self, NewPurchase};
use crate::store::estate::assets::{Asset, AssetFilter, CategoryTotal, Movement};
use crate::store::estate::buildings::{Building, BuildingFilter, Totals, TownshipDanger};
use crate::store::estate::procurement::{Purchase, PurchaseFilter};

#[derive(OpenApi)]
#[openapi(
    paths(
        list_buildings,
        create_building,
        building,
        update_building,
        start_rebuild,
        import_buildings,
        asset_overview,
        create_asset,
        asset,
        move_asset,
        purchases,
        create_purchase,
        purchase,
        accept
    ),
    components(schemas(
        Building,
        BuildingList,
        Totals,
        TownshipDanger,
        BuildingInput,
        NewBuilding,
        BuildingChange,
        StartedProject,
        BuildingImportOutcome,
        Structure,
        BuildingUse,
        SafetyGrade,
        CertificateStatus,
        Asset,
        AssetOverview,
        AssetDetail,
        CategoryTotal,
        Movement,
        NewAsset,
        AssetInput,
        MovementInput,
        MovementKind,
        AssetCategory,
        Purchase,
        NewPurchase,
        PurchaseInput,
        AcceptanceInput,
        AcceptanceResult,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Buildings in the caller's scope, filtered (`grade=D`: the 危房 list;
/// `uncovered=true`: 危房 no 危房改造 project covers; `overdue=true`:
/// appraisals overdue), a page at a time, with totals and the 危房 area by
/// township.
#[utoipa::path(get, path = "/api/v1/construction/buildings", tag = "construction", params(BuildingFilter),
    responses((status = 200, body = BuildingList)))]
pub async fn list_buildings(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<BuildingFilter>,
) -> ApiResult<Json<BuildingList>> {
    Ok(Json(buildings::list(&s.db, &caller, &f).await?))
}

/// Record a building (a school its own; 计财科, 安全科 any institution's).
#[utoipa::path(post, path = "/api/v1/construction/buildings", tag = "construction", request_body = NewBuilding,
    responses((status = 201, body = Building), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn create_building(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewBuilding>,
) -> ApiResult<Response> {
    created(buildings::create(&s.db, &caller, &n).await?)
}

#[utoipa::path(get, path = "/api/v1/construction/buildings/{id}", tag = "construction",
    responses((status = 200, body = Building), (status = 404, body = ErrorBody)))]
pub async fn building(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BuildingId>,
) -> ApiResult<Json<Building>> {
    Ok(Json(buildings::get(&s.db, &caller, id).await?))
}

/// Change a building at the version read (409 if someone changed it first).
#[utoipa::path(put, path = "/api/v1/construction/buildings/{id}", tag = "construction", request_body = BuildingChange,
    responses((status = 200, body = Building), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_building(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BuildingId>,
    Json(c): Json<BuildingChange>,
) -> ApiResult<Json<Building>> {
    Ok(Json(buildings::update(&s.db, &caller, id, &c).await?))
}

/// Start a 危房改造 project (with its seven phases) for a D级 building no
/// project covers yet (计财科, 安全科, leadership).
#[utoipa::path(post, path = "/api/v1/construction/buildings/{id}/rebuild", tag = "construction",
    responses((status = 201, body = StartedProject), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn start_rebuild(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BuildingId>,
) -> ApiResult<Response> {
    created(buildings::start_rebuild(&s.db, &caller, id).await?)
}

/// Import buildings from .xlsx or CSV (multipart field `file`): 200 when
/// imported, 422 with every bad row when nothing was.
#[utoipa::path(post, path = "/api/v1/construction/buildings/import", tag = "construction",
    responses((status = 200, body = BuildingImportOutcome), (status = 422, body = BuildingImportOutcome)))]
pub async fn import_buildings(
    State(s): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    match super::files::run(&s, &caller, mp).await? {
        Ok(o) => Ok((import_status(o.applied), Json(o)).into_response()),
        Err(e) => Err(AppError::BadRequest(e).into()),
    }
}

/// The register with counts and values by category, and the transfers and
/// disposals.
#[utoipa::path(get, path = "/api/v1/construction/assets", tag = "construction", params(AssetFilter),
    responses((status = 200, body = AssetOverview)))]
pub async fn asset_overview(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<AssetFilter>,
) -> ApiResult<Json<AssetOverview>> {
    Ok(Json(assets::overview(&s.db, &caller, &f).await?))
}

#[utoipa::path(post, path = "/api/v1/construction/assets", tag = "construction", request_body = NewAsset,
    responses((status = 201, body = Asset), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn create_asset(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewAsset>,
) -> ApiResult<Response> {
    created(assets::create(&s.db, &caller, &n).await?)
}

#[utoipa::path(get, path = "/api/v1/construction/assets/{id}", tag = "construction",
    responses((status = 200, body = AssetDetail), (status = 404, body = ErrorBody)))]
pub async fn asset(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<AssetId>,
) -> ApiResult<Json<AssetDetail>> {
    Ok(Json(assets::get(&s.db, &caller, id).await?))
}

/// Transfer (调拨, the bureau) or dispose of (报废) part of a line; never
/// more than it holds (422).
#[utoipa::path(post, path = "/api/v1/construction/assets/{id}/movements", tag = "construction", request_body = MovementInput,
    responses((status = 201, body = Movement), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_asset(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<AssetId>,
    Json(m): Json<MovementInput>,
) -> ApiResult<Response> {
    created(assets::move_out(&s.db, &caller, id, &m).await?)
}

/// Procurement items with their acceptance (`unaccepted=true`,
/// `overdue=true`: delivered more than 30 days ago and not accepted).
#[utoipa::path(get, path = "/api/v1/construction/procurement", tag = "construction", params(PurchaseFilter),
    responses((status = 200, body = [Purchase])))]
pub async fn purchases(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<PurchaseFilter>,
) -> ApiResult<Json<Vec<Purchase>>> {
    Ok(Json(procurement::list(&s.db, &caller, &f).await?))
}

#[utoipa::path(post, path = "/api/v1/construction/procurement", tag = "construction", request_body = NewPurchase,
    responses((status = 201, body = Purchase), (status = 422, body = ErrorBody)))]
pub async fn create_purchase(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewPurchase>,
) -> ApiResult<Response> {
    created(procurement::create(&s.db, &caller, &n).await?)
}

#[utoipa::path(get, path = "/api/v1/construction/procurement/{id}", tag = "construction",
    responses((status = 200, body = Purchase), (status = 404, body = ErrorBody)))]
pub async fn purchase(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PurchaseId>,
) -> ApiResult<Json<Purchase>> {
    Ok(Json(procurement::get(&s.db, &caller, id).await?))
}

/// Record the joint acceptance (409 when the item was accepted already).
#[utoipa::path(post, path = "/api/v1/construction/procurement/{id}/acceptance", tag = "construction", request_body = AcceptanceInput,
    responses((status = 201, body = Purchase), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PurchaseId>,
    Json(a): Json<AcceptanceInput>,
) -> ApiResult<Response> {
    created(procurement::accept(&s.db, &caller, id, &a).await?)
}
