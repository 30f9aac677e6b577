//! JSON API under /api/v1/aid (documented in /api/openapi.json).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::{
    ApplicationId, ApplicationStatus, BatchId, BatchStatus, LedgerLineId, ProgramId, ProgramInput,
    TermInput,
};
use crate::service::applications::{ApplicationInput, Decision};
use crate::service::batch_view::{self, BatchDetail};
use crate::service::benefits::{self, StudentAid};
use crate::service::corrections::ReverseRequest;
use crate::service::reader::AidReader;
use crate::service::runs::{ProgramTotal, RunOutcome, RunRequest};
use crate::service::settings::{self as aid_settings, AidSettings};
use crate::service::{applications as apps, corrections, programs as progs, runs as svc};
use crate::store::applications::ApplicationRow;
use crate::store::ledger::{ConflictLine, LedgerLine};
use crate::store::reports::{BudgetRow, ProgramSum, ReportFilter, ReportRow};
use crate::store::{BatchRow, Program};
use students::store::students::StudentId;

#[derive(OpenApi)]
#[openapi(
    paths(
        programs,
        program,
        create_program,
        update_program,
        runs,
        run,
        batch,
        approve,
        discard,
        pay,
        reverse,
        settings,
        change_settings,
        applications,
        application,
        apply,
        decide,
        report,
        budget,
        student_aid
    ),
    components(schemas(
        Program,
        ProgramInput,
        TermInput,
        RunRequest,
        RunOutcome,
        ProgramTotal,
        BatchRow,
        BatchStatus,
        ApplicationStatus,
        BatchDetail,
        ProgramSum,
        LedgerLine,
        ConflictLine,
        ReverseRequest,
        ApplicationInput,
        ApplicationRow,
        Decision,
        ReportRow,
        BudgetRow,
        StudentAid,
        ProgramUpdate,
        AidSettings,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Aid programs.
#[utoipa::path(get, path = "/api/v1/aid/programs", tag = "aid", responses((status = 200, body = [Program])))]
pub async fn programs(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Program>>> {
    Ok(Json(progs::list(&s.db, &caller).await?))
}

/// One aid program.
#[utoipa::path(get, path = "/api/v1/aid/programs/{id}", tag = "aid", responses((status = 200, body = Program), (status = 404, body = ErrorBody)))]
pub async fn program(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProgramId>,
) -> ApiResult<Json<Program>> {
    Ok(Json(progs::get(&s.db, &caller, id).await?))
}

/// Define a program (bureau only). Contradictory conditions, a missing or
/// extra stage amount, a negative or non-numeric amount: 422 in Chinese.
#[utoipa::path(post, path = "/api/v1/aid/programs", tag = "aid", request_body = ProgramInput,
    responses((status = 201, body = Program), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create_program(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<ProgramInput>,
) -> ApiResult<Response> {
    let p = progs::create(&s.db, &caller, &input).await?;
    created(p)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProgramUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub input: ProgramInput,
}

/// Change a program for future runs (409 if someone saved since `version`).
#[utoipa::path(put, path = "/api/v1/aid/programs/{id}", tag = "aid", request_body = ProgramUpdate,
    responses((status = 200, body = Program), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_program(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProgramId>,
    Json(req): Json<ProgramUpdate>,
) -> ApiResult<Json<Program>> {
    Ok(Json(
        progs::update(&s.db, &caller, id, req.version, &req.input).await?,
    ))
}

/// Batches, newest first.
#[utoipa::path(get, path = "/api/v1/aid/runs", tag = "aid", responses((status = 200, body = [BatchRow])))]
pub async fn runs(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<BatchRow>>> {
    Ok(Json(batch_view::list(&s.db, &caller).await?))
}

/// Compute a term's eligibility run into a draft batch (bureau only). 409
/// if the term's programs are already approved or paid.
#[utoipa::path(post, path = "/api/v1/aid/runs", tag = "aid", request_body = RunRequest,
    responses((status = 201, body = RunOutcome), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn run(
    State(s): State<AppState>,
    caller: Caller,
    Json(req): Json<RunRequest>,
) -> ApiResult<Response> {
    let out = svc::run(&s.db, &caller, &req).await?;
    created(out)
}

#[utoipa::path(get, path = "/api/v1/aid/runs/{id}", tag = "aid", responses((status = 200, body = BatchDetail), (status = 404, body = ErrorBody)))]
pub async fn batch(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> ApiResult<Json<BatchDetail>> {
    Ok(Json(batch_view::detail(&s.db, &caller, id, 200).await?))
}

/// Approve a draft batch (leadership, 资助中心 or 计财科).
#[utoipa::path(post, path = "/api/v1/aid/runs/{id}/approve", tag = "aid", responses((status = 200, body = BatchRow), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn approve(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> ApiResult<Json<BatchRow>> {
    Ok(Json(svc::approve(&s.db, &caller, id).await?))
}

/// Discard (放弃) a draft batch, a run or a correction: its lines go, the
/// batch stays as discarded.
#[utoipa::path(post, path = "/api/v1/aid/runs/{id}/discard", tag = "aid", responses((status = 200, body = BatchRow), (status = 409, body = ErrorBody)))]
pub async fn discard(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> ApiResult<Json<BatchRow>> {
    Ok(Json(svc::discard(&s.db, &caller, id).await?))
}

/// The aid settings of the bureau.
#[utoipa::path(get, path = "/api/v1/aid/settings", tag = "aid", responses((status = 200, body = AidSettings)))]
pub async fn settings(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<AidSettings>> {
    Ok(Json(aid_settings::get(&s.db, &caller).await?))
}

/// Change the aid settings (leadership or 资助中心; audited).
#[utoipa::path(put, path = "/api/v1/aid/settings", tag = "aid", request_body = AidSettings,
    responses((status = 200, body = AidSettings), (status = 403, body = ErrorBody)))]
pub async fn change_settings(
    State(s): State<AppState>,
    caller: Caller,
    Json(new): Json<AidSettings>,
) -> ApiResult<Json<AidSettings>> {
    Ok(Json(aid_settings::set(&s.db, &caller, &new).await?))
}

/// Record an approved batch as paid.
#[utoipa::path(post, path = "/api/v1/aid/runs/{id}/pay", tag = "aid", responses((status = 200, body = BatchRow), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn pay(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<BatchId>,
) -> ApiResult<Json<BatchRow>> {
    Ok(Json(svc::pay(&s.db, &caller, id).await?))
}

/// Reverse a paid ledger row (and optionally pay it again at the right
/// amount) in a new correction batch.
#[utoipa::path(post, path = "/api/v1/aid/ledger/{id}/reverse", tag = "aid", request_body = ReverseRequest,
    responses((status = 201, body = BatchRow), (status = 409, body = ErrorBody)))]
pub async fn reverse(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<LedgerLineId>,
    Json(req): Json<ReverseRequest>,
) -> ApiResult<Response> {
    let b = corrections::reverse(&s.db, &caller, id, &req).await?;
    created(b)
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct AppFilter {
    pub status: Option<String>,
    /// Page of 500, from 1.
    pub page: Option<i64>,
}

/// Applications (a school sees its own); an unknown status is 422.
#[utoipa::path(get, path = "/api/v1/aid/applications", tag = "aid", params(AppFilter), responses((status = 200, body = [ApplicationRow]), (status = 422, body = ErrorBody)))]
pub async fn applications(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<AppFilter>,
) -> ApiResult<Json<Vec<ApplicationRow>>> {
    // An unknown status is a mistake in the request, not an empty answer.
    let status = f
        .status
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(|s| {
            ApplicationStatus::parse(s).ok_or_else(|| {
                let known: Vec<&str> = ApplicationStatus::ALL.iter().map(|s| s.as_str()).collect();
                AppError::invalid(
                    "status",
                    format!("申请状态“{s}”无效，应为 {} 之一", known.join("、")),
                )
            })
        })
        .transpose()?;
    let found = AidReader::of(&s.db, &caller)?
        .applications(status, f.page.unwrap_or(1), 500)
        .await?;
    Ok(Json(found.items))
}

/// One application; another school's is not found (404).
#[utoipa::path(get, path = "/api/v1/aid/applications/{id}", tag = "aid", responses((status = 200, body = ApplicationRow), (status = 404, body = ErrorBody)))]
pub async fn application(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicationId>,
) -> ApiResult<Json<ApplicationRow>> {
    Ok(Json(AidReader::of(&s.db, &caller)?.application(id).await?))
}

/// Submit an application with its documents.
#[utoipa::path(post, path = "/api/v1/aid/applications", tag = "aid", request_body = ApplicationInput,
    responses((status = 201, body = ApplicationRow), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn apply(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<ApplicationInput>,
) -> ApiResult<Response> {
    let a = apps::submit(&s.db, &caller, &input).await?;
    created(a)
}

/// School review (submitted → school_approved) or bureau approval
/// (school_approved → approved); `approve: false` rejects.
#[utoipa::path(post, path = "/api/v1/aid/applications/{id}/decision", tag = "aid", request_body = Decision,
    responses((status = 200, body = ApplicationRow), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decide(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicationId>,
    Json(d): Json<Decision>,
) -> ApiResult<Json<ApplicationRow>> {
    Ok(Json(apps::decide(&s.db, &caller, id, &d).await?))
}

/// Totals by program, institution, township, stage or term.
#[utoipa::path(get, path = "/api/v1/aid/reports", tag = "aid", params(ReportFilter), responses((status = 200, body = [ReportRow])))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<ReportFilter>,
) -> ApiResult<Json<Vec<ReportRow>>> {
    Ok(Json(AidReader::of(&s.db, &caller)?.totals(&f).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct YearQuery {
    pub school_year: i64,
}

/// Budget and use per program in a school year.
#[utoipa::path(get, path = "/api/v1/aid/reports/budget", tag = "aid", params(YearQuery), responses((status = 200, body = [BudgetRow])))]
pub async fn budget(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> ApiResult<Json<Vec<BudgetRow>>> {
    Ok(Json(
        AidReader::of(&s.db, &caller)?.budget(q.school_year).await?,
    ))
}

/// A student's benefits; a school sees only its own students (404 otherwise).
#[utoipa::path(get, path = "/api/v1/students/{id}/aid", tag = "aid", responses((status = 200, body = StudentAid), (status = 404, body = ErrorBody)))]
pub async fn student_aid(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> ApiResult<Json<StudentAid>> {
    Ok(Json(benefits::of_student(&s.db, &caller, id).await?))
}
