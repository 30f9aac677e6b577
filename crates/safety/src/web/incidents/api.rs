//! JSON API under /api/v1/safety/incidents and /api/v1/safety/epidemics
//! (documented in /api/openapi.json).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::incidents::{
    Disease, EpidemicId, EpidemicInput, EpidemicReport, IncidentId, IncidentInput, IncidentKind,
    IncidentStatus,
};
use crate::service::incidents::epidemics::{
    self, DailyView, EpidemicDetail, InstitutionDays, NewEpidemic, OnDate,
};
use crate::service::incidents::{self as service, Advance, IncidentList, KindTotals, NewIncident};
use crate::store::incidents::epidemics::{DailyReport, Epidemic};
use crate::store::incidents::{Incident, IncidentFilter, KindCount};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        create,
        incident,
        advance,
        epidemics,
        open_epidemic,
        daily,
        epidemic,
        report,
        activate_plan,
        close
    ),
    components(schemas(
        Incident,
        IncidentList,
        KindCount,
        KindTotals,
        NewIncident,
        IncidentInput,
        IncidentKind,
        IncidentStatus,
        Advance,
        Epidemic,
        EpidemicDetail,
        DailyReport,
        NewEpidemic,
        EpidemicInput,
        EpidemicReport,
        Disease,
        OnDate,
        DailyView,
        InstitutionDays,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Incidents in the caller's scope by period (`from`, `to`: the days they
/// happened), type, township, school and status, with counts by type.
#[utoipa::path(get, path = "/api/v1/safety/incidents", tag = "safety", params(IncidentFilter),
    responses((status = 200, body = IncidentList)))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<IncidentFilter>,
) -> ApiResult<Json<IncidentList>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// Report an incident (a school its own; the 安全科 any institution's).
#[utoipa::path(post, path = "/api/v1/safety/incidents", tag = "safety", request_body = NewIncident,
    responses((status = 201, body = Incident), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewIncident>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, &n).await?)
}

#[utoipa::path(get, path = "/api/v1/safety/incidents/{id}", tag = "safety",
    responses((status = 200, body = Incident), (status = 404, body = ErrorBody)))]
pub async fn incident(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<IncidentId>,
) -> ApiResult<Json<Incident>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// Move an incident one step on (报告 → 处置中 → 结案; closing needs the
/// follow-up).
#[utoipa::path(post, path = "/api/v1/safety/incidents/{id}/status", tag = "safety", request_body = Advance,
    responses((status = 200, body = Incident), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn advance(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<IncidentId>,
    Json(a): Json<Advance>,
) -> ApiResult<Json<Incident>> {
    Ok(Json(service::advance(&s.db, &caller, id, &a).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct OpenOnly {
    /// Only events not ended.
    pub open: Option<bool>,
}

/// Epidemic events in the caller's scope, open ones first.
#[utoipa::path(get, path = "/api/v1/safety/epidemics", tag = "safety", params(OpenOnly),
    responses((status = 200, body = [Epidemic])))]
pub async fn epidemics(
    State(s): State<AppState>,
    caller: Caller,
    Query(o): Query<OpenOnly>,
) -> ApiResult<Json<Vec<Epidemic>>> {
    Ok(Json(
        epidemics::list(&s.db, &caller, o.open == Some(true)).await?,
    ))
}

/// Report a new epidemic event (409 while the school has an open one).
#[utoipa::path(post, path = "/api/v1/safety/epidemics", tag = "safety", request_body = NewEpidemic,
    responses((status = 201, body = EpidemicDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn open_epidemic(
    State(s): State<AppState>,
    caller: Caller,
    Json(n): Json<NewEpidemic>,
) -> ApiResult<Response> {
    created(epidemics::open(&s.db, &caller, &n).await?)
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Days {
    /// Days up to today (14 when left out, at most 90).
    pub days: Option<i64>,
}

/// New cases by institution and day.
#[utoipa::path(get, path = "/api/v1/safety/epidemics/daily", tag = "safety", params(Days),
    responses((status = 200, body = DailyView)))]
pub async fn daily(
    State(s): State<AppState>,
    caller: Caller,
    Query(d): Query<Days>,
) -> ApiResult<Json<DailyView>> {
    Ok(Json(
        epidemics::daily(&s.db, &caller, d.days.unwrap_or(14)).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/safety/epidemics/{id}", tag = "safety",
    responses((status = 200, body = EpidemicDetail), (status = 404, body = ErrorBody)))]
pub async fn epidemic(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<EpidemicId>,
) -> ApiResult<Json<EpidemicDetail>> {
    Ok(Json(epidemics::get(&s.db, &caller, id).await?))
}

/// A day's report (one a day; 409 for a second).
#[utoipa::path(post, path = "/api/v1/safety/epidemics/{id}/reports", tag = "safety", request_body = EpidemicReport,
    responses((status = 201, body = EpidemicDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<EpidemicId>,
    Json(r): Json<EpidemicReport>,
) -> ApiResult<Response> {
    created(epidemics::report(&s.db, &caller, id, &r).await?)
}

/// 启动应急预案 on a day (today when left out).
#[utoipa::path(post, path = "/api/v1/safety/epidemics/{id}/plan", tag = "safety", request_body = OnDate,
    responses((status = 200, body = EpidemicDetail), (status = 409, body = ErrorBody)))]
pub async fn activate_plan(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<EpidemicId>,
    Json(on): Json<OnDate>,
) -> ApiResult<Json<EpidemicDetail>> {
    Ok(Json(
        epidemics::activate_plan(&s.db, &caller, id, &on).await?,
    ))
}

/// End the event (only once the observation days after the last case passed).
#[utoipa::path(post, path = "/api/v1/safety/epidemics/{id}/close", tag = "safety", request_body = OnDate,
    responses((status = 200, body = EpidemicDetail), (status = 422, body = ErrorBody)))]
pub async fn close(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<EpidemicId>,
    Json(on): Json<OnDate>,
) -> ApiResult<Json<EpidemicDetail>> {
    Ok(Json(epidemics::close(&s.db, &caller, id, &on).await?))
}
