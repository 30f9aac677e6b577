//! Admissions JSON API: the public submission and lookup (no account) and
//! the bureau's round operations.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use platform::auth::ClientIp;
use platform::auth::{Access, Caller, WorkArea};
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::domain::application::ApplicationInput;
use crate::domain::{AppealStatus, Placement, RoundId};
use crate::service::allocation::{self, RunReport, VerifyReport};
use crate::service::applying;
use crate::service::setup::{self, RoundInput};
use crate::store::rounds::{self, Round, RoundSchool};

#[derive(OpenApi)]
#[openapi(
    paths(
        submit,
        lookup,
        rounds_list,
        round_create,
        round_get,
        round_text,
        round_run,
        round_verify,
        round_publish
    ),
    components(schemas(
        ApplicationInput,
        Submitted,
        Lookup,
        LookupResult,
        Round,
        RoundSchool,
        RoundInput,
        TextBody,
        RunReport,
        VerifyReport,
        Placement,
        AppealStatus,
        ErrorBody
    ))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/public/rounds/{id}/applications", post(submit))
        .route("/api/v1/public/applications/lookup", post(lookup))
        .route("/api/v1/public/applications/appeal", post(appeal))
        .route(
            "/api/v1/admissions/rounds",
            get(rounds_list).post(round_create),
        )
        .route("/api/v1/admissions/rounds/{id}", get(round_get))
        .route("/api/v1/admissions/rounds/{id}/run", post(round_run))
        .route("/api/v1/admissions/rounds/{id}/verify", post(round_verify))
        .route(
            "/api/v1/admissions/rounds/{id}/publish",
            post(round_publish),
        )
        .route("/api/v1/admissions/rounds/{id}/{what}", post(round_text))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Submitted {
    pub ref_no: String,
}

