//! JSON API under /api/v1/exams.

use axum::extract::{MatchedPath, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::RowError;
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use super::ViewQuery;
use crate::service::results::{
    self as service, Analysis, ExamDetail, ExamInput, ImportOutcome, LineFigures, MarkInput,
    ReportCheck, SchoolFigures,
};
use crate::store::results::{Exam, Line, Paper, ScoreRow, Version};

#[derive(OpenApi)]
#[openapi(
    paths(
        list, create, detail, add_paper, add_line, import, publish, correct, analysis, report,
        scores, score
    ),
    components(schemas(
        Exam,
        ExamInput,
        ExamDetail,
        Paper,
        Line,
        Version,
        MarkInput,
        ImportOutcome,
        RowError,
        Analysis,
        LineFigures,
        SchoolFigures,
        ReportCheck,
        ScoreRow,
        Created,
        Reason,
        ReportText,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// What a create or a version change made.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct Reason {
    pub reason: String,
}

#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct ReportText {
    pub text: String,
}

/// Every exam, the latest year first.
#[utoipa::path(get, path = "/api/v1/exams", tag = "exams", responses((status = 200, body = Vec<Exam>)))]
pub async fn list(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Exam>>> {
    Ok(Json(service::list(&s.db, &caller).await?))
}

/// A new exam (the bureau).
#[utoipa::path(post, path = "/api/v1/exams", tag = "exams", request_body = ExamInput,
    responses((status = 200, body = Created), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<ExamInput>,
) -> ApiResult<Json<Created>> {
    Ok(Json(Created {
        id: service::create(&s.db, &caller, &input).await?,
    }))
}

/// An exam with its papers, lines and versions (a school: published ones).
#[utoipa::path(get, path = "/api/v1/exams/{id}", tag = "exams", responses((status = 200, body = ExamDetail), (status = 404, body = ErrorBody)))]
pub async fn detail(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<ExamDetail>> {
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Adds or changes a paper and its full mark; refused (409) once published.
#[utoipa::path(post, path = "/api/v1/exams/{id}/papers", tag = "exams", request_body = MarkInput,
    responses((status = 200, body = ExamDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_paper(
    s: State<AppState>,
    caller: Caller,
    route: MatchedPath,
    id: Path<i64>,
    m: Json<MarkInput>,
) -> ApiResult<Json<ExamDetail>> {
    add_mark(s, caller, route, id, m).await
}

/// Adds or changes a score line of a track; refused (409) once published.
#[utoipa::path(post, path = "/api/v1/exams/{id}/lines", tag = "exams", request_body = MarkInput,
    responses((status = 200, body = ExamDetail), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_line(
    s: State<AppState>,
    caller: Caller,
    route: MatchedPath,
    id: Path<i64>,
    m: Json<MarkInput>,
) -> ApiResult<Json<ExamDetail>> {
    add_mark(s, caller, route, id, m).await
}

async fn add_mark(
    State(s): State<AppState>,
    caller: Caller,
    route: MatchedPath,
    Path(id): Path<i64>,
    Json(m): Json<MarkInput>,
) -> ApiResult<Json<ExamDetail>> {
    let line = route.as_str().ends_with("/lines");
    service::put_mark(&s.db, &caller, id, line, &m).await?;
    Ok(Json(service::detail(&s.db, &caller, id).await?))
}

/// Imports results from .xlsx/.csv, `students` (per candidate) or
/// `schools` (totals): 200 when saved, 422 with every row's problem when
/// nothing was, 409 when the results are published.
#[utoipa::path(post, path = "/api/v1/exams/{id}/import/{kind}", tag = "exams",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome), (status = 409, body = ErrorBody)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, kind)): Path<(i64, String)>,
    mp: Multipart,
) -> ApiResult<Response> {
    let schools = match kind.as_str() {
        "students" => false,
        "schools" => true,
        _ => return Err(AppError::NotFound.into()),
    };
    let up = read_upload(mp).await?;
    let out = super::files::run_import(&s, &caller, id, schools, &up.bytes, &up.filename).await?;
    Ok((import_status(out.applied), Json(out)).into_response())
}

/// Publishes (freezes) the open version.
#[utoipa::path(post, path = "/api/v1/exams/{id}/publish", tag = "exams",
    responses((status = 200, body = Created), (status = 409, body = ErrorBody)))]
pub async fn publish(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Created>> {
    Ok(Json(Created {
        id: service::publish(&s.db, &caller, id).await?,
    }))
}

/// Opens a correction: the next version, with its reason.
#[utoipa::path(post, path = "/api/v1/exams/{id}/corrections", tag = "exams", request_body = Reason,
    responses((status = 200, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn correct(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(r): Json<Reason>,
) -> ApiResult<Json<Created>> {
    Ok(Json(Created {
        id: service::correct(&s.db, &caller, id, &r.reason).await?,
    }))
}

/// Each line's figures per school and for the district, beside last year's.
#[utoipa::path(get, path = "/api/v1/exams/{id}/analysis", tag = "exams", params(ViewQuery),
    responses((status = 200, body = Analysis), (status = 404, body = ErrorBody)))]
pub async fn analysis(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> ApiResult<Json<Analysis>> {
    Ok(Json(
        service::analysis(&s.db, &caller, id, q.version).await?,
    ))
}

/// Saves the 成绩分析说明 and returns each figure that does not follow from
/// the records.
#[utoipa::path(post, path = "/api/v1/exams/{id}/report", tag = "exams", request_body = ReportText,
    responses((status = 200, body = ReportCheck)))]
pub async fn report(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(t): Json<ReportText>,
) -> ApiResult<Json<ReportCheck>> {
    Ok(Json(
        service::save_report(&s.db, &caller, id, &t.text).await?,
    ))
}

/// Candidates' scores of a version in scope (the view is audited).
#[utoipa::path(get, path = "/api/v1/exams/{id}/scores", tag = "exams", params(ViewQuery),
    responses((status = 200, body = Vec<ScoreRow>)))]
pub async fn scores(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> ApiResult<Json<Vec<ScoreRow>>> {
    Ok(Json(
        service::scores(&s.db, &caller, id, q.version, q.institution_id)
            .await?
            .1,
    ))
}

/// One candidate's score (another school's: 404; the view is audited).
#[utoipa::path(get, path = "/api/v1/exams/{id}/scores/{score_id}", tag = "exams",
    responses((status = 200, body = ScoreRow), (status = 404, body = ErrorBody)))]
pub async fn score(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, score_id)): Path<(i64, i64)>,
) -> ApiResult<Json<ScoreRow>> {
    Ok(Json(service::score(&s.db, &caller, id, score_id).await?))
}
