//! JSON API of the analytics under /api/v1/community.

use axum::extract::{Query, State};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use super::MonthQuery;
use crate::domain::analytics::Month;
use crate::service::analytics::{self as service, MonthlyReport, MonthlyRow, ParticipationReport};
use crate::store::analytics::Participation;

#[derive(OpenApi)]
#[openapi(
    paths(participation, monthly),
    components(schemas(
        ParticipationReport,
        Participation,
        MonthlyReport,
        MonthlyRow,
        Month,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Participation in a month (learners, 人次, minutes) by the learners'
/// street, age band and course type.
#[utoipa::path(get, path = "/api/v1/community/participation", tag = "community", params(MonthQuery),
    responses((status = 200, body = ParticipationReport), (status = 422, body = ErrorBody)))]
pub async fn participation(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<MonthQuery>,
) -> ApiResult<Json<ParticipationReport>> {
    Ok(Json(
        service::participation(&s.db, &caller, q.month()?).await?,
    ))
}

/// The monthly report (新市民教育培训月报): 人次 and hours by street and
/// kind, with totals.
#[utoipa::path(get, path = "/api/v1/community/monthly", tag = "community", params(MonthQuery),
    responses((status = 200, body = MonthlyReport), (status = 422, body = ErrorBody)))]
pub async fn monthly(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<MonthQuery>,
) -> ApiResult<Json<MonthlyReport>> {
    Ok(Json(service::monthly(&s.db, &caller, q.month()?).await?))
}
