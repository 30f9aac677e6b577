//! The household register: its import page and template, and the
//! comparison with the enrolments (户籍比对).

use axum::extract::{Form, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, WorkArea};
use platform::excel::{error_workbook, read_table, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::service::dropout::{self as service, RegisterImportOutcome, CHILD_COLUMNS};
use crate::web::forms::school_year;
use crate::web::view::import_errors;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ScanForm {
    school_year: String,
}

pub async fn scan(
    State(state): State<AppState>,
    caller: Caller,
    Form(f): Form<ScanForm>,
) -> PageResult {
    let year = school_year(Some(&f.school_year))?;
    let o = service::scan(&state.db, &caller, year).await?;
    Ok(Redirect::to(&format!(
        "/dropout?scanned={}&year={}&assigned={}",
        o.opened, o.school_year, o.assigned
    ))
    .into_response())
}

pub async fn template(caller: Caller) -> PageResult {
    caller.require_bureau(WorkArea::Dropout)?;
    let wb = Workbook::template("户籍适龄儿童", &CHILD_COLUMNS);
    Ok(file_response(
        "户籍适龄儿童导入模板.xlsx",
        XLSX_MIME,
        wb.finish()?,
    ))
}

fn import_page(
    actor: &Actor,
    outcome: Option<&RegisterImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> Markup {
    page(
        actor,
        "导入户籍适龄儿童名册",
        html! {
            p { "名册来自公安户籍数据，用于与学籍比对、发现未入学的适龄儿童。请使用 " a href="/dropout/children/template.xlsx" { "导入模板" } "，列为：" (CHILD_COLUMNS.join("、")) "。" }
            p.muted { "身份证件号、姓名、所在乡镇（街道）必填；性别、出生日期可留空（取自身份证件号），填写时须与身份证件号一致；乡镇（街道）可填名称或代码。文件中只要有一行有误（包括身份证件号重复或已在名册中），不导入任何数据。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：新增 " (o.created) " 名儿童。" a href="/dropout" { "返回控辍保学" } }
                } @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                    @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                    (import_errors(&o.errors))
                }
            }
            form.stacked method="post" action=(format!("/dropout/children/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="file" { "Excel 文件（.xlsx）或 CSV 文件" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn import_form(actor: Actor, caller: Caller) -> PageResult {
    caller.require_bureau(WorkArea::Dropout)?;
    Ok(import_page(&actor, None, None, None).into_response())
}

pub use platform::web::upload::{read_upload, Upload};

/// The outcome, or the reason the file could not be read at all.
pub async fn run_import(
    state: &AppState,
    caller: &Caller,
    up: &Upload,
) -> Result<Result<RegisterImportOutcome, String>, AppError> {
    let table = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(Ok(
        service::import_children(&state.db, caller, &table).await?
    ))
}

pub async fn import(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    caller.require_bureau(WorkArea::Dropout)?;
    let up = read_upload(mp).await?;
    let response: Response = match run_import(&state, &caller, &up).await? {
        Err(file_error) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            import_page(&actor, None, None, Some(&file_error)),
        )
            .into_response(),
        Ok(outcome) if outcome.applied => {
            import_page(&actor, Some(&outcome), None, None).into_response()
        }
        Ok(outcome) => {
            let report = state.reports.put(
                actor.user.id,
                "户籍名册导入错误报告.xlsx",
                XLSX_MIME,
                error_workbook(&outcome.errors)?,
            );
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                import_page(&actor, Some(&outcome), Some(&report), None),
            )
                .into_response()
        }
    };
    Ok(response)
}
