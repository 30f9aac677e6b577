//! JSON API under /api/v1/teachers/titles.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use platform::auth::{Access, Caller, WorkArea};
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use crate::domain::titles::{ApplicationId, ApplicationStatus, RoundId, RoundRules, RoundStatus};
use crate::service::titles::{
    self as service, ApplicationInput, Closed, NewRound, ReviewInput, RoundDetail,
};
use crate::store::titles::{self as store, Application, Quota, ReportLine, Round};

#[derive(OpenApi)]
#[openapi(
    paths(
        rounds,
        create,
        round,
        quotas,
        submit,
        eligibility,
        close,
        report,
        application,
        review
    ),
    components(schemas(
        Round,
        RoundRules,
        RoundStatus,
        NewRound,
        RoundDetail,
        Quota,
        Application,
        ApplicationStatus,
        ApplicationInput,
        ReviewInput,
        ReportLine,
        Closed,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Title evaluation rounds, newest first.
#[utoipa::path(get, path = "/api/v1/teachers/titles/rounds", tag = "teachers", responses((status = 200, body = [Round])))]
pub async fn rounds(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Round>>> {
    Ok(Json(service::rounds(&s.db, &caller).await?))
}

/// Open a round for a year (人事科); parameters default to the national ones.
#[utoipa::path(post, path = "/api/v1/teachers/titles/rounds", tag = "teachers", request_body = NewRound,
    responses((status = 201, body = Round), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NewRound>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, &input).await?)
}

/// A round with its places, applications and counts (a school sees its own).
#[utoipa::path(get, path = "/api/v1/teachers/titles/rounds/{id}", tag = "teachers",
    responses((status = 200, body = RoundDetail), (status = 404, body = ErrorBody)))]
pub async fn round(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<RoundDetail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Set places per institution and title (人事科, open rounds only).
#[utoipa::path(put, path = "/api/v1/teachers/titles/rounds/{id}/quotas", tag = "teachers", request_body = [Quota],
    responses((status = 200, body = [Quota]), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn quotas(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
    Json(q): Json<Vec<Quota>>,
) -> ApiResult<Json<Vec<Quota>>> {
    Ok(Json(service::set_quotas(&s.db, &caller, id, &q).await?))
}

/// Apply for a teacher. Each condition the records fail (a skipped level,
/// years in the title, hours, assessments, a 师德 veto) is a 422 error.
#[utoipa::path(post, path = "/api/v1/teachers/titles/rounds/{id}/applications", tag = "teachers", request_body = ApplicationInput,
    responses((status = 201, body = Application), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn submit(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
    Json(input): Json<ApplicationInput>,
) -> ApiResult<Response> {
    created(service::submit(&s.db, &caller, id, &input).await?)
}

/// The conditions a teacher would fail for a title (empty: eligible).
#[utoipa::path(post, path = "/api/v1/teachers/titles/rounds/{id}/eligibility", tag = "teachers", request_body = ApplicationInput,
    responses((status = 200, body = [String]), (status = 404, body = ErrorBody)))]
pub async fn eligibility(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
    Json(input): Json<ApplicationInput>,
) -> ApiResult<Json<Vec<String>>> {
    Ok(Json(
        service::eligibility(&s.db, &caller, id, &input).await?,
    ))
}

/// Close a round: the passes become the teachers' titles (人事科).
#[utoipa::path(post, path = "/api/v1/teachers/titles/rounds/{id}/close", tag = "teachers",
    responses((status = 200, body = Closed), (status = 409, body = ErrorBody)))]
pub async fn close(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<Closed>> {
    Ok(Json(service::close(&s.db, &caller, id).await?))
}

/// Applications by series and level with their results.
#[utoipa::path(get, path = "/api/v1/teachers/titles/rounds/{id}/report", tag = "teachers",
    responses((status = 200, body = [ReportLine]), (status = 404, body = ErrorBody)))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<Vec<ReportLine>>> {
    Ok(Json(service::report(&s.db, &caller, id).await?.1))
}

/// One application (a school's own only).
#[utoipa::path(get, path = "/api/v1/teachers/titles/applications/{id}", tag = "teachers",
    responses((status = 200, body = Application), (status = 404, body = ErrorBody)))]
pub async fn application(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicationId>,
) -> ApiResult<Json<Application>> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    Ok(Json(store::application(&s.db, &caller.scope, id).await?))
}

/// Record the review result (人事科); a pass over the institution's places
/// for the title is refused (409).
#[utoipa::path(post, path = "/api/v1/teachers/titles/applications/{id}/review", tag = "teachers", request_body = ReviewInput,
    responses((status = 200, body = Application), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicationId>,
    Json(input): Json<ReviewInput>,
) -> ApiResult<Json<Application>> {
    Ok(Json(service::review(&s.db, &caller, id, &input).await?))
}
