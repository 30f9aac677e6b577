//! JSON API of 年检 and 等级验收 under /api/v1/private (documented in
//! /api/openapi.json): the start page's figures, a year's results, the
//! year-on-year view, one result, a decision, a campaign's bands adopted,
//! orders for the failing.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use inspection::domain::CampaignId;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Deserialize;
use utoipa::OpenApi;

use crate::domain::inspections::Kind;
use crate::service::inspections::{
    self as service, Adopted, Decision, History, HistoryLine, OrderTerms, YearResults,
};
use crate::service::overview::{self, CategoryCount, StartPage, StatusCount};
use crate::store::closures::Closure;
use crate::store::inspections::ResultRow;

#[derive(OpenApi)]
#[openapi(
    paths(start_page, results, history, result, decide, adopt, order_failing),
    components(schemas(
        StartPage,
        CategoryCount,
        StatusCount,
        Closure,
        YearResults,
        ResultRow,
        History,
        HistoryLine,
        Decision,
        Adopted,
        AdoptInput,
        OrderTerms,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Which results: a kind and a year.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Which {
    /// annual (年检, the default) or grading (等级验收)
    pub kind: Option<String>,
    /// The year (this year if absent).
    pub year: Option<i64>,
}

impl Which {
    pub fn kind(&self) -> Kind {
        self.kind
            .as_deref()
            .and_then(Kind::parse)
            .unwrap_or(Kind::Annual)
    }

    pub fn year(&self) -> i64 {
        self.year
            .unwrap_or_else(|| chrono::Datelike::year(&platform::time::today()).into())
    }
}

/// Private institutions by type, this year's results and pass rate, open
/// orders; for the bureau, unlicensed kindergartens by status and closures.
#[utoipa::path(get, path = "/api/v1/private/overview", tag = "private", responses((status = 200, body = StartPage)))]
pub async fn start_page(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<StartPage>> {
    Ok(Json(overview::start_page(&s.db, &caller).await?))
}

/// A year's results of one kind with the pass rate (an institution sees its own).
#[utoipa::path(get, path = "/api/v1/private/results", tag = "private", params(Which), responses((status = 200, body = YearResults)))]
pub async fn results(
    State(s): State<AppState>,
    caller: Caller,
    Query(w): Query<Which>,
) -> ApiResult<Json<YearResults>> {
    Ok(Json(
        service::year(&s.db, &caller, w.kind(), w.year()).await?,
    ))
}

/// Each institution's results across the years (年度对比).
#[utoipa::path(get, path = "/api/v1/private/results/history", tag = "private", params(Which), responses((status = 200, body = History)))]
pub async fn history(
    State(s): State<AppState>,
    caller: Caller,
    Query(w): Query<Which>,
) -> ApiResult<Json<History>> {
    Ok(Json(service::history(&s.db, &caller, w.kind()).await?))
}

/// One result.
#[utoipa::path(get, path = "/api/v1/private/results/{id}", tag = "private",
    responses((status = 200, body = ResultRow), (status = 404, body = ErrorBody)))]
pub async fn result(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<ResultRow>> {
    Ok(Json(service::get(&s.db, &caller, id).await?))
}

/// Decide (or correct) an institution's result of a year, with a reason.
#[utoipa::path(post, path = "/api/v1/private/results", tag = "private", request_body = Decision,
    responses((status = 201, body = ResultRow), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn decide(
    State(s): State<AppState>,
    caller: Caller,
    Json(d): Json<Decision>,
) -> ApiResult<Response> {
    created(service::decide(&s.db, &caller, &d).await?)
}

#[derive(Clone, Debug, Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct AdoptInput {
    pub campaign_id: i64,
}

/// Take the results of a private 年检 or 等级验收 campaign from its scored
/// institutions' bands (a decided result stays).
#[utoipa::path(post, path = "/api/v1/private/results/adopt", tag = "private", request_body = AdoptInput,
    responses((status = 200, body = Adopted), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn adopt(
    State(s): State<AppState>,
    caller: Caller,
    Json(a): Json<AdoptInput>,
) -> ApiResult<Json<Adopted>> {
    Ok(Json(
        service::adopt_campaign(&s.db, &caller, CampaignId(a.campaign_id)).await?,
    ))
}

/// Issue a rectification order to every failing institution of the year
/// that has none yet; the ids of the orders.
#[utoipa::path(post, path = "/api/v1/private/results/orders", tag = "private", request_body = OrderTerms,
    responses((status = 201, body = Vec<i64>), (status = 422, body = ErrorBody)))]
pub async fn order_failing(
    State(s): State<AppState>,
    caller: Caller,
    Json(t): Json<OrderTerms>,
) -> ApiResult<Response> {
    let ids: Vec<i64> = service::order_failing(&s.db, &caller, &t)
        .await?
        .into_iter()
        .map(|i| i.0)
        .collect();
    created(ids)
}
