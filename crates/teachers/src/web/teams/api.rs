//! JSON API under /api/v1/teachers/teams (documented in /api/openapi.json).

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use crate::domain::teams::StudioId;
use crate::service::teams::{self as service, MemberInput, StudioDetail, TeamsOverview};
use crate::store::teams::{Activity, Member, NewStudio, Studio, TeamStats};

#[derive(OpenApi)]
#[openapi(
    paths(overview, create, studio, add_member, add_activity),
    components(schemas(
        TeamsOverview,
        TeamStats,
        Studio,
        NewStudio,
        StudioDetail,
        Member,
        MemberInput,
        Activity,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Studios in the caller's scope, with studios by leader level and the
/// share of full-time teachers in teams.
#[utoipa::path(get, path = "/api/v1/teachers/teams", tag = "teachers", responses((status = 200, body = TeamsOverview)))]
pub async fn overview(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<TeamsOverview>> {
    Ok(Json(service::overview(&s.db, &caller).await?))
}

/// Set up a studio (人事科 or leadership); the leader must be a 特级教师 or
/// 学科带头人 (422 otherwise).
#[utoipa::path(post, path = "/api/v1/teachers/teams", tag = "teachers", request_body = NewStudio,
    responses((status = 201, body = Studio), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewStudio>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, &n).await?)
}

/// A studio with members and activities.
#[utoipa::path(get, path = "/api/v1/teachers/teams/{id}", tag = "teachers", responses((status = 200, body = StudioDetail), (status = 404, body = ErrorBody)))]
pub async fn studio(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StudioId>,
) -> ApiResult<Json<StudioDetail>> {
    Ok(Json(service::studio(&s.db, &caller, id).await?))
}

/// Add a member (人事科 or leadership).
#[utoipa::path(post, path = "/api/v1/teachers/teams/{id}/members", tag = "teachers", request_body = MemberInput,
    responses((status = 201, body = Member), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_member(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StudioId>,
    Json(m): Json<MemberInput>,
) -> ApiResult<Response> {
    created(service::add_member(&s.db, &caller, id, &m).await?)
}

/// Record an activity (the bureau, or the host school).
#[utoipa::path(post, path = "/api/v1/teachers/teams/{id}/activities", tag = "teachers", request_body = Activity,
    responses((status = 201, body = Activity), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_activity(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<StudioId>,
    Json(a): Json<Activity>,
) -> ApiResult<Response> {
    created(service::add_activity(&s.db, &caller, id, &a).await?)
}
