//! JSON API of student records under /api/v1.

use std::collections::HashMap;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use platform::auth::{Access, Caller, WorkArea};
use platform::error::ErrorBody;
use platform::excel::XLSX_MIME;
use platform::web::{file_response, AppState};
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::files;
use crate::domain::ids::TransferId;
use crate::reader::StudentsReader;
use crate::service::import::{import, Mode, Outcome, Progress};
use crate::service::lifecycle::{self, Step, StepDetails, TransferRequest};
use crate::store::enrolments::{self, EnrolmentRow, TransferRow};
use crate::store::students::{StudentFilter, StudentId, StudentPage, StudentRecord, StudentRow};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        get_one,
        admit,
        history,
        step,
        transfer,
        transfers,
        decide,
        import_file,
        export
    ),
    components(schemas(
        StudentRecord,
        StudentRow,
        StudentPage,
        EnrolmentRow,
        TransferRow,
        Outcome,
        AdmitRequest,
        TransferRequest,
        StepDetails,
        DecideRequest,
        ErrorBody
    ))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/students", get(list).post(admit))
        .route("/api/v1/students/import", post(import_file))
        .route("/api/v1/students/export", get(export))
        .route("/api/v1/students/{id}", get(get_one))
        .route("/api/v1/students/{id}/enrolments", get(history))
        .route("/api/v1/students/{id}/transfer", post(transfer))
        .route("/api/v1/students/{id}/{step}", post(step))
        .route("/api/v1/transfers", get(transfers))
        .route("/api/v1/transfers/{id}/{decision}", post(decide))
}

/// Currently enrolled students, filtered and paged; ID numbers masked
/// unless the role may see them.
#[utoipa::path(get, path = "/api/v1/students", tag = "students", params(StudentFilter), responses((status = 200, body = StudentPage)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<StudentFilter>,
) -> ApiResult<Json<StudentPage>> {
    Ok(Json(
        StudentsReader::of(&state.db, &caller)?.list(&f).await?,
    ))
}

/// One student's record (the view is audited).
#[utoipa::path(get, path = "/api/v1/students/{id}", tag = "students", responses((status = 200, body = StudentRecord), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> ApiResult<Json<StudentRecord>> {
    Ok(Json(
        StudentsReader::of(&state.db, &caller)?.record(id).await?,
    ))
}

/// A new student: template headers (姓名, 身份证件号, 学校标识码, 年级, …) to values.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AdmitRequest {
    pub values: HashMap<String, String>,
}

/// Admit a student (新生入学/插班).
#[utoipa::path(post, path = "/api/v1/students", tag = "students", request_body = AdmitRequest, responses((status = 201, body = StudentRecord), (status = 422, body = ErrorBody)))]
pub async fn admit(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<AdmitRequest>,
) -> ApiResult<Response> {
    let pairs: Vec<(&str, &str)> = req
        .values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let values = crate::domain::student::values_from_pairs(&pairs);
    let s = lifecycle::admit(&state.db, &caller, &values).await?;
    let s = StudentsReader::of(&state.db, &caller)?.written(s);
    Ok((StatusCode::CREATED, Json(s)).into_response())
}

/// The student's enrolments, oldest first.
#[utoipa::path(get, path = "/api/v1/students/{id}/enrolments", tag = "students", responses((status = 200, body = Vec<EnrolmentRow>), (status = 404, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> ApiResult<Json<Vec<EnrolmentRow>>> {
    Ok(Json(
        StudentsReader::of(&state.db, &caller)?.history(id).await?,
    ))
}

/// suspend, resume, graduate or dropout (with cause and responsible person).
#[utoipa::path(post, path = "/api/v1/students/{id}/{step}", tag = "students", request_body = StepDetails, responses((status = 200, body = StudentRecord), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn step(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, step)): Path<(StudentId, String)>,
    body: Option<Json<StepDetails>>,
) -> ApiResult<Json<StudentRecord>> {
    let step = Step::from_path(&step)?;
    let details = body.map(|b| b.0).unwrap_or_default();
    let s = lifecycle::apply_step(&state.db, &caller, id, step, &details).await?;
    Ok(Json(StudentsReader::of(&state.db, &caller)?.written(s)))
}

/// Ask to transfer the student out to another institution.
#[utoipa::path(post, path = "/api/v1/students/{id}/transfer", tag = "students", request_body = TransferRequest, responses((status = 201, body = TransferRow), (status = 404, body = ErrorBody)))]
pub async fn transfer(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Json(req): Json<TransferRequest>,
) -> ApiResult<Response> {
    let tid = lifecycle::request_transfer(&state.db, &caller, id, &req).await?;
    let rows = enrolments::transfers(&state.db, &caller.scope, None).await?;
    let row = rows
        .into_iter()
        .find(|t| t.id == tid)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row)).into_response())
}

/// Transfers that involve the caller's institution (all for the bureau).
#[utoipa::path(get, path = "/api/v1/transfers", tag = "students", responses((status = 200, body = Vec<TransferRow>)))]
pub async fn transfers(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<TransferRow>>> {
    caller.require(WorkArea::Students, Access::Read)?;
    Ok(Json(
        enrolments::transfers(&state.db, &caller.scope, None).await?,
    ))
}

/// The receiving institution confirms (`confirm`) or refuses (`refuse`).
#[utoipa::path(post, path = "/api/v1/transfers/{id}/{decision}", tag = "students", request_body = DecideRequest, responses((status = 200, body = TransferRow), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, decision)): Path<(TransferId, String)>,
    Json(req): Json<DecideRequest>,
) -> ApiResult<Json<TransferRow>> {
    let confirm = lifecycle::transfer_decision(&decision)?;
    Ok(Json(
        lifecycle::decide_transfer(&state.db, &caller, id, confirm, &req.class_name).await?,
    ))
}

/// The class a confirmed pupil joins; blank leaves them 待分班.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DecideRequest {
    pub class_name: String,
}

/// Import a file (multipart `file`; `valid_only=1` to skip bad rows). 422
/// with every bad row when nothing was imported.
#[utoipa::path(post, path = "/api/v1/students/import", tag = "students", responses((status = 200, body = Outcome), (status = 422, body = Outcome)))]
pub async fn import_file(
    State(state): State<AppState>,
    caller: Caller,
    mp: Multipart,
) -> ApiResult<Response> {
    caller.require(WorkArea::Students, Access::Write)?;
    let up = platform::web::upload::read_upload(mp).await?;
    let mode = if up.valid_only {
        Mode::ValidRowsOnly
    } else {
        Mode::AllOrNothing
    };
    let source = crate::service::import::source_of_upload(up.filename, up.bytes);
    let o = import(&state.db, &caller, source, mode, &Progress::default()).await?;
    Ok(super::view::import_response(o.applied, o))
}

/// The filtered list as .xlsx (ID numbers masked unless the role may see them).
#[utoipa::path(get, path = "/api/v1/students/export", tag = "students", params(StudentFilter), responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))]
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<StudentFilter>,
) -> ApiResult<Response> {
    Ok(file_response(
        "学生名单.xlsx",
        XLSX_MIME,
        files::export_bytes(&state, &caller, &f).await?,
    ))
}
