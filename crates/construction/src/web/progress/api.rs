//! JSON API under /api/v1/construction (documented in /api/openapi.json):
//! the start page's figures, the reports, the stalled-days setting, a
//! project's progress reports, a new report, a photo added to a report.

use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use utoipa::OpenApi;

use super::multipart::read_photo;
use crate::domain::progress::{ItemProgress, ProjectId, ReportId};
use crate::service::progress::overview::{self, DangerousRebuild, Reports, StartPage};
use crate::service::progress::watch::{set_settings as save, Attention, ProgressSettings};
use crate::service::progress::{self as service, ItemInput, ProjectProgress, ReportInput};
use crate::store::progress::overview::{KindStatusCount, LatestReport, ProjectLine, Totals};
use crate::store::progress::photos::PhotoMeta;
use crate::store::progress::reports::Report;
use crate::store::progress::watch::{LastReport, LatePhase};
use crate::store::progress::ProjectRef;

#[derive(OpenApi)]
#[openapi(
    paths(start_page, reports, set_settings, progress, create, add_photo),
    components(schemas(
        StartPage,
        KindStatusCount,
        Attention,
        LastReport,
        LatePhase,
        LatestReport,
        Reports,
        ProjectLine,
        Totals,
        DangerousRebuild,
        ProgressSettings,
        ProjectProgress,
        ProjectRef,
        Report,
        ItemProgress,
        PhotoMeta,
        ReportInput,
        ItemInput,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// Projects by kind and status, stalled projects and late phases, the
/// latest progress reports (within the caller's scope).
#[utoipa::path(get, path = "/api/v1/construction/overview", tag = "construction", responses((status = 200, body = StartPage)))]
pub async fn start_page(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<StartPage>> {
    Ok(Json(overview::start_page(&s.db, &caller).await?))
}

/// The project table with each project's latest 形象进度, totals by kind and
/// township, and the 危房改造 figures.
#[utoipa::path(get, path = "/api/v1/construction/reports", tag = "construction", responses((status = 200, body = Reports)))]
pub async fn reports(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Reports>> {
    Ok(Json(overview::reports(&s.db, &caller).await?))
}

/// Set the number of days without a report after which an active project
/// is stalled (1–365; the bureau's writers of the area).
#[utoipa::path(put, path = "/api/v1/construction/settings", tag = "construction", request_body = ProgressSettings,
    responses((status = 200, body = ProgressSettings), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn set_settings(
    State(s): State<AppState>,
    caller: Caller,
    Json(new): Json<ProgressSettings>,
) -> ApiResult<Json<ProgressSettings>> {
    Ok(Json(save(&s.db, &caller, &new).await?))
}

/// A project's progress reports, newest first, with items and photos.
#[utoipa::path(get, path = "/api/v1/construction/projects/{id}/progress", tag = "construction",
    responses((status = 200, body = ProjectProgress), (status = 404, body = ErrorBody)))]
pub async fn progress(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> ApiResult<Json<ProjectProgress>> {
    Ok(Json(service::of_project(&s.db, &caller, id).await?))
}

/// Record a progress report (percentages as text, e.g. "99.5"); a date
/// before the latest report, or progress going backwards without a
/// reason, is refused with 422.
#[utoipa::path(post, path = "/api/v1/construction/projects/{id}/progress", tag = "construction", request_body = ReportInput,
    responses((status = 201, body = Report), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Json(input): Json<ReportInput>,
) -> ApiResult<Response> {
    created(service::create(&s.db, &caller, id, &input, &[]).await?)
}

/// Add a photo (multipart field `file`: JPEG, PNG or WebP by content, at
/// most 10 MB, at most 12 per report). Served at
/// /construction/progress/photos/{id} and …/{id}/thumb.
#[utoipa::path(post, path = "/api/v1/construction/progress/{id}/photos", tag = "construction",
    responses((status = 201, body = PhotoMeta), (status = 422, body = ErrorBody), (status = 413, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn add_photo(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ReportId>,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = read_photo(mp).await?;
    created(service::add_photo(&s.db, &caller, id, &up).await?)
}
