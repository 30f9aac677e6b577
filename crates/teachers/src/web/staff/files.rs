//! The import template and the import page of staff records.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::excel::{error_workbook, read_table, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::upload::{import_status, read_upload, Upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use crate::domain::staff::FIELDS;
use crate::service::staff::import::{import_table, ImportOutcome};

/// The template's headers: 单位 only for the bureau.
fn headers(scope: &Scope) -> Vec<&'static str> {
    FIELDS
        .iter()
        .filter(|(k, _)| *scope == Scope::All || *k != "institution")
        .map(|(_, l)| *l)
        .collect()
}

pub async fn template(actor: Actor) -> PageResult {
    actor.require(WorkArea::Teachers, Access::Write)?;
    let bytes = Workbook::template("教职工信息", &headers(&actor.scope)).finish()?;
    Ok(file_response("教职工导入模板.xlsx", XLSX_MIME, bytes))
}

fn import_page(
    actor: &Actor,
    outcome: Option<&ImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> Markup {
    page(
        actor,
        "从 Excel 导入教职工",
        html! {
            p { "请使用 " a href="/teachers/staff/template.xlsx" { "导入模板" } "。民族、政治面貌、学历可填国家标准代码或名称；身份证件号须通过校验位检查；文件中与已有记录重复的身份证件号不能导入。" }
            @if actor.scope != Scope::All { p.muted { "学校导入的教职工须经人事科审核通过后才生效。" } }
            p.muted { "文件中只要有一行有误，默认不导入任何数据；勾选“只导入正确的行”可跳过错误行。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：新增 " (o.created) " 人，待审核 " (o.pending) " 人。" }
                } @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                }
                @if !o.errors.is_empty() {
                    @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                    table id="import-errors" {
                        thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
                        tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
                    }
                }
            }
            form.stacked method="post" action=(format!("/teachers/staff/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="file" { "Excel 文件（.xlsx）或 CSV 文件" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                label { input type="checkbox" name="valid_only" value="1"; " 只导入正确的行" }
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn import_form(actor: Actor) -> PageResult {
    actor.require(WorkArea::Teachers, Access::Write)?;
    Ok(import_page(&actor, None, None, None).into_response())
}

/// The file read and imported; a file that cannot be read at all gives its
/// reason instead.
pub async fn run_import(
    state: &AppState,
    caller: &Caller,
    up: &Upload,
) -> Result<Result<ImportOutcome, String>, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let table = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(Ok(
        import_table(&state.db, caller, &table, up.valid_only).await?
    ))
}

pub async fn import(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    let up = read_upload(mp).await?;
    let response: Response = match run_import(&state, &caller, &up).await? {
        Err(file_error) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            import_page(&actor, None, None, Some(&file_error)),
        )
            .into_response(),
        Ok(outcome) => {
            let report = if outcome.errors.is_empty() {
                None
            } else {
                Some(state.reports.put(
                    actor.user.id,
                    "教职工导入错误报告.xlsx",
                    XLSX_MIME,
                    error_workbook(&outcome.errors)?,
                ))
            };
            (
                import_status(outcome.applied),
                import_page(&actor, Some(&outcome), report.as_deref(), None),
            )
                .into_response()
        }
    };
    Ok(response)
}
