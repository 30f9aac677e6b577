//! JSON API under /api/v1/inspection/campaigns (documented in /api/openapi.json).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::Serialize;
use utoipa::OpenApi;

use crate::domain::campaigns::{BandCount, IndicatorStat, SelfItem, SelfStatus, Summary};
use crate::domain::{CampaignId, OrderId};
use crate::service::campaigns::{
    self as service, CampaignDetail, CampaignOrder, NewCampaign, NewTarget, Progress, Report,
    Rescored, ResultLine, Results, ScoreInput, ScoreResult, SelfEvaluation, SelfInput,
};
use crate::store::campaigns::targets::Target;
use crate::store::campaigns::{Campaign, CampaignFilter, CampaignListRow};

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        create,
        get,
        close,
        rescore,
        results,
        self_evaluation,
        save_self,
        score,
        report,
        issue_order
    ),
    components(schemas(
        Campaign,
        CampaignListRow,
        CampaignDetail,
        Progress,
        Target,
        NewCampaign,
        NewTarget,
        SelfEvaluation,
        SelfInput,
        SelfItem,
        SelfStatus,
        ScoreInput,
        ScoreResult,
        Rescored,
        Results,
        ResultLine,
        Summary,
        BandCount,
        IndicatorStat,
        Report,
        CampaignOrder,
        Created,
        Saved,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// The id of a record made.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// The status of a self-evaluation after saving it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Saved {
    pub self_status: SelfStatus,
}

/// Campaigns the caller may see (an institution: those it takes part in), the latest first.
#[utoipa::path(get, path = "/api/v1/inspection/campaigns", tag = "inspection", params(CampaignFilter),
    responses((status = 200, body = [CampaignListRow])))]
pub async fn list(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<CampaignFilter>,
) -> ApiResult<Json<Vec<CampaignListRow>>> {
    Ok(Json(service::list(&s.db, &caller, &f).await?))
}

/// Start a campaign on a published framework of the same area, with its institutions and inspectors.
#[utoipa::path(post, path = "/api/v1/inspection/campaigns", tag = "inspection", request_body = NewCampaign,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<NewCampaign>,
) -> ApiResult<Response> {
    let id = service::create(&s.db, &caller, &input).await?;
    created(Created { id: id.0 })
}

/// A campaign with its framework, institutions and progress.
#[utoipa::path(get, path = "/api/v1/inspection/campaigns/{id}", tag = "inspection",
    responses((status = 200, body = CampaignDetail), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> ApiResult<Json<CampaignDetail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Close a campaign: no more self-evaluations or scores (409 if closed already).
#[utoipa::path(post, path = "/api/v1/inspection/campaigns/{id}/close", tag = "inspection",
    responses((status = 200, body = CampaignDetail), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn close(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> ApiResult<Json<CampaignDetail>> {
    service::close(&s.db, &caller, id).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Score every institution again from its stored answers, in one pass.
#[utoipa::path(post, path = "/api/v1/inspection/campaigns/{id}/rescore", tag = "inspection",
    responses((status = 200, body = Rescored), (status = 409, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn rescore(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> ApiResult<Json<Rescored>> {
    Ok(Json(service::rescore(&s.db, &caller, id).await?))
}

/// Every institution's result and the campaign summary (the bureau's).
#[utoipa::path(get, path = "/api/v1/inspection/campaigns/{id}/results", tag = "inspection",
    responses((status = 200, body = Results), (status = 404, body = ErrorBody)))]
pub async fn results(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> ApiResult<Json<Results>> {
    Ok(Json(service::results(&s.db, &caller, id).await?))
}

/// An institution's self-evaluation with its evidence files.
#[utoipa::path(get, path = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}/self-evaluation",
    tag = "inspection", responses((status = 200, body = SelfEvaluation), (status = 404, body = ErrorBody)))]
pub async fn self_evaluation(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
) -> ApiResult<Json<SelfEvaluation>> {
    Ok(Json(
        service::self_evaluation(&s.db, &caller, id, institution).await?,
    ))
}

/// Save (or, with `submit`, submit and lock) the institution's own self-evaluation.
#[utoipa::path(put, path = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}/self-evaluation",
    tag = "inspection", request_body = SelfInput,
    responses((status = 200, body = Saved), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn save_self(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    Json(input): Json<SelfInput>,
) -> ApiResult<Json<Saved>> {
    let self_status = service::save_self(&s.db, &caller, id, institution, &input, vec![]).await?;
    Ok(Json(Saved { self_status }))
}

/// Score an institution: every leaf answered (`{"A1": {"level": "A"}, "A2": {"checks": [true, false]},
/// "B": {"value": 350}, "V": {"veto": false}}`, points in tenths); each problem is reported at its indicator.
#[utoipa::path(put, path = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}/scores",
    tag = "inspection", request_body = ScoreInput,
    responses((status = 200, body = ScoreResult), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn score(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    Json(input): Json<ScoreInput>,
) -> ApiResult<Json<ScoreResult>> {
    Ok(Json(
        service::score(&s.db, &caller, id, institution, &input).await?,
    ))
}

/// An institution's report: scores per indicator, total, band, vetoes, findings and orders issued.
#[utoipa::path(get, path = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}/report",
    tag = "inspection", responses((status = 200, body = Report), (status = 404, body = ErrorBody)))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
) -> ApiResult<Json<Report>> {
    Ok(Json(
        service::report(&s.db, &caller, id, institution).await?,
    ))
}

/// Issue a rectification order (整改通知书) from a finding of the campaign.
#[utoipa::path(post, path = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}/orders",
    tag = "inspection", request_body = CampaignOrder,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn issue_order(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    Json(input): Json<CampaignOrder>,
) -> ApiResult<Response> {
    let OrderId(id) = service::issue_order(&s.db, &caller, id, institution, &input).await?;
    created(Created { id })
}
