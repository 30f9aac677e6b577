//! JSON API under /api/v1/teachers/recruitment.

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::read_table;
use platform::web::json::created;
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use utoipa::OpenApi;

use crate::domain::recruitment::{
    ApplicantId, ApplicantInput, PlanId, PlanInput, PostId, PostInput, ScoresInput,
};
use crate::service::recruitment::{
    self as svc, HireRequest, PlanDetail, PostRanking, Ranked, RecruitmentReader, ScoreImport,
};
use crate::store::recruitment::{ApplicantRow, PlanRow, PostRow};

#[derive(OpenApi)]
#[openapi(
    paths(
        plans,
        create_plan,
        plan,
        add_post,
        import_scores,
        post,
        add_applicant,
        hire,
        set_scores
    ),
    components(schemas(
        PlanRow,
        PostRow,
        ApplicantRow,
        PlanDetail,
        PostRanking,
        Ranked,
        PlanInput,
        PostInput,
        ApplicantInput,
        ScoresInput,
        HireRequest,
        ScoreImport,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// 招聘计划: every plan (an institution: those with a post of its own).
#[utoipa::path(get, path = "/api/v1/teachers/recruitment/plans", tag = "teachers", responses((status = 200, body = [PlanRow])))]
pub async fn plans(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<PlanRow>>> {
    Ok(Json(RecruitmentReader::of(&s.db, &caller)?.plans().await?))
}

/// A new plan (人事科). Weights must sum to 100: 422 in Chinese otherwise.
#[utoipa::path(post, path = "/api/v1/teachers/recruitment/plans", tag = "teachers", request_body = PlanInput,
    responses((status = 201, body = PlanRow), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create_plan(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<PlanInput>,
) -> ApiResult<Response> {
    created(svc::create_plan(&s.db, &caller, &input).await?)
}

/// A plan and the caller's posts of it.
#[utoipa::path(get, path = "/api/v1/teachers/recruitment/plans/{id}", tag = "teachers",
    responses((status = 200, body = PlanDetail), (status = 404, body = ErrorBody)))]
pub async fn plan(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PlanId>,
) -> ApiResult<Json<PlanDetail>> {
    Ok(Json(RecruitmentReader::of(&s.db, &caller)?.plan(id).await?))
}

/// A post of the plan (人事科).
#[utoipa::path(post, path = "/api/v1/teachers/recruitment/plans/{id}/posts", tag = "teachers", request_body = PostInput,
    responses((status = 201, body = PostRow), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_post(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PlanId>,
    Json(input): Json<PostInput>,
) -> ApiResult<Response> {
    created(svc::add_post(&s.db, &caller, id, &input).await?)
}

/// Scores from a spreadsheet (multipart field `file`; columns 身份证件号,
/// 姓名, 笔试成绩, 面试成绩): all rows, or none with every row's problem (422).
#[utoipa::path(post, path = "/api/v1/teachers/recruitment/plans/{id}/scores", tag = "teachers",
    responses((status = 200, body = ScoreImport), (status = 422, body = ScoreImport), (status = 400, body = ErrorBody)))]
pub async fn import_scores(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PlanId>,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = read_upload(mp).await?;
    let table = read_table(&up.bytes, &up.filename, None)
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let outcome = svc::import_scores(&s.db, &caller, id, &table).await?;
    Ok((import_status(outcome.applied), Json(outcome)).into_response())
}

/// A post with its applicants ranked (national IDs masked for roles
/// without full view; the view is audited).
#[utoipa::path(get, path = "/api/v1/teachers/recruitment/posts/{id}", tag = "teachers",
    responses((status = 200, body = PostRanking), (status = 404, body = ErrorBody)))]
pub async fn post(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PostId>,
) -> ApiResult<Json<PostRanking>> {
    Ok(Json(RecruitmentReader::of(&s.db, &caller)?.post(id).await?))
}

/// An applicant of the post (人事科); the national ID's check digit and the
/// certificate's stage are checked.
#[utoipa::path(post, path = "/api/v1/teachers/recruitment/posts/{id}/applicants", tag = "teachers", request_body = ApplicantInput,
    responses((status = 201, body = ApplicantRow), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_applicant(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PostId>,
    Json(input): Json<ApplicantInput>,
) -> ApiResult<Response> {
    created(svc::add_applicant(&s.db, &caller, id, &input).await?)
}

/// Hires (人事科): each becomes a staff record with an open appointment.
/// Returns the new staff ids.
#[utoipa::path(post, path = "/api/v1/teachers/recruitment/posts/{id}/hires", tag = "teachers", request_body = HireRequest,
    responses((status = 201, body = [i64]), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn hire(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PostId>,
    Json(req): Json<HireRequest>,
) -> ApiResult<Response> {
    created(svc::hire(&s.db, &caller, id, &req).await?)
}

/// An applicant's scores (人事科); a hired applicant's are kept (409).
#[utoipa::path(put, path = "/api/v1/teachers/recruitment/applicants/{id}/scores", tag = "teachers", request_body = ScoresInput,
    responses((status = 200, body = ApplicantRow), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_scores(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicantId>,
    Json(input): Json<ScoresInput>,
) -> ApiResult<Json<ApplicantRow>> {
    Ok(Json(svc::set_scores(&s.db, &caller, id, &input).await?))
}
