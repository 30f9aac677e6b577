//! Pages and JSON API of quality monitoring (国家义务教育质量监测): the
//! rounds, a round's results per subject with the district's position, one
//! school's results, and the bureau's import.

use axum::extract::{Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::error::ErrorBody;
use platform::excel::{read_table, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, page, AppState};
use platform::{ApiResult, AppError, PageResult};
use utoipa::OpenApi;

use super::results::percent;
use crate::domain::quality::{DistrictFigures, Position};
use crate::service::quality::{
    self as service, RoundInput, RoundView, SchoolPosition, SubjectView, HEADERS,
};
use crate::service::results::ImportOutcome;
use crate::store::quality::Round;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exams/quality", get(list).post(create))
        .route("/exams/quality/template.xlsx", get(template))
        .route("/exams/quality/{id}", get(show))
        .route("/exams/quality/{id}/import", post(import_page))
        .route("/exams/quality/{id}/schools/{institution_id}", get(school))
        .route("/api/v1/exams/quality", get(api_list).post(api_create))
        .route("/api/v1/exams/quality/{id}", get(api_round))
        .route("/api/v1/exams/quality/{id}/import", post(api_import))
        .route(
            "/api/v1/exams/quality/{id}/schools/{institution_id}",
            get(api_school),
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(api_list, api_create, api_round, api_import, api_school),
    components(schemas(
        Round,
        RoundInput,
        RoundView,
        SubjectView,
        SchoolPosition,
        Position,
        DistrictFigures,
        ImportOutcome,
        ErrorBody
    ))
)]
struct ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

fn bureau_writes(actor: &Actor) -> bool {
    actor.may(WorkArea::Exams, Access::Write) && actor.scope.institution().is_none()
}

async fn list(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let rounds = service::rounds(&s.db, &caller).await?;
    let body = html! {
        table id="rounds" {
            thead { tr { th.num { "年度" } th.num { "年级" } th { "名称" } } }
            tbody { @for r in &rounds { tr { td.num { (r.year) } td.num { (r.grade) } td { a href=(format!("/exams/quality/{}", r.id)) { (r.name) } } } } }
        }
        @if bureau_writes(&actor) {
            h3 { "新增质量监测" }
            form.stacked method="post" action="/exams/quality" {
                (csrf_field(&actor))
                label { "年度" input type="number" name="year" required min="2000" max="2100"; }
                label { "年级" input type="number" name="grade" required min="1" max="9"; }
                label { "名称（可不填）" input type="text" name="name"; }
                button type="submit" { "新增" }
            }
        }
    };
    Ok(page(&actor, "国家义务教育质量监测", body).into_response())
}

async fn create(
    State(s): State<AppState>,
    caller: Caller,
    Form(input): Form<RoundInput>,
) -> PageResult {
    let id = service::create_round(&s.db, &caller, &input).await?;
    Ok(Redirect::to(&format!("/exams/quality/{id}")).into_response())
}

fn subject_table(round: i64, s: &SubjectView) -> Markup {
    html! {
        h3 { (s.subject) }
        table.quality data-subject=(s.subject) {
            thead { tr { th { "学校" } th.num { "参测人数" } th.num { "平均分" } th.num { "与全区差" } th.num { "达标率" } th.num { "排名" } } }
            tbody { @for p in &s.schools { tr {
                td { a href=(format!("/exams/quality/{round}/schools/{}", p.position.institution_id)) { (p.institution_name) } }
                td.num { (p.position.tested) }
                td.num { (p.position.mean) }
                td.num { (p.position.versus_district.map_or("—".into(), |d| if d.units > 0 { format!("+{d}") } else { d.to_string() })) }
                td.num { (percent(p.position.pass_rate)) }
                td.num { (p.position.rank) }
            } } }
            tfoot { tr {
                td { "全区" } td.num { (s.district.tested) }
                td.num { (s.district.mean.map_or("—".into(), |m| m.to_string())) }
                td.num { "—" } td.num { (percent(s.district.pass_rate)) } td.num { "—" }
            } }
        }
    }
}

fn round_page(actor: &Actor, v: &RoundView) -> Markup {
    let id = v.round.id;
    html! {
        p { a href="/exams/quality" { "全部质量监测" } }
        p.muted { "全区平均分按各校参测人数加权；与全区差 = 学校平均分 − 全区平均分；排名按平均分，并列同名次。" }
        @for s in &v.subjects { (subject_table(id, s)) }
        @if v.subjects.is_empty() { p.muted { "尚无监测结果。" } }
        @if bureau_writes(actor) {
            h3 { "导入监测结果" }
            form.stacked method="post" enctype="multipart/form-data" action=(format!("/exams/quality/{id}/import?_csrf={}", actor.csrf_token)) {
                (csrf_field(actor))
                p { "使用 " a href="/exams/quality/template.xlsx" { "导入模板" } "（学校、科目、参测人数、平均分、达标人数）；导入将替换本次监测的全部结果，任何一行有误时不导入。" }
                input type="file" name="file" accept=".xlsx,.csv" required;
                button type="submit" { "上传并导入" }
            }
        }
    }
}

