//! JSON API under /api/v1/construction/projects (documented in /api/openapi.json).

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

use crate::domain::projects::{ContractId, PhaseDates, ProjectId, ProjectInput};
use crate::domain::Phase;
use crate::service::projects::{
    self as service, PhaseSaved, PhaseView, ProjectDetail, ProjectPage,
};
use crate::store::projects::{
    BudgetLine, Contract, NewContract, Payment, Project, ProjectFilter, Totals,
};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        create,
        get,
        update,
        set_phase,
        add_budget_line,
        add_contract,
        add_payment
    ),
    components(schemas(
        ProjectPage,
        Project,
        ProjectInput,
        ProjectUpdate,
        ProjectDetail,
        PhaseView,
        PhaseDates,
        PhaseSaved,
        BudgetLine,
        Contract,
        NewContract,
        Payment,
        Totals,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Projects in the caller's scope (a school: those at its institution), 50 a page.
#[utoipa::path(get, path = "/api/v1/construction/projects", tag = "construction", params(ProjectFilter),
    responses((status = 200, body = ProjectPage)))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<ProjectFilter>,
) -> ApiResult<Json<ProjectPage>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// File a project (计财科, 安全科 or leadership); its seven phases are made with it.
#[utoipa::path(post, path = "/api/v1/construction/projects", tag = "construction", request_body = ProjectInput,
    responses((status = 201, body = Project), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<ProjectInput>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, &input).await?)
}

/// A project with its phases (late ones flagged), budget, contracts, payments and totals.
#[utoipa::path(get, path = "/api/v1/construction/projects/{id}", tag = "construction",
    responses((status = 200, body = ProjectDetail), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> ApiResult<Json<ProjectDetail>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// An edit of a project, made on top of `version`.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct ProjectUpdate {
    pub version: i64,
    #[serde(flatten)]
    pub project: ProjectInput,
}

/// Edit a project; 409 when someone saved since `version`.
#[utoipa::path(put, path = "/api/v1/construction/projects/{id}", tag = "construction", request_body = ProjectUpdate,
    responses((status = 200, body = Project), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Json(u): Json<ProjectUpdate>,
) -> ApiResult<Json<Project>> {
    Ok(Json(
        service::update(&s.db, &caller, id, u.version, &u.project).await?,
    ))
}

/// Date a phase (all four dates are replaced). Refused (422) when it would
/// run ahead of the phase before it, end before it starts, or date the
/// future. Ending 交付使用 of a new school registers the school.
#[utoipa::path(put, path = "/api/v1/construction/projects/{id}/phases/{phase}", tag = "construction",
    request_body = PhaseDates,
    responses((status = 200, body = PhaseSaved), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_phase(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, phase)): Path<(ProjectId, Phase)>,
    Json(d): Json<PhaseDates>,
) -> ApiResult<Json<PhaseSaved>> {
    Ok(Json(
        service::set_phase(&s.db, &caller, id, phase, &d).await?,
    ))
}

/// Add a budget line (资金来源 central, province, city, district, self_raised; 元).
#[utoipa::path(post, path = "/api/v1/construction/projects/{id}/budget", tag = "construction",
    request_body = BudgetLine,
    responses((status = 201, body = BudgetLine), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_budget_line(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Json(b): Json<BudgetLine>,
) -> ApiResult<Response> {
    created(service::add_budget_line(&s.db, &caller, id, &b).await?)
}

/// Add a contract (元).
#[utoipa::path(post, path = "/api/v1/construction/projects/{id}/contracts", tag = "construction",
    request_body = NewContract,
    responses((status = 201, body = Contract), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_contract(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Json(c): Json<NewContract>,
) -> ApiResult<Response> {
    created(service::add_contract(&s.db, &caller, id, &c).await?)
}

/// Record a payment against a contract; refused (422) when the payments
/// would exceed the contract's amount.
#[utoipa::path(post, path = "/api/v1/construction/projects/{id}/contracts/{contract}/payments",
    tag = "construction", request_body = Payment,
    responses((status = 201, body = Payment), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_payment(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, contract)): Path<(ProjectId, ContractId)>,
    Json(p): Json<Payment>,
) -> ApiResult<Response> {
    created(service::add_payment(&s.db, &caller, id, contract, &p).await?)
}
