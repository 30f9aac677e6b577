//! Staff JSON API of learning cards under /api/v1/community/cards.

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

use crate::domain::cards::{CardId, CardInput};
use crate::service::cards::{self as service, CardPage, Issued};
use crate::store::cards::{Card, CardFilter};

#[derive(OpenApi)]
#[openapi(
    paths(list, detail, create, reset_password, enrol),
    components(schemas(Card, CardPage, CardInput, Issued, EnrolBody, ErrorBody))
)]
pub struct ApiDoc;

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ListQuery {
    /// 街道（镇）
    township_id: Option<i64>,
    /// Part of the name, or a whole card or ID number.
    q: String,
    /// Page (from 1, 50 cards a page).
    page: Option<i64>,
}

/// The cards the caller sees (ID number and phone masked), newest first.
#[utoipa::path(get, path = "/api/v1/community/cards", tag = "community", params(ListQuery),
    responses((status = 200, body = CardPage)))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<CardPage>> {
    let f = CardFilter {
        township_id: q.township_id,
        q: q.q,
    };
    Ok(Json(
        service::list(&s.db, &caller, &f, q.page.unwrap_or(1)).await?,
    ))
}

/// One card in full (the view is audited).
#[utoipa::path(get, path = "/api/v1/community/cards/{id}", tag = "community", params(("id" = i64, Path)),
    responses((status = 200, body = Card), (status = 404, body = ErrorBody)))]
pub async fn detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CardId>,
) -> ApiResult<Json<Card>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Make a card at a desk; the answer holds the initial password (shown once).
#[utoipa::path(post, path = "/api/v1/community/cards", tag = "community", request_body = CardInput,
    responses((status = 201, body = Issued), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<CardInput>,
) -> ApiResult<Response> {
    created(service::issue_at_desk(&s.db, &caller, &input).await?)
}

/// Set a new initial password for a card (its holder's sessions end).
#[utoipa::path(post, path = "/api/v1/community/cards/{id}/password", tag = "community",
    params(("id" = i64, Path)), responses((status = 200, body = Issued), (status = 404, body = ErrorBody)))]
pub async fn reset_password(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CardId>,
) -> ApiResult<Json<Issued>> {
    Ok(Json(service::reset_password(&s.db, &caller, id).await?))
}

/// A session to enrol in.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct EnrolBody {
    pub session_id: i64,
}

/// Enrol a card in a session at a desk (a community school in its own
/// sessions only).
#[utoipa::path(post, path = "/api/v1/community/cards/{id}/enrolments", tag = "community",
    params(("id" = i64, Path)), request_body = EnrolBody,
    responses((status = 201, body = i64, description = "the session's id"), (status = 409, body = ErrorBody)))]
pub async fn enrol(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CardId>,
    Json(body): Json<EnrolBody>,
) -> ApiResult<Response> {
    service::enrol_for(&s.db, &caller, id, body.session_id).await?;
    created(body.session_id)
}
