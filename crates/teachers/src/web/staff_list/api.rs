//! JSON API of the staff list under /api/v1/teachers (documented in
//! /api/openapi.json).

use axum::extract::{Query, State};
use axum::Json;
use platform::auth::{Access, Caller, WorkArea};
use platform::error::ErrorBody;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use super::reader::StaffListReader;
use crate::store::staff_list::overview::{self, Overview};
use crate::store::staff_list::{StaffFilter, StaffPage, StaffRow};

#[derive(OpenApi)]
#[openapi(
    paths(list, overview),
    components(schemas(StaffPage, StaffRow, Overview, ErrorBody))
)]
pub struct ApiDoc;

/// The staff list (教职工名单), filtered, sorted by name and paged (50 a
/// page; `total` counted for one institution's list, else known from the
/// last page only). A school sees the people who work
/// there now; national IDs and birth dates are masked unless the role sees
/// personal details. Each call is audited as a view of personal data.
#[utoipa::path(
    get,
    path = "/api/v1/teachers/staff",
    tag = "teachers",
    params(StaffFilter),
    responses(
        (status = 200, body = StaffPage),
        (status = 403, body = ErrorBody),
        (status = 422, description = "An unknown code in a filter, named by its field", body = ErrorBody)
    )
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<StaffFilter>,
) -> ApiResult<Json<StaffPage>> {
    Ok(Json(
        StaffListReader::of(&state.db, &caller)?.list(&f).await?,
    ))
}

/// The figures of the area's start page for the caller's scope: people in
/// post, 专任教师, by 编制, by 职称等级 and by 骨干 level.
#[utoipa::path(
    get,
    path = "/api/v1/teachers/overview",
    tag = "teachers",
    responses((status = 200, body = Overview), (status = 403, body = ErrorBody))
)]
pub async fn overview(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Overview>> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    Ok(Json(overview::overview(&state.db, &caller.scope).await?))
}
