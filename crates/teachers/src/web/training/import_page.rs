//! Importing a session's attendance from .xlsx (or CSV): the template, the
//! upload page, and the bad rows with row, column and reason.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{error_workbook, read_table, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::upload::read_upload;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use crate::domain::training::SessionId;
use crate::service::training::import::{self, AttendanceImportOutcome, COLUMNS};
use crate::service::training::{self as service};
use crate::store::training::Session;

pub async fn template(caller: Caller) -> PageResult {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let wb = Workbook::template("参训记录", &COLUMNS);
    Ok(file_response(
        "参训记录导入模板.xlsx",
        XLSX_MIME,
        wb.finish()?,
    ))
}

/// The bad rows of an imported file.
pub fn import_errors(errors: &[platform::excel::RowError]) -> Markup {
    html! {
        table id="import-errors" {
            thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
            tbody { @for e in errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
        }
    }
}

fn import_view(
    actor: &Actor,
    x: &Session,
    outcome: Option<&AttendanceImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> Markup {
    let back = format!("/teachers/training/sessions/{}", x.id.0);
    page(
        actor,
        &format!("导入参训记录：{}·{}", x.project_name, x.title),
        html! {
            p { "请使用 " a href="/teachers/training/attendance-template.xlsx" { "导入模板" } "，列为：" (COLUMNS.join("、")) "。身份证件号、姓名必填；参训日期留空取本场开始日期（" (x.starts_on) "），学时留空取本场学时（" (x.hours) "）。文件中只要有一行有误，不导入任何数据。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：登记 " (o.credited) " 人次。" a href=(back) { "返回本场培训" } }
                } @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                    @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                    (import_errors(&o.errors))
                }
            }
            form.stacked method="post" action=(format!("/teachers/training/sessions/{}/import?_csrf={}", x.id.0, actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="file" { "Excel 文件（.xlsx）或 CSV 文件" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn form(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> PageResult {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let x = service::session(&s.db, &caller, id).await?;
    Ok(import_view(&actor, &x, None, None, None).into_response())
}

/// Reads and imports an upload: the outcome, or why the file could not be
/// read at all.
pub async fn run(
    s: &AppState,
    caller: &Caller,
    id: SessionId,
    mp: Multipart,
) -> Result<Result<AttendanceImportOutcome, String>, AppError> {
    let up = read_upload(mp).await?;
    let table = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(Ok(import::import(&s.db, caller, id, &table).await?))
}

pub async fn import(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<SessionId>,
    mp: Multipart,
) -> PageResult {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let x = service::session(&s.db, &caller, id).await?;
    Ok(match run(&s, &caller, id, mp).await? {
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            import_view(&actor, &x, None, None, Some(&e)),
        )
            .into_response(),
        Ok(o) if o.applied => import_view(&actor, &x, Some(&o), None, None).into_response(),
        Ok(o) => {
            let report = s.reports.put(
                actor.user.id,
                "参训记录导入错误报告.xlsx",
                XLSX_MIME,
                error_workbook(&o.errors)?,
            );
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                import_view(&actor, &x, Some(&o), Some(&report), None),
            )
                .into_response()
        }
    })
}
