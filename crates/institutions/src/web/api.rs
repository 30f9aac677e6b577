//! JSON API under /api/v1 (documented in /api/openapi.json).

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::district::{self, Township};
use platform::error::ErrorBody;
use platform::excel::XLSX_MIME;
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, AppState};
use platform::{ApiResult, AppError, InstitutionId};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use super::files;
use crate::domain::{DesignationInput, Institution, InstitutionInput, TrackingInput};
use crate::service::{self, ImportOutcome};
use crate::store::{self, DesignationRow, Filter, Page, TrackingRow, YearRow};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        get,
        create,
        update,
        designations,
        add_designation,
        tracking,
        add_tracking,
        capacity,
        townships,
        school_types,
        import,
        export
    ),
    components(schemas(
        Institution,
        InstitutionInput,
        DesignationInput,
        TrackingInput,
        DesignationRow,
        TrackingRow,
        YearRow,
        Township,
        ImportOutcome,
        ErrorBody,
        InstitutionPage,
        UpdateRequest,
        Created,
        SchoolTypeCode
    ))
)]
pub struct ApiDoc;

/// A page of institutions.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InstitutionPage {
    pub items: Vec<Institution>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl From<Page<Institution>> for InstitutionPage {
    fn from(p: Page<Institution>) -> Self {
        InstitutionPage {
            items: p.items,
            total: p.total,
            page: p.page,
            per_page: p.per_page,
        }
    }
}

/// List and filter institutions (institution users see only their own).
#[utoipa::path(get, path = "/api/v1/institutions", tag = "institutions", params(Filter),
    responses((status = 200, body = InstitutionPage), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<Filter>,
) -> ApiResult<Json<InstitutionPage>> {
    caller.require(WorkArea::Institutions, Access::Read)?;
    Ok(Json(
        store::list(&state.db, &caller.scope, &f).await?.into(),
    ))
}

/// One institution.
#[utoipa::path(get, path = "/api/v1/institutions/{id}", tag = "institutions",
    responses((status = 200, body = Institution), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
) -> ApiResult<Json<Institution>> {
    Ok(Json(service::get(&state.db, &caller, id).await?))
}

/// Register a new institution (bureau only).
#[utoipa::path(post, path = "/api/v1/institutions", tag = "institutions", request_body = InstitutionInput,
    responses((status = 201, body = Institution), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(input): Json<InstitutionInput>,
) -> ApiResult<Response> {
    let i = service::create(&state.db, &caller, &input).await?;
    Ok((StatusCode::CREATED, Json(i)).into_response())
}

/// An edit, naming the version it was based on.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct UpdateRequest {
    pub version: i64,
    #[serde(flatten)]
    pub input: InstitutionInput,
}

/// Change an institution. Refused with 409 if someone saved since `version`.
#[utoipa::path(put, path = "/api/v1/institutions/{id}", tag = "institutions", request_body = UpdateRequest,
    responses((status = 200, body = Institution), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Json(req): Json<UpdateRequest>,
) -> ApiResult<Json<Institution>> {
    Ok(Json(
        service::update(&state.db, &caller, id, req.version, &req.input).await?,
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Designation history, oldest first.
#[utoipa::path(get, path = "/api/v1/institutions/{id}/designations", tag = "institutions",
    responses((status = 200, body = Vec<DesignationRow>), (status = 404, body = ErrorBody)))]
pub async fn designations(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
) -> ApiResult<Json<Vec<DesignationRow>>> {
    service::get(&state.db, &caller, id).await?;
    Ok(Json(
        store::designations(&state.db, &caller.scope, id).await?,
    ))
}

/// Record a designation being awarded, re-verified or revoked.
#[utoipa::path(post, path = "/api/v1/institutions/{id}/designations", tag = "institutions", request_body = DesignationInput,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_designation(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Json(input): Json<DesignationInput>,
) -> ApiResult<Response> {
    let did = service::add_designation(&state.db, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: did.0 })).into_response())
}

/// Tracking history of an unlicensed kindergarten.
#[utoipa::path(get, path = "/api/v1/institutions/{id}/tracking", tag = "institutions",
    responses((status = 200, body = Vec<TrackingRow>), (status = 404, body = ErrorBody)))]
pub async fn tracking(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
) -> ApiResult<Json<Vec<TrackingRow>>> {
    service::get(&state.db, &caller, id).await?;
    Ok(Json(store::tracking(&state.db, &caller.scope, id).await?))
}

/// Record a visit or decision on an unlicensed kindergarten.
#[utoipa::path(post, path = "/api/v1/institutions/{id}/tracking", tag = "institutions", request_body = TrackingInput,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_tracking(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Json(input): Json<TrackingInput>,
) -> ApiResult<Response> {
    let eid = service::add_tracking(&state.db, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id: eid.0 })).into_response())
}

/// Approved places and classes per school year.
#[utoipa::path(get, path = "/api/v1/institutions/{id}/capacity", tag = "institutions",
    responses((status = 200, body = Vec<YearRow>), (status = 404, body = ErrorBody)))]
pub async fn capacity(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<InstitutionId>,
) -> ApiResult<Json<Vec<YearRow>>> {
    service::get(&state.db, &caller, id).await?;
    Ok(Json(
        store::capacity_history(&state.db, &caller.scope, id).await?,
    ))
}

/// The district's townships and streets.
#[utoipa::path(get, path = "/api/v1/townships", tag = "codes", responses((status = 200, body = Vec<Township>)))]
pub async fn townships(
    State(state): State<AppState>,
    _actor: Actor,
) -> ApiResult<Json<Vec<Township>>> {
    Ok(Json(district::townships(&state.db).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SchoolTypeCode {
    pub code: String,
    pub name: String,
    pub level: String,
}

/// 办学类型 (JY/T 1001).
#[utoipa::path(get, path = "/api/v1/codes/school-types", tag = "codes", responses((status = 200, body = Vec<SchoolTypeCode>)))]
pub async fn school_types(_actor: Actor) -> Json<Vec<SchoolTypeCode>> {
    Json(
        platform::codes::school_types()
            .iter()
            .map(|t| SchoolTypeCode {
                code: t.code.clone(),
                name: t.name.clone(),
                level: t.level.clone(),
            })
            .collect(),
    )
}

/// Import a workbook (multipart field `file`; `valid_only=1` to skip bad rows).
/// 422 with every bad row when nothing was imported.
#[utoipa::path(post, path = "/api/v1/institutions/import", tag = "institutions",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome)))]
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    caller.require_bureau(WorkArea::Institutions)?;
    let up = read_upload(mp).await?;
    match files::run_import(&state, &caller, &up).await? {
        Err(file_error) => Err(AppError::BadRequest(file_error).into()),
        Ok(o) => Ok((import_status(o.applied), Json(o)).into_response()),
    }
}

/// Export the filtered list as .xlsx.
#[utoipa::path(get, path = "/api/v1/institutions/export", tag = "institutions", params(Filter),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<Filter>,
) -> ApiResult<Response> {
    let bytes = files::export_bytes(&state, &caller, &f).await?;
    Ok(file_response("机构名录.xlsx", XLSX_MIME, bytes))
}
