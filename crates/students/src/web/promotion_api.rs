//! JSON API of year-end promotion under /api/v1/students/promotion, with
//! the same rules as the page: preview, run confirmed by the count, the
//! school year's runs, undo, and the window.

use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::domain::promotion::{Reach, Window};
use crate::service::promotion::{self, Preview, PreviewRow, Report};
use crate::service::today;
use crate::store::promotion::{InstitutionCount, RunRow};

#[derive(OpenApi)]
#[openapi(
    paths(preview, run, runs, undo, window, set_window),
    components(schemas(
        Preview,
        PreviewRow,
        Report,
        RunRow,
        InstitutionCount,
        RunRequest,
        WindowBody,
        ErrorBody
    ))
)]
pub struct PromotionApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/students/promotion/preview", get(preview))
        .route("/api/v1/students/promotion/run", post(run))
        .route("/api/v1/students/promotion/runs", get(runs))
        .route("/api/v1/students/promotion/runs/{id}/undo", post(undo))
        .route(
            "/api/v1/students/promotion/window",
            get(window).put(set_window),
        )
}

/// The scope of a promotion: `scope` is `district` (the default),
/// `stage` (with `stage`: primary, junior …) or `institution` (with
/// `institution_id`). A school's scope is always itself.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams, utoipa::ToSchema)]
#[serde(default)]
pub struct ScopeQuery {
    pub scope: String,
    pub stage: String,
    pub institution_id: Option<i64>,
}

impl ScopeQuery {
    fn reach(&self) -> Result<Reach, AppError> {
        Reach::choose(&self.scope, &self.stage, self.institution_id)
            .map(|r| r.unwrap_or(Reach::District))
            .map_err(|(field, msg)| AppError::invalid(field, msg))
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RunRequest {
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub stage: String,
    pub institution_id: Option<i64>,
    /// The preview's total (promoted plus graduated), to confirm.
    pub confirm: i64,
}

#[derive(Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct WindowBody {
    /// First day, `MM-DD`.
    pub opens: String,
    /// Last day, `MM-DD`.
    pub closes: String,
}

impl From<Window> for WindowBody {
    fn from(w: Window) -> WindowBody {
        WindowBody {
            opens: w.opens.key(),
            closes: w.closes.key(),
        }
    }
}

/// What a promotion would do today, per institution and grade.
#[utoipa::path(get, path = "/api/v1/students/promotion/preview", tag = "students", params(ScopeQuery), responses((status = 200, body = Preview)))]
pub async fn preview(
    State(state): State<AppState>,
    caller: Caller,
    Query(q): Query<ScopeQuery>,
) -> ApiResult<Json<Preview>> {
    Ok(Json(
        promotion::preview(&state.db, &caller, q.reach()?, today()).await?,
    ))
}

/// Runs the promotion (升级): only inside the window, once per school year
/// and institution, confirmed by the preview's total.
#[utoipa::path(post, path = "/api/v1/students/promotion/run", tag = "students", request_body = RunRequest, responses((status = 200, body = Report), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn run(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<RunRequest>,
) -> ApiResult<Json<Report>> {
    let scope = ScopeQuery {
        scope: req.scope,
        stage: req.stage,
        institution_id: req.institution_id,
    };
    Ok(Json(
        promotion::run(
            &state.db,
            &caller,
            scope.reach()?,
            &req.confirm.to_string(),
            today(),
        )
        .await?,
    ))
}

/// This school year's runs the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/students/promotion/runs", tag = "students", responses((status = 200, body = [RunRow])))]
pub async fn runs(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<RunRow>>> {
    Ok(Json(promotion::runs(&state.db, &caller, today()).await?))
}

/// Undoes a run (撤销) within its school year, if nothing changed since.
#[utoipa::path(post, path = "/api/v1/students/promotion/runs/{id}/undo", tag = "students", responses((status = 200, body = Report), (status = 409, body = ErrorBody)))]
pub async fn undo(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Report>> {
    Ok(Json(
        promotion::undo(&state.db, &caller, id, today()).await?,
    ))
}

/// The promotion window the bureau set.
#[utoipa::path(get, path = "/api/v1/students/promotion/window", tag = "students", responses((status = 200, body = WindowBody)))]
pub async fn window(State(state): State<AppState>, _caller: Caller) -> ApiResult<Json<WindowBody>> {
    Ok(Json(promotion::window(&state.db).await?.into()))
}

/// Sets the promotion window (leadership, 基教科).
#[utoipa::path(put, path = "/api/v1/students/promotion/window", tag = "students", request_body = WindowBody, responses((status = 200, body = WindowBody), (status = 403, body = ErrorBody)))]
pub async fn set_window(
    State(state): State<AppState>,
    caller: Caller,
    Json(b): Json<WindowBody>,
) -> ApiResult<Json<WindowBody>> {
    Ok(Json(
        promotion::set_window(&state.db, &caller, &b.opens, &b.closes)
            .await?
            .into(),
    ))
}
