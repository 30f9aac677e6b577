//! JSON API of information disclosure under /api/v1/public.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use super::cards::CardsQuery;
use crate::domain::disclosure::{
    CardLine, CatalogueInput, FeeItemId, FeeItemInput, ReplyInput, RequestId, RequestInput,
};
use crate::service::disclosure::requests::{self, RequestLine};
use crate::service::disclosure::{self as service, FeeCard};
use crate::store::disclosure::requests::{CatalogueEntry, Which};
use crate::store::disclosure::FeeItem;

#[derive(OpenApi)]
#[openapi(
    paths(
        fees, add_fee, delete_fee, cards, catalogue, add_entry, requests, request, register, reply,
        extend
    ),
    components(schemas(
        FeeItem,
        FeeItemInput,
        FeeCard,
        CardLine,
        CatalogueEntry,
        CatalogueInput,
        RequestLine,
        RequestInput,
        ReplyInput,
        ErrorBody
    ))
)]
pub struct ApiDoc;

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct FeesQuery {
    institution_id: Option<i64>,
    /// The school year's first year (default: the current one).
    school_year: Option<i64>,
}

/// The fee items of a school year (收费公示), of one institution or all in scope.
#[utoipa::path(get, path = "/api/v1/public/fees", tag = "public", params(FeesQuery),
    responses((status = 200, body = [FeeItem])))]
pub async fn fees(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<FeesQuery>,
) -> ApiResult<Json<Vec<FeeItem>>> {
    Ok(Json(
        service::fees(&s.db, &caller, q.institution_id, q.school_year).await?,
    ))
}

/// Publish a fee item (a school its own; the bureau names the institution).
#[utoipa::path(post, path = "/api/v1/public/fees", tag = "public", request_body = FeeItemInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn add_fee(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<FeeItemInput>,
) -> ApiResult<Response> {
    created(service::add_fee(&s.db, &caller, &input).await?)
}

/// Withdraw a fee item.
#[utoipa::path(delete, path = "/api/v1/public/fees/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_fee(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<FeeItemId>,
) -> ApiResult<StatusCode> {
    service::delete_fee(&s.db, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The fee cards (明白交费卡) of an institution's pupils (staff only; audited).
#[utoipa::path(get, path = "/api/v1/public/fee-cards", tag = "public", params(CardsQuery),
    responses((status = 200, body = [FeeCard]), (status = 404, body = ErrorBody)))]
pub async fn cards(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<CardsQuery>,
) -> ApiResult<Json<Vec<FeeCard>>> {
    let institution = q.institution(&caller)?;
    let class = q
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    Ok(Json(
        service::cards(&s.db, &caller, institution, q.grade, class)
            .await?
            .1,
    ))
}

/// The bureau's disclosure catalogue (主动公开目录).
#[utoipa::path(get, path = "/api/v1/public/catalogue", tag = "public",
    responses((status = 200, body = [CatalogueEntry])))]
pub async fn catalogue(State(s): State<AppState>) -> ApiResult<Json<Vec<CatalogueEntry>>> {
    Ok(Json(requests::catalogue(&s.db).await?))
}

/// Publish an entry of the catalogue (bureau).
#[utoipa::path(post, path = "/api/v1/public/catalogue", tag = "public", request_body = CatalogueInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn add_entry(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<CatalogueInput>,
) -> ApiResult<Response> {
    created(requests::add_entry(&s.db, &caller, &input).await?)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct RequestsQuery {
    /// Only the unanswered ones.
    open: Option<bool>,
    /// Only those unanswered past their deadline.
    overdue: Option<bool>,
}

/// Requests for disclosure (依申请公开), unanswered first by deadline (bureau).
#[utoipa::path(get, path = "/api/v1/public/disclosure-requests", tag = "public", params(RequestsQuery),
    responses((status = 200, body = [RequestLine]), (status = 403, body = ErrorBody)))]
pub async fn requests(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<RequestsQuery>,
) -> ApiResult<Json<Vec<RequestLine>>> {
    let which = match (q.overdue, q.open) {
        (Some(true), _) => Which::OverdueOn(platform::time::today()),
        (_, Some(true)) => Which::Open,
        _ => Which::All,
    };
    Ok(Json(requests::requests(&s.db, &caller, which).await?))
}

/// One request (the view is audited).
#[utoipa::path(get, path = "/api/v1/public/disclosure-requests/{id}", tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = RequestLine), (status = 404, body = ErrorBody)))]
pub async fn request(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RequestId>,
) -> ApiResult<Json<RequestLine>> {
    Ok(Json(requests::request(&s.db, &caller, id).await?))
}

/// Register a request; its deadline is computed from the time limit in force.
#[utoipa::path(post, path = "/api/v1/public/disclosure-requests", tag = "public", request_body = RequestInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn register(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<RequestInput>,
) -> ApiResult<Response> {
    created(requests::register(&s.db, &caller, &input).await?)
}

/// Answer a request: disclosed, partly, refused or nonexistent (with the reason).
#[utoipa::path(post, path = "/api/v1/public/disclosure-requests/{id}/reply", tag = "public",
    params(("id" = i64, Path)), request_body = ReplyInput,
    responses((status = 204), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reply(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RequestId>,
    Json(input): Json<ReplyInput>,
) -> ApiResult<StatusCode> {
    requests::reply(&s.db, &caller, id, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Extend a request's deadline (once).
#[utoipa::path(post, path = "/api/v1/public/disclosure-requests/{id}/extend", tag = "public",
    params(("id" = i64, Path)), responses((status = 200, body = RequestLine), (status = 409, body = ErrorBody)))]
pub async fn extend(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RequestId>,
) -> ApiResult<Json<RequestLine>> {
    Ok(Json(requests::extend(&s.db, &caller, id).await?))
}
