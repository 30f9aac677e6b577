//! JSON API under /api/v1/teachers/training (documented in /api/openapi.json).

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::upload::import_status;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::compliance_page::Only;
use crate::domain::training::{ProjectId, SessionId};
use crate::service::training::attendance::{self, AttendanceInput};
use crate::service::training::compliance::{self, Compliance, InstitutionTeachers, StaffProgress};
use crate::service::training::import::AttendanceImportOutcome;
use crate::service::training::settings::{self, CeSettings};
use crate::service::training::{self as service};
use crate::store::training::attendance::Attendance;
use crate::store::training::totals::{self, YearTotal};
use crate::store::training::{NewProject, NewSession, Project, Session};

#[derive(OpenApi)]
#[openapi(
    paths(
        projects,
        create_project,
        project,
        create_session,
        attendance,
        record,
        import,
        staff,
        compliance,
        institution,
        totals,
        settings,
        change_settings
    ),
    components(schemas(
        Project,
        NewProject,
        Session,
        NewSession,
        ProjectDetail,
        Attendance,
        AttendanceInput,
        AttendanceImportOutcome,
        StaffProgress,
        Compliance,
        InstitutionTeachers,
        YearTotal,
        CeSettings,
        ErrorBody
    ))
)]
pub struct ApiDoc;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct YearFilter {
    /// Only this year's projects.
    year: Option<i64>,
}

/// Training projects, newest first.
#[utoipa::path(get, path = "/api/v1/teachers/training/projects", tag = "teachers", params(YearFilter), responses((status = 200, body = [Project])))]
pub async fn projects(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<YearFilter>,
) -> ApiResult<Json<Vec<Project>>> {
    Ok(Json(service::projects(&s.db, &caller, f.year).await?))
}

/// Create a training project (人事科 or leadership).
#[utoipa::path(post, path = "/api/v1/teachers/training/projects", tag = "teachers", request_body = NewProject,
    responses((status = 201, body = Project), (status = 422, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn create_project(
    State(s): State<AppState>,
    caller: Caller,
    Json(p): Json<NewProject>,
) -> ApiResult<Response> {
    created(service::create_project(&s.db, &caller, &p).await?)
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ProjectDetail {
    project: Project,
    sessions: Vec<Session>,
}

/// A project with its sessions.
#[utoipa::path(get, path = "/api/v1/teachers/training/projects/{id}", tag = "teachers", responses((status = 200, body = ProjectDetail), (status = 404, body = ErrorBody)))]
pub async fn project(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
) -> ApiResult<Json<ProjectDetail>> {
    let (project, sessions) = service::project(&s.db, &caller, id).await?;
    Ok(Json(ProjectDetail { project, sessions }))
}

/// Add a session to a project (人事科 or leadership).
#[utoipa::path(post, path = "/api/v1/teachers/training/projects/{id}/sessions", tag = "teachers", request_body = NewSession,
    responses((status = 201, body = Session), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn create_session(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ProjectId>,
    Json(n): Json<NewSession>,
) -> ApiResult<Response> {
    created(service::create_session(&s.db, &caller, id, &n).await?)
}

/// A session's attendance (a school sees its own staff only).
#[utoipa::path(get, path = "/api/v1/teachers/training/sessions/{id}/attendance", tag = "teachers", responses((status = 200, body = [Attendance]), (status = 404, body = ErrorBody)))]
pub async fn attendance(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> ApiResult<Json<Vec<Attendance>>> {
    Ok(Json(attendance::of_session(&s.db, &caller, id).await?.1))
}

/// Credit a member of staff with the session's hours (once per session:
/// a second credit is 409).
#[utoipa::path(post, path = "/api/v1/teachers/training/sessions/{id}/attendance", tag = "teachers", request_body = AttendanceInput,
    responses((status = 201, body = Attendance), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn record(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
    Json(input): Json<AttendanceInput>,
) -> ApiResult<Response> {
    created(attendance::record(&s.db, &caller, id, &input).await?)
}

/// Import a session's attendance from .xlsx or CSV (multipart field
/// `file`): 200 when credited, 422 with every bad row when nothing was.
#[utoipa::path(post, path = "/api/v1/teachers/training/sessions/{id}/import", tag = "teachers",
    responses((status = 200, body = AttendanceImportOutcome), (status = 422, body = AttendanceImportOutcome)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
    mp: Multipart,
) -> ApiResult<Response> {
    service::session(&s.db, &caller, id).await?;
    match super::import_page::run(&s, &caller, id, mp).await? {
        Ok(o) => Ok((import_status(o.applied), Json(o)).into_response()),
        Err(e) => Err(AppError::BadRequest(e).into()),
    }
}

/// A teacher's progress in the current cycle.
#[utoipa::path(get, path = "/api/v1/teachers/training/staff/{id}", tag = "teachers", responses((status = 200, body = StaffProgress), (status = 404, body = ErrorBody)))]
pub async fn staff(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<StaffProgress>> {
    Ok(Json(compliance::staff_progress(&s.db, &caller, id).await?))
}

/// 学分落实情况检查 over the caller's institutions.
#[utoipa::path(get, path = "/api/v1/teachers/training/compliance", tag = "teachers", responses((status = 200, body = Compliance)))]
pub async fn compliance(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Compliance>> {
    Ok(Json(compliance::compliance(&s.db, &caller).await?))
}

/// One institution's teachers and their hours (`?behind=1`: those behind only).
#[utoipa::path(get, path = "/api/v1/teachers/training/compliance/{id}", tag = "teachers", responses((status = 200, body = InstitutionTeachers), (status = 404, body = ErrorBody)))]
pub async fn institution(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(only): Query<Only>,
) -> ApiResult<Json<InstitutionTeachers>> {
    Ok(Json(
        compliance::institution_teachers(&s.db, &caller, id, only.behind()).await?,
    ))
}

/// 项目数 and 人次 per year.
#[utoipa::path(get, path = "/api/v1/teachers/training/totals", tag = "teachers", responses((status = 200, body = [YearTotal])))]
pub async fn totals(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<YearTotal>>> {
    service::reader(&s.db, &caller)?;
    Ok(Json(totals::by_year(&s.db).await?))
}

/// The cycle and hours settings.
#[utoipa::path(get, path = "/api/v1/teachers/training/settings", tag = "teachers", responses((status = 200, body = CeSettings)))]
pub async fn settings(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<CeSettings>> {
    Ok(Json(settings::get(&s.db, &caller).await?))
}

/// Change the cycle and hours settings (leadership or 人事科; audited).
#[utoipa::path(put, path = "/api/v1/teachers/training/settings", tag = "teachers", request_body = CeSettings,
    responses((status = 200, body = CeSettings), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_settings(
    State(s): State<AppState>,
    caller: Caller,
    Json(new): Json<CeSettings>,
) -> ApiResult<Json<CeSettings>> {
    Ok(Json(settings::set(&s.db, &caller, &new).await?))
}