async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let v = service::round(&s.db, &caller, id).await?;
    Ok(page(&actor, &v.round.name, round_page(&actor, &v)).into_response())
}

async fn school(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(i64, i64)>,
) -> PageResult {
    let v = service::school(&s.db, &caller, id, institution).await?;
    let name = v
        .subjects
        .iter()
        .flat_map(|s| &s.schools)
        .map(|p| p.institution_name.clone())
        .next()
        .unwrap_or_default();
    let body = html! {
        p { a href=(format!("/exams/quality/{id}")) { "返回 " (v.round.name) } }
        @for s in &v.subjects { (subject_table(id, s)) }
    };
    Ok(page(&actor, &format!("{name} 质量监测结果"), body).into_response())
}

async fn template(actor: Actor) -> PageResult {
    actor.require(WorkArea::Exams, Access::Write)?;
    let bytes = Workbook::template("质量监测结果", &HEADERS).finish()?;
    Ok(file_response("质量监测结果导入模板.xlsx", XLSX_MIME, bytes))
}

async fn run_import(
    s: &AppState,
    caller: &Caller,
    id: i64,
    mp: Multipart,
) -> Result<ImportOutcome, AppError> {
    let up = read_upload(mp).await?;
    let table = read_table(&up.bytes, &up.filename, None)
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    service::import_results(&s.db, caller, id, &table).await
}

async fn import_page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    mp: Multipart,
) -> PageResult {
    let (status, body) = match run_import(&s, &caller, id, mp).await {
        Err(AppError::BadRequest(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { p.alert role="alert" { (e) } },
        ),
        Err(e) => return Err(e),
        Ok(o) => (
            import_status(o.applied),
            html! {
                @if o.applied { p.notice role="status" { "导入完成：保存 " (o.rows) " 行监测结果。" } }
                @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。" }
                    table id="import-errors" { tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } } }
                }
            },
        ),
    };
    let body = html! { (body) p { a href=(format!("/exams/quality/{id}")) { "返回质量监测" } } };
    Ok((status, page(&actor, "导入质量监测结果", body)).into_response())
}

/// Every monitoring round.
#[utoipa::path(get, path = "/api/v1/exams/quality", tag = "exams", responses((status = 200, body = Vec<Round>)))]
async fn api_list(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Round>>> {
    Ok(Json(service::rounds(&s.db, &caller).await?))
}

/// A new round (the bureau); answers its id.
#[utoipa::path(post, path = "/api/v1/exams/quality", tag = "exams", request_body = RoundInput,
    responses((status = 200, body = i64), (status = 422, body = ErrorBody)))]
async fn api_create(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<RoundInput>,
) -> ApiResult<Json<i64>> {
    Ok(Json(service::create_round(&s.db, &caller, &input).await?))
}

/// A round's results per subject with the district's position (a school:
/// its own rows beside the district's figures).
#[utoipa::path(get, path = "/api/v1/exams/quality/{id}", tag = "exams", responses((status = 200, body = RoundView), (status = 404, body = ErrorBody)))]
async fn api_round(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<RoundView>> {
    Ok(Json(service::round(&s.db, &caller, id).await?))
}

/// Replaces a round's results from .xlsx/.csv: 200 when saved, 422 with
/// every row's problem when nothing was.
#[utoipa::path(post, path = "/api/v1/exams/quality/{id}/import", tag = "exams",
    responses((status = 200, body = ImportOutcome), (status = 422, body = ImportOutcome)))]
async fn api_import(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    mp: Multipart,
) -> ApiResult<Response> {
    let out = run_import(&s, &caller, id, mp).await?;
    Ok((import_status(out.applied), Json(out)).into_response())
}

/// One school's results of a round (another school's: 404).
#[utoipa::path(get, path = "/api/v1/exams/quality/{id}/schools/{institution_id}", tag = "exams",
    responses((status = 200, body = RoundView), (status = 404, body = ErrorBody)))]
async fn api_school(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, institution)): Path<(i64, i64)>,
) -> ApiResult<Json<RoundView>> {
    Ok(Json(
        service::school(&s.db, &caller, id, institution).await?,
    ))
}
