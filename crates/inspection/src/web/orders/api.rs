//! JSON API under /api/v1/inspection/orders (documented in
//! /api/openapi.json): the list with its filters, one order with its
//! history and files, issuing, the institution's response and the
//! re-check (multipart: fields and evidence files `file`).

use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use super::multipart::{read_recheck, read_response};
use crate::domain::OrderId;
use crate::service::orders::{self as service, NewOrder, OrderList, OrderPage, Recheck};
use crate::store::evidence::EvidenceFile;
use crate::store::orders::{Order, OrderFilter, Step};

#[derive(OpenApi)]
#[openapi(
    paths(list, get, issue, respond, recheck),
    components(schemas(
        OrderList,
        OrderPage,
        Order,
        Step,
        EvidenceFile,
        NewOrder,
        Recheck,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// One page (50) of the orders the caller sees, most urgent first.
#[utoipa::path(get, path = "/api/v1/inspection/orders", tag = "inspection", params(OrderFilter),
    responses((status = 200, body = OrderList), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<OrderFilter>,
) -> ApiResult<Json<OrderList>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// One order with its history, its files and what the caller may do.
#[utoipa::path(get, path = "/api/v1/inspection/orders/{id}", tag = "inspection",
    responses((status = 200, body = OrderPage), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<OrderId>,
) -> ApiResult<Json<OrderPage>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// Issue an order (the owner area's writers); numbered per owner and year.
/// A deadline in the past is refused with 422.
#[utoipa::path(post, path = "/api/v1/inspection/orders", tag = "inspection", request_body = NewOrder,
    responses((status = 201, body = OrderPage), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn issue(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NewOrder>,
) -> ApiResult<Response> {
    let id = service::issue(&s.db, &caller, &input).await?;
    created(service::get(&s.db, &caller, id).await?)
}

/// The institution's response (multipart: `version`, `note`, one or more
/// evidence files `file`); without a file it is refused with 422.
#[utoipa::path(post, path = "/api/v1/inspection/orders/{id}/respond", tag = "inspection",
    responses((status = 200, body = Order), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn respond(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<OrderId>,
    mp: Multipart,
) -> ApiResult<Json<Order>> {
    let (input, files) = read_response(mp).await?;
    Ok(Json(
        service::respond(&s.db, &caller, id, &input, &files).await?,
    ))
}

/// The re-check (multipart: `version`, `decision` = close | reopen, `note`,
/// `new_deadline` when reopening, evidence files `file` when closing).
#[utoipa::path(post, path = "/api/v1/inspection/orders/{id}/recheck", tag = "inspection",
    responses((status = 200, body = Order), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn recheck(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<OrderId>,
    mp: Multipart,
) -> ApiResult<Json<Order>> {
    let (input, files) = read_recheck(mp).await?;
    Ok(Json(
        service::recheck(&s.db, &caller, id, &input, &files).await?,
    ))
}
