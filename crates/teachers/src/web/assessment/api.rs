//! JSON API under /api/v1/teachers/assessments.

use axum::extract::{Multipart, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::{read_table, RowError};
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use utoipa::OpenApi;

use super::YearQuery;
use crate::domain::assessment::GradeCounts;
use crate::service::assessment::{
    self as service, GradeBatch, GradeInput, ImportOutcome, Results, Roster, Saved,
};
use crate::store::assessment::{InstitutionResult, RosterRow};

#[derive(OpenApi)]
#[openapi(
    paths(roster, record, import, results),
    components(schemas(
        Roster,
        RosterRow,
        GradeBatch,
        GradeInput,
        Saved,
        ImportOutcome,
        RowError,
        Results,
        InstitutionResult,
        GradeCounts,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// An institution's active staff with the year's grades, its 优秀 quota
/// (a school's own institution; another one is 404).
#[utoipa::path(get, path = "/api/v1/teachers/assessments", tag = "teachers", params(YearQuery),
    responses((status = 200, body = Roster), (status = 404, body = ErrorBody)))]
pub async fn roster(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Roster>> {
    Ok(Json(
        service::roster(&s.db, &caller, q.institution(), q.year()).await?,
    ))
}

/// Record grades for a year. An 优秀 over the quota, a grade other than
/// 不合格 for a teacher with a 师德 veto that year, or a person who is not
/// active staff of the institution: 422, nothing saved.
#[utoipa::path(post, path = "/api/v1/teachers/assessments", tag = "teachers", request_body = GradeBatch,
    responses((status = 200, body = Saved), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn record(
    State(s): State<AppState>,
    caller: Caller,
    Json(batch): Json<GradeBatch>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service::record(&s.db, &caller, &batch).await?))
}

/// Import grades from .xlsx/.csv (身份证件号, 姓名, 考核等次, 备注): 200
/// when saved, 422 with every row's problem when nothing was.
#[utoipa::path(post, path = "/api/v1/teachers/assessments/import", tag = "teachers", params(YearQuery),
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = read_upload(mp).await?;
    let table = read_table(&up.bytes, &up.filename, None)
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let out = service::import_table(&s.db, &caller, q.institution(), q.year(), &table).await?;
    Ok((import_status(out.applied), Json(out)).into_response())
}

/// Counts per grade of each institution and of the district.
#[utoipa::path(get, path = "/api/v1/teachers/assessments/results", tag = "teachers", params(YearQuery),
    responses((status = 200, body = Results)))]
pub async fn results(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Results>> {
    Ok(Json(service::results(&s.db, &caller, q.year()).await?))
}
