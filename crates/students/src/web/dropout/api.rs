//! JSON API of dropout control under /api/v1/dropout.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::XLSX_MIME;
use platform::web::{file_response, AppState};
use platform::{ApiResult, AppError};
use serde::{Deserialize, Serialize};

use super::register::{read_upload, run_import};
use crate::domain::dropout::VisitInput;
use crate::domain::ids::CaseId;
use crate::reader::DropoutReader;
use crate::service::dropout::{
    self as service, CaseDetail, CaseUpdate, CloseRequest, Rates, RegisterImportOutcome,
    ScanOutcome,
};
use crate::store::dropout::{CaseFilter, CasePage, CaseRow};
use crate::web::view::import_response;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// The school year of a scan or of the rates (2025 = 2025—2026 学年).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct YearParam {
    /// Defaults to the current school year.
    pub school_year: Option<i64>,
}

/// Dropout-control cases (institution users see only their own).
#[utoipa::path(get, path = "/api/v1/dropout/cases", tag = "dropout", params(CaseFilter),
    responses((status = 200, body = CasePage), (status = 403, body = ErrorBody)))]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<CaseFilter>,
) -> ApiResult<Json<CasePage>> {
    Ok(Json(DropoutReader::of(&state.db, &caller)?.list(&f).await?))
}

/// The filtered case list as .xlsx (ID numbers masked unless the role may
/// see them; the export is audited).
#[utoipa::path(get, path = "/api/v1/dropout/cases/export", tag = "dropout", params(CaseFilter),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status = 403, body = ErrorBody)))]
pub async fn export_cases(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<CaseFilter>,
) -> ApiResult<Response> {
    let bytes = super::cases::export_bytes(&state, &caller, &f).await?;
    Ok(file_response(super::cases::FILE_NAME, XLSX_MIME, bytes))
}

/// One case with its home visits (audited as a view).
#[utoipa::path(get, path = "/api/v1/dropout/cases/{id}", tag = "dropout",
    responses((status = 200, body = CaseDetail), (status = 404, body = ErrorBody)))]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
) -> ApiResult<Json<CaseDetail>> {
    Ok(Json(DropoutReader::of(&state.db, &caller)?.case(id).await?))
}

/// Set the cause and the responsible person; 409 if someone saved since `version`.
#[utoipa::path(put, path = "/api/v1/dropout/cases/{id}", tag = "dropout", request_body = CaseUpdate,
    responses((status = 200, body = CaseRow), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
    Json(u): Json<CaseUpdate>,
) -> ApiResult<Json<CaseRow>> {
    Ok(Json(service::update(&state.db, &caller, id, &u).await?))
}

/// Record a home visit (家访) on an open case.
#[utoipa::path(post, path = "/api/v1/dropout/cases/{id}/visits", tag = "dropout", request_body = VisitInput,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_visit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
    Json(v): Json<VisitInput>,
) -> ApiResult<Response> {
    let vid = service::add_visit(&state.db, &caller, id, &v).await?;
    Ok((StatusCode::CREATED, Json(Created { id: vid.0 })).into_response())
}

/// Close a case: status 已复学 (returned), 转入职业学校 (vocational) or 其他结案 (closed).
#[utoipa::path(post, path = "/api/v1/dropout/cases/{id}/close", tag = "dropout", request_body = CloseRequest,
    responses((status = 200, body = CaseRow), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn close_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
    Json(req): Json<CloseRequest>,
) -> ApiResult<Json<CaseRow>> {
    Ok(Json(service::close(&state.db, &caller, id, &req).await?))
}

/// Compare the household register with the enrolments (bureau only): a
/// case for each school-age child not in school and without an open case.
#[utoipa::path(post, path = "/api/v1/dropout/scan", tag = "dropout", params(YearParam),
    responses((status = 200, body = ScanOutcome), (status = 403, body = ErrorBody)))]
pub async fn scan(
    State(state): State<AppState>,
    caller: Caller,
    Query(p): Query<YearParam>,
) -> ApiResult<Json<ScanOutcome>> {
    Ok(Json(
        service::scan(&state.db, &caller, p.school_year).await?,
    ))
}

/// Import the household register (multipart field `file`, .xlsx or .csv;
/// bureau only). 422 with every bad row when nothing was imported.
#[utoipa::path(post, path = "/api/v1/dropout/children/import", tag = "dropout",
    responses((status = 200, body = RegisterImportOutcome), (status = 422, body = RegisterImportOutcome), (status = 403, body = ErrorBody)))]
pub async fn import_children(
    State(state): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    caller.require_bureau(platform::auth::WorkArea::Dropout)?;
    let up = read_upload(mp).await?;
    match run_import(&state, &caller, &up).await? {
        Err(file_error) => Err(AppError::BadRequest(file_error).into()),
        Ok(o) => Ok(import_response(o.applied, o)),
    }
}

/// 入学率 and 巩固率 by township and for the district (bureau only).
#[utoipa::path(get, path = "/api/v1/dropout/rates", tag = "dropout", params(YearParam),
    responses((status = 200, body = Rates), (status = 403, body = ErrorBody)))]
pub async fn rates(
    State(state): State<AppState>,
    caller: Caller,
    Query(p): Query<YearParam>,
) -> ApiResult<Json<Rates>> {
    Ok(Json(
        service::rates(&state.db, &caller, p.school_year).await?,
    ))
}

/// The rates as .xlsx.
#[utoipa::path(get, path = "/api/v1/dropout/rates/export", tag = "dropout", params(YearParam),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status = 403, body = ErrorBody)))]
pub async fn rates_export(
    State(state): State<AppState>,
    caller: Caller,
    Query(p): Query<YearParam>,
) -> ApiResult<Response> {
    let r = service::rates(&state.db, &caller, p.school_year).await?;
    let bytes = service::rates_workbook(&r).map_err(AppError::Internal)?;
    Ok(file_response(
        &super::rates::file_name(&r),
        XLSX_MIME,
        bytes,
    ))
}
