//! JSON API of plans and drills under /api/v1/safety.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use chrono::Datelike;
use inspection::store::evidence::EvidenceFile;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::drills::{DrillId, DrillInput, PlanInput, ReviewState};
use crate::service::drills::{self as service, Compliance, ComplianceQuery, PlanLine};
use crate::store::drills::{Drill, Plan};

#[derive(OpenApi)]
#[openapi(
    paths(compliance, drills, log, photos, plans, save_plan),
    components(schemas(Drill, DrillInput, Plan, PlanLine, PlanInput, ReviewState, ErrorBody))
)]
pub struct ApiDoc;

/// Every institution's drills of a year against "at least two a year", by
/// township, with how many each is short.
#[utoipa::path(get, path = "/api/v1/safety/drills/compliance", tag = "safety", params(ComplianceQuery),
    responses((status = 200, body = Compliance)))]
pub async fn compliance(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ComplianceQuery>,
) -> ApiResult<Json<Compliance>> {
    Ok(Json(service::compliance(&s.db, &caller, &q).await?))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct DrillsQuery {
    /// The year (default: this year).
    year: Option<i32>,
    institution_id: Option<i64>,
}

/// The drills of a year, newest first.
#[utoipa::path(get, path = "/api/v1/safety/drills", tag = "safety", params(DrillsQuery),
    responses((status = 200, body = [Drill])))]
pub async fn drills(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<DrillsQuery>,
) -> ApiResult<Json<Vec<Drill>>> {
    let year = q.year.unwrap_or_else(|| platform::time::today().year());
    Ok(Json(
        service::drills(&s.db, &caller, year, q.institution_id).await?,
    ))
}

/// Log a drill (a school its own; the 安全科 names the school).
#[utoipa::path(post, path = "/api/v1/safety/drills", tag = "safety", request_body = DrillInput,
    responses((status = 201, body = i64, description = "the drill's id"), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn log(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<DrillInput>,
) -> ApiResult<Response> {
    created(service::log_drill(&s.db, &caller, &input, &[]).await?)
}

/// A drill's photos (download each at /inspection/evidence/{id}).
#[utoipa::path(get, path = "/api/v1/safety/drills/{id}/photos", tag = "safety", params(("id" = i64, Path)),
    responses((status = 200, body = [EvidenceFile])))]
pub async fn photos(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<DrillId>,
) -> ApiResult<Json<Vec<EvidenceFile>>> {
    Ok(Json(service::photos(&s.db, &caller, id).await?))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PlansQuery {
    institution_id: Option<i64>,
    /// Only plans past their review date.
    overdue: Option<bool>,
}

/// The plans in force (the highest version of each institution and type).
#[utoipa::path(get, path = "/api/v1/safety/plans", tag = "safety", params(PlansQuery),
    responses((status = 200, body = [PlanLine])))]
pub async fn plans(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<PlansQuery>,
) -> ApiResult<Json<Vec<PlanLine>>> {
    let overdue = q.overdue == Some(true);
    Ok(Json(
        service::plans(&s.db, &caller, q.institution_id, overdue).await?,
    ))
}

/// Record a new version of a plan.
#[utoipa::path(post, path = "/api/v1/safety/plans", tag = "safety", request_body = PlanInput,
    responses((status = 201, body = i64, description = "the plan's id"), (status = 422, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn save_plan(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<PlanInput>,
) -> ApiResult<Response> {
    created(service::save_plan(&s.db, &caller, &input).await?)
}