/// Apply (public, no account). Rate-limited per client address.
#[utoipa::path(post, path = "/api/v1/public/rounds/{id}/applications", tag = "admissions", request_body = ApplicationInput,
    responses((status = 201, body = Submitted), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn submit(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Path(id): Path<RoundId>,
    Json(input): Json<ApplicationInput>,
) -> ApiResult<Response> {
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    state.public_limiter.check(ip)?;
    let ref_no = applying::submit(&state.db, id, &input, ip).await?;
    created(Submitted { ref_no })
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct Lookup {
    pub ref_no: String,
    pub child_id_number: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct LookupResult {
    pub ref_no: String,
    pub child_name: String,
    pub choices: Vec<String>,
    /// Published result: school name (None: no seat yet).
    pub school: Option<String>,
    /// Absent until published.
    pub how: Option<Placement>,
    /// Appeals: status and the bureau's reply.
    pub appeals: Vec<(AppealStatus, String)>,
}

/// Look up an application with its reference number (any letter case) and
/// the child's ID. Rate-limited per client address.
#[utoipa::path(post, path = "/api/v1/public/applications/lookup", tag = "admissions", request_body = Lookup, responses((status = 200, body = LookupResult), (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn lookup(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Json(l): Json<Lookup>,
) -> ApiResult<Json<LookupResult>> {
    state
        .lookup_limiter
        .check(client.as_deref().and_then(|s| s.parse().ok()))?;
    let s = applying::status(&state.db, &l.ref_no, &l.child_id_number).await?;
    Ok(Json(LookupResult {
        ref_no: s.application.ref_no,
        child_name: s.application.child_name,
        choices: s.choices.into_iter().map(|(_, n)| n).collect(),
        school: s.result.as_ref().and_then(|r| r.0.clone()),
        how: s.result.map(|r| r.1),
        appeals: s.appeals,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AppealRequest {
    pub ref_no: String,
    pub child_id_number: String,
    pub reason: String,
}

/// File an appeal after publication (public, with reference and ID).
#[utoipa::path(post, path = "/api/v1/public/applications/appeal", tag = "admissions", request_body = AppealRequest, responses((status = 201), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn appeal(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    Json(a): Json<AppealRequest>,
) -> ApiResult<Response> {
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    state.public_limiter.check(ip)?;
    let id = applying::appeal(&state.db, &a.ref_no, &a.child_id_number, &a.reason, ip).await?;
    created(serde_json::json!({ "id": id }))
}

/// Admission rounds.
#[utoipa::path(get, path = "/api/v1/admissions/rounds", tag = "admissions", responses((status = 200, body = Vec<Round>)))]
pub async fn rounds_list(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<Round>>> {
    caller.require(WorkArea::Admissions, Access::Read)?;
    Ok(Json(rounds::list(&state.db).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Create a round (times in China Standard Time, "2026-05-01 08:00").
#[utoipa::path(post, path = "/api/v1/admissions/rounds", tag = "admissions", request_body = RoundInput, responses((status = 201, body = Created), (status = 422, body = ErrorBody)))]
pub async fn round_create(
    State(state): State<AppState>,
    caller: Caller,
    Json(r): Json<RoundInput>,
) -> ApiResult<Response> {
    let id = setup::create_round(&state.db, &caller, &r).await?;
    created(serde_json::json!({ "id": id }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RoundDetail {
    pub round: Round,
    pub schools: Vec<RoundSchool>,
}

/// A round with its schools.
#[utoipa::path(get, path = "/api/v1/admissions/rounds/{id}", tag = "admissions", responses((status = 200, body = Round), (status = 404, body = ErrorBody)))]
pub async fn round_get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<RoundDetail>> {
    caller.require(WorkArea::Admissions, Access::Read)?;
    Ok(Json(RoundDetail {
        round: rounds::get(&state.db, id).await?,
        schools: rounds::schools(&state.db, id).await?,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct TextBody {
    /// schools: lines "学校标识码,学位数[,提前招生数][,民办摇号]"; catchments: lines
    /// "学校标识码,社区、社区"; seed: the seed; policy: the admission policy
    /// parents read.
    pub text: String,
}

/// Set the round's schools, catchments, seed or policy (`what` = schools,
/// catchments, seed or policy).
#[utoipa::path(post, path = "/api/v1/admissions/rounds/{id}/{what}", tag = "admissions", request_body = TextBody, responses((status = 200), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn round_text(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, what)): Path<(RoundId, String)>,
    Json(b): Json<TextBody>,
) -> ApiResult<Json<serde_json::Value>> {
    let n = match what.as_str() {
        "schools" => setup::set_schools(&state.db, &caller, id, &b.text).await?,
        "catchments" => setup::set_catchments(&state.db, &caller, id, &b.text).await?,
        "seed" => {
            setup::set_seed(&state.db, &caller, id, &b.text).await?;
            1
        }
        "policy" => {
            setup::set_policy(&state.db, &caller, id, &b.text).await?;
            1
        }
        _ => return Err(AppError::NotFound.into()),
    };
    Ok(Json(serde_json::json!({ "saved": n })))
}

/// Run the allocation once.
#[utoipa::path(post, path = "/api/v1/admissions/rounds/{id}/run", tag = "admissions", responses((status = 200, body = RunReport), (status = 409, body = ErrorBody)))]
pub async fn round_run(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<RunReport>> {
    Ok(Json(allocation::run(&state.db, &caller, id).await?))
}

/// Recompute and check the stored allocation.
#[utoipa::path(post, path = "/api/v1/admissions/rounds/{id}/verify", tag = "admissions", responses((status = 200, body = VerifyReport)))]
pub async fn round_verify(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<VerifyReport>> {
    Ok(Json(allocation::verify(&state.db, &caller, id).await?))
}

/// Publish the results to parents.
#[utoipa::path(post, path = "/api/v1/admissions/rounds/{id}/publish", tag = "admissions", responses((status = 200), (status = 409, body = ErrorBody)))]
pub async fn round_publish(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> ApiResult<Json<serde_json::Value>> {
    allocation::publish(&state.db, &caller, id).await?;
    Ok(Json(serde_json::json!({ "published": true })))
}
