//! JSON API under /api/v1/fitness: classes, a class's results, one test,
//! import and rescoring.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::excel::RowError;
use platform::vocab::SchoolYear;
use platform::web::upload::{import_status, read_upload};
use platform::web::AppState;
use platform::{ApiResult, AppError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::files::target;
use super::ClassQuery;
use crate::service::results::import::{import as import_results, source_of_upload, Outcome};
use crate::service::results::rescore::{rescore as rescore_year, Mode, Rescored};
use crate::service::results::{self as service, ResultsReader, Saved, SheetInput};
use crate::store::results::{ClassCount, ClassOf, Raw, RosterRow, Scores, TestRow};

#[derive(OpenApi)]
#[openapi(
    paths(classes, roster, test, record, update, delete, import, rescore),
    components(schemas(
        ClassCount, RosterRow, TestRow, Raw, Scores, SheetInput, NewTest, Saved, Outcome, RowError,
        Rescored, ErrorBody
    ))
)]
pub struct ApiDoc;

/// The classes of a school's year with pupils and tests counted.
#[utoipa::path(get, path = "/api/v1/fitness/classes", tag = "fitness", params(ClassQuery),
    responses((status = 200, body = [ClassCount]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn classes(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> ApiResult<Json<Vec<ClassCount>>> {
    let institution = q
        .institution(&caller)
        .ok_or_else(|| AppError::invalid("institution", "请选择学校"))?;
    Ok(Json(
        ResultsReader::of(&s.db, &caller)?
            .classes(institution, q.year())
            .await?,
    ))
}

/// A class's pupils, each with the year's results and scores (audited).
#[utoipa::path(get, path = "/api/v1/fitness/roster", tag = "fitness", params(ClassQuery),
    responses((status = 200, body = [RosterRow]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn roster(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> ApiResult<Json<Vec<RosterRow>>> {
    let (Some(institution), Some(grade), Some(class_name)) =
        (q.institution(&caller), q.grade, q.class())
    else {
        return Err(AppError::invalid("class", "请指定学校、年级和班级").into());
    };
    let class = ClassOf {
        institution,
        year: q.year().0,
        grade,
        class_name,
    };
    Ok(Json(
        ResultsReader::of(&s.db, &caller)?.roster(class).await?,
    ))
}

/// One test with its scores (audited).
#[utoipa::path(get, path = "/api/v1/fitness/tests/{id}", tag = "fitness", params(("id" = i64, Path)),
    responses((status = 200, body = TestRow), (status = 404, body = ErrorBody)))]
pub async fn test(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<TestRow>> {
    Ok(Json(ResultsReader::of(&s.db, &caller)?.test(id).await?))
}

/// A pupil's results of a year.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct NewTest {
    pub student_id: i64,
    /// The school year (2026 = 2026—2027学年); the current one when absent.
    #[serde(default)]
    pub school_year: Option<i64>,
    #[serde(flatten)]
    pub sheet: SheetInput,
}

/// Records a pupil's results of the year (created, or changed if the pupil
/// has a test that year), scored on save. An impossible value or an item
/// the grade does not take: 422, nothing saved.
#[utoipa::path(post, path = "/api/v1/fitness/tests", tag = "fitness", request_body = NewTest,
    responses((status = 200, body = Saved), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record(
    State(s): State<AppState>,
    caller: Caller,
    Json(t): Json<NewTest>,
) -> ApiResult<Json<Saved>> {
    let year = t.school_year.map_or_else(SchoolYear::current, SchoolYear);
    Ok(Json(
        service::record(&s.db, &caller, t.student_id, year, &t.sheet).await?,
    ))
}

/// Changes a test's results (rescored on save).
#[utoipa::path(put, path = "/api/v1/fitness/tests/{id}", tag = "fitness", params(("id" = i64, Path)), request_body = SheetInput,
    responses((status = 200, body = Saved), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Json(input): Json<SheetInput>,
) -> ApiResult<Json<Saved>> {
    Ok(Json(service::update(&s.db, &caller, id, &input).await?))
}

/// Deletes a test recorded by mistake.
#[utoipa::path(delete, path = "/api/v1/fitness/tests/{id}", tag = "fitness", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    service::delete(&s.db, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Imports a 体测成绩导入表 (.xlsx or .csv) for a school's year: 200 when
/// saved, 422 with every row's problem when nothing was.
#[utoipa::path(post, path = "/api/v1/fitness/imports", tag = "fitness", params(ClassQuery),
    responses((status = 200, body = Outcome), (status = 422, body = Outcome), (status = 413, body = ErrorBody)))]
pub async fn import(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
    mp: Multipart,
) -> ApiResult<Response> {
    let up = read_upload(mp).await?;
    let out = import_results(
        &s.db,
        &caller,
        source_of_upload(up.filename, up.bytes),
        target(&caller, &q),
    )
    .await?;
    Ok((import_status(out.applied), Json(out)).into_response())
}

/// Rescores every test of the year in the caller's scope.
#[utoipa::path(post, path = "/api/v1/fitness/rescore", tag = "fitness", params(ClassQuery),
    responses((status = 200, body = Rescored), (status = 403, body = ErrorBody)))]
pub async fn rescore(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> ApiResult<Json<Rescored>> {
    Ok(Json(
        rescore_year(&s.db, &caller, q.year(), Mode::Score).await?,
    ))
}
