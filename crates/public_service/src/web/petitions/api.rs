//! JSON API under /api/v1/public/petitions (documented in
//! /api/openapi.json): cases, their steps and the statistics.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use chrono::NaiveDate;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::domain::petitions::{PetitionId, PetitionInput, Status};
use crate::service::petitions::stats::{self, PetitionLine, PetitionStats};
use crate::service::petitions::{
    self as service, CaseAssignment, CaseView, Publication, Reply, StepReason,
};
use crate::store::petitions::{Petition, PetitionFilter};

#[derive(OpenApi)]
#[openapi(
    paths(
        list, detail, register, assign, reject, draft, approve, extend, publish, statistics
    ),
    components(schemas(
        Petition,
        CaseView,
        PetitionInput,
        Registered,
        CaseAssignment,
        StepReason,
        Reply,
        Publication,
        Moved,
        PetitionStats,
        PetitionLine,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The cases the caller reaches that pass the filters, newest first (at
/// most 500), without personal data.
#[utoipa::path(get, path = "/api/v1/public/petitions", tag = "public", params(PetitionFilter),
    responses((status = 200, body = [Petition])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<PetitionFilter>,
) -> ApiResult<Json<Vec<Petition>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// One case: in full for those handling it (the view is audited), masked
/// for other readers.
#[utoipa::path(get, path = "/api/v1/public/petitions/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = CaseView), (status = 404, body = ErrorBody)))]
pub async fn detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
) -> ApiResult<Json<CaseView>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// A case registered: its reference and the query code for the writer.
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct Registered {
    pub id: PetitionId,
    pub ref_no: String,
    pub query_code: String,
}

/// Registers a letter, visit or call (办公室).
#[utoipa::path(post, path = "/api/v1/public/petitions", tag = "public", request_body = PetitionInput,
    responses((status = 201, body = Registered), (status = 422, body = ErrorBody)))]
pub async fn register(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<PetitionInput>,
) -> ApiResult<Response> {
    let (id, ref_no, query_code) = service::register(&s.db, &caller, &input).await?;
    created(Registered {
        id,
        ref_no,
        query_code,
    })
}

/// A case's status after a step.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Moved {
    pub status: Status,
}

fn moved(status: Status) -> Json<Moved> {
    Json(Moved { status })
}

/// 受理: assigns the case to a section (办公室).
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/assign", tag = "public", params(("id" = i64, Path)),
    request_body = CaseAssignment, responses((status = 200, body = Moved), (status = 409, body = ErrorBody)))]
pub async fn assign(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Json(a): Json<CaseAssignment>,
) -> ApiResult<Json<Moved>> {
    Ok(moved(service::assign(&s.db, &caller, id, &a).await?))
}

/// 不予受理, with a reason (办公室).
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/reject", tag = "public", params(("id" = i64, Path)),
    request_body = StepReason, responses((status = 200, body = Moved), (status = 409, body = ErrorBody)))]
pub async fn reject(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Json(r): Json<StepReason>,
) -> ApiResult<Json<Moved>> {
    Ok(moved(service::reject(&s.db, &caller, id, &r).await?))
}

/// Drafts the reply (the handling section).
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/draft", tag = "public", params(("id" = i64, Path)),
    request_body = Reply, responses((status = 200, body = Moved), (status = 409, body = ErrorBody)))]
pub async fn draft(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Json(r): Json<Reply>,
) -> ApiResult<Json<Moved>> {
    Ok(moved(service::draft(&s.db, &caller, id, &r).await?))
}

/// Approves the draft and sends the reply; refused to its own author.
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/approve", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = Moved), (status = 409, body = ErrorBody)))]
pub async fn approve(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
) -> ApiResult<Json<Moved>> {
    Ok(moved(service::approve(&s.db, &caller, id).await?))
}

/// Extends the reply deadline once, with a reason.
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/extend", tag = "public", params(("id" = i64, Path)),
    request_body = StepReason, responses((status = 200, body = Moved), (status = 409, body = ErrorBody)))]
pub async fn extend(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Json(r): Json<StepReason>,
) -> ApiResult<Json<Moved>> {
    Ok(moved(service::extend(&s.db, &caller, id, &r).await?))
}

/// Publishes the reply on /mailbox/replies without personal data (办公室).
#[utoipa::path(post, path = "/api/v1/public/petitions/{id}/publish", tag = "public", params(("id" = i64, Path)),
    request_body = Publication, responses((status = 200), (status = 409, body = ErrorBody)))]
pub async fn publish(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Json(p): Json<Publication>,
) -> ApiResult<Json<serde_json::Value>> {
    service::publish(&s.db, &caller, id, &p).await?;
    Ok(Json(serde_json::json!({ "published": true })))
}

/// The statistics' period (default: this year up to today).
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Cases by topic and by section: received, open, overdue, answered on
/// time, rated and satisfied.
#[utoipa::path(get, path = "/api/v1/public/petitions/stats", tag = "public", params(Period),
    responses((status = 200, body = PetitionStats)))]
pub async fn statistics(
    State(s): State<AppState>,
    caller: Caller,
    Query(p): Query<Period>,
) -> ApiResult<Json<PetitionStats>> {
    Ok(Json(stats::stats(&s.db, &caller, p.from, p.to).await?))
}
