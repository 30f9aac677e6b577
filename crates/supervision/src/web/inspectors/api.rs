//! JSON API under /api/v1/supervision (documented in /api/openapi.json):
//! the roster, an inspector's own institutions and visits, an
//! institution's inspectors and visits, a new assignment, visits.

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

use super::pages::PeriodQuery;
use crate::domain::inspectors::{Covered, Unvisited, VisitId};
use crate::service::inspectors::visits::{self as visits, OrderInput, VisitDetail, VisitInput};
use crate::service::inspectors::{self as service, AssignInput, InstitutionPage, Mine, Roster};
use crate::store::inspectors::visits::{Visit, VisitFilter};
use crate::store::inspectors::Assignment;

#[derive(OpenApi)]
#[openapi(
    paths(roster, mine, institution, assign, visits, record, visit),
    components(schemas(
        Roster,
        Covered,
        Unvisited,
        Mine,
        InstitutionPage,
        Assignment,
        AssignInput,
        Visit,
        VisitInput,
        OrderInput,
        VisitDetail,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Every supervised institution in scope with its responsible inspector
/// and last visit, and those not visited in the period (`period`: `month`
/// or `term`, the default) by inspector.
#[utoipa::path(get, path = "/api/v1/supervision/roster", tag = "supervision",
    params(("period" = Option<String>, Query, description = "month 或 term")),
    responses((status = 200, body = Roster)))]
pub async fn roster(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<PeriodQuery>,
) -> ApiResult<Json<Roster>> {
    Ok(Json(service::roster(&s.db, &caller, q.period()).await?))
}

/// An inspector's own institutions (this month's coverage) and visits;
/// 403 for accounts that are not inspectors.
#[utoipa::path(get, path = "/api/v1/supervision/mine", tag = "supervision",
    responses((status = 200, body = Mine), (status = 403, body = ErrorBody)))]
pub async fn mine(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Mine>> {
    Ok(Json(service::mine(&s.db, &caller).await?))
}

/// An institution's responsible inspectors (current first) and visits.
#[utoipa::path(get, path = "/api/v1/supervision/institutions/{id}", tag = "supervision",
    responses((status = 200, body = InstitutionPage), (status = 404, body = ErrorBody)))]
pub async fn institution(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<InstitutionPage>> {
    Ok(Json(service::institution(&s.db, &caller, id).await?))
}

/// Assign a responsible inspector (an inspector account, or an external
/// inspector's name and phone) from a day; the current one ends the day
/// before. A start not after the current one's is refused with 422.
#[utoipa::path(post, path = "/api/v1/supervision/institutions/{id}/assignments", tag = "supervision",
    request_body = AssignInput,
    responses((status = 201, body = Assignment), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn assign(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(input): Json<AssignInput>,
) -> ApiResult<Response> {
    created(service::assign(&s.db, &caller, id, &input).await?)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct VisitQuery {
    institution_id: Option<i64>,
    period: String,
}

/// Visits in scope, newest first (at most 200): of one institution, and
/// since the start of this `month` or `term`, when asked.
#[utoipa::path(get, path = "/api/v1/supervision/visits", tag = "supervision",
    params(("institution_id" = Option<i64>, Query, description = "单位编号"),
        ("period" = Option<String>, Query, description = "month 或 term")),
    responses((status = 200, body = [Visit])))]
pub async fn visits(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<VisitQuery>,
) -> ApiResult<Json<Vec<Visit>>> {
    let filter = VisitFilter {
        institution_id: q.institution_id,
        since: crate::domain::inspectors::Period::parse(&q.period)
            .map(|p| p.start(platform::time::today())),
        ..VisitFilter::default()
    };
    Ok(Json(visits::list(&s.db, &caller, filter).await?))
}

/// Record a visit; with `order`, its findings become a rectification order
/// (整改通知书) in the same transaction. A future date, an unknown focus, an
/// order without findings or with a past deadline is refused with 422.
#[utoipa::path(post, path = "/api/v1/supervision/visits", tag = "supervision", request_body = VisitInput,
    responses((status = 201, body = Visit), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn record(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<VisitInput>,
) -> ApiResult<Response> {
    created(visits::record(&s.db, &caller, &input, &[]).await?)
}

/// A visit with its evidence files and its order.
#[utoipa::path(get, path = "/api/v1/supervision/visits/{id}", tag = "supervision",
    responses((status = 200, body = VisitDetail), (status = 404, body = ErrorBody)))]
pub async fn visit(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<VisitId>,
) -> ApiResult<Json<VisitDetail>> {
    Ok(Json(visits::detail(&s.db, &caller, id).await?))
}
