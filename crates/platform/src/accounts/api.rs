//! The accounts API under `/api/v1/accounts`, for leadership and the
//! information centre.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::auth::{users, Access, Actor, Caller, WorkArea};
use crate::error::{ApiResult, AppError, ErrorBody};
use crate::ids::UserId;
use crate::web::AppState;

use super::rules::{self, InstitutionPick};
use super::service::{self, Issued};
use super::store::{self, PAGE_SIZE};
use super::view::{pick_institution, AccountQuery, AccountView};

/// One page of accounts.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountPage {
    pub items: Vec<AccountView>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// A request's role (`role` plus, for `section`, the section's key) as a
/// role value, and its institution as a pick from the directory.
async fn role_and_institution(
    state: &AppState,
    role: &str,
    section: Option<&str>,
    institution_id: Option<i64>,
) -> Result<(String, InstitutionPick), AppError> {
    let all = (state.institutions)(&state.db).await?;
    let role = match section.filter(|s| !s.is_empty()) {
        Some(s) => format!("{role}:{s}"),
        None => role.to_string(),
    };
    Ok((role, pick_institution(None, institution_id, &all)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewAccountRequest {
    pub username: String,
    pub display_name: String,
    /// `leadership`, `section`, `inspector` or `institution`.
    pub role: String,
    /// For `section`: e.g. `basic_education`, `information`.
    pub section: Option<String>,
    /// For `institution`: the institution's id.
    pub institution_id: Option<i64>,
    /// Leave out to have a temporary password made up (returned once).
    pub password: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AccountChange {
    pub display_name: String,
    pub role: String,
    pub section: Option<String>,
    pub institution_id: Option<i64>,
    /// The `version` the change was based on.
    pub version: i64,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct StatusChange {
    pub active: bool,
    pub version: i64,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordReset {
    pub version: i64,
    /// Leave out to have a temporary password made up (returned once).
    pub password: Option<String>,
}

/// An account with the temporary password made up for it, if any.
#[derive(Serialize, utoipa::ToSchema)]
pub struct IssuedAccount {
    pub account: AccountView,
    pub temporary_password: Option<String>,
}

async fn view(state: &AppState, id: UserId) -> Result<AccountView, AppError> {
    let row = users::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let all = (state.institutions)(&state.db).await?;
    Ok(AccountView::new(&row, &all))
}

async fn issued(state: &AppState, i: Issued) -> Result<IssuedAccount, AppError> {
    Ok(IssuedAccount {
        account: view(state, i.id).await?,
        temporary_password: i.generated_password,
    })
}

/// Accounts matching the filter, by user name.
#[utoipa::path(get, path = "/api/v1/accounts", tag = "accounts", params(AccountQuery),
    responses((status = 200, body = AccountPage), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(f): Query<AccountQuery>,
) -> ApiResult<Json<AccountPage>> {
    actor.require(WorkArea::Accounts, Access::Read)?;
    let all = (state.institutions)(&state.db).await?;
    let c = f
        .criteria(&all)
        .map_err(|why| AppError::invalid("filter", why))?;
    let (rows, total) = store::list(&state.db, &c).await?;
    Ok(Json(AccountPage {
        items: rows.iter().map(|r| AccountView::new(r, &all)).collect(),
        total,
        page: c.page,
        per_page: PAGE_SIZE,
    }))
}

/// One account.
#[utoipa::path(get, path = "/api/v1/accounts/{id}", tag = "accounts",
    responses((status = 200, body = AccountView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
) -> ApiResult<Json<AccountView>> {
    actor.require(WorkArea::Accounts, Access::Read)?;
    Ok(Json(view(&state, id).await?))
}

/// Creates an account that must change its password at the first sign-in.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = NewAccountRequest,
    responses((status = 201, body = IssuedAccount), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(r): Json<NewAccountRequest>,
) -> ApiResult<(StatusCode, Json<IssuedAccount>)> {
    actor.require(WorkArea::Accounts, Access::Write)?;
    let (role, pick) =
        role_and_institution(&state, &r.role, r.section.as_deref(), r.institution_id).await?;
    let new = rules::check_new(
        &r.username,
        &r.display_name,
        &role,
        pick,
        r.password.as_deref(),
    )
    .map_err(AppError::Invalid)?;
    let i = service::create(&state.db, &Caller::from(&actor), new).await?;
    Ok((StatusCode::CREATED, Json(issued(&state, i).await?)))
}

/// Changes an account's name, role and institution.
#[utoipa::path(put, path = "/api/v1/accounts/{id}", tag = "accounts", request_body = AccountChange,
    responses((status = 200, body = AccountView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Json(r): Json<AccountChange>,
) -> ApiResult<Json<AccountView>> {
    actor.require(WorkArea::Accounts, Access::Write)?;
    let (role, pick) =
        role_and_institution(&state, &r.role, r.section.as_deref(), r.institution_id).await?;
    let input = rules::check_input(&r.display_name, &role, pick).map_err(AppError::Invalid)?;
    service::update(&state.db, &Caller::from(&actor), id, r.version, &input).await?;
    Ok(Json(view(&state, id).await?))
}

/// Disables (`active: false`) or enables an account.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/status", tag = "accounts", request_body = StatusChange,
    responses((status = 200, body = AccountView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn set_status(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Json(r): Json<StatusChange>,
) -> ApiResult<Json<AccountView>> {
    service::set_active(&state.db, &Caller::from(&actor), id, r.version, r.active).await?;
    Ok(Json(view(&state, id).await?))
}

/// Sets a temporary password, to be changed at the next sign-in.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/password", tag = "accounts", request_body = PasswordReset,
    responses((status = 200, body = IssuedAccount), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reset_password(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<UserId>,
    Json(r): Json<PasswordReset>,
) -> ApiResult<Json<IssuedAccount>> {
    let caller = Caller::from(&actor);
    let i = service::reset_password(&state.db, &caller, id, r.version, r.password).await?;
    Ok(Json(issued(&state, i).await?))
}
