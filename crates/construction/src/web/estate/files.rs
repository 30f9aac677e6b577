//! 校舍 spreadsheets: the export of the list (in the import's layout, so it
//! can be edited and imported back), the template, and the import page
//! with the bad rows by row, column and reason.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::excel::{error_workbook, read_table, Cell, RowError, Title, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::upload::read_upload;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use super::buildings::estate_nav;
use crate::domain::estate::SafetyGrade;
use crate::service::estate::buildings as service;
use crate::service::estate::import::{self, columns, BuildingImportOutcome};
use crate::service::estate::require_keeper;
use crate::store::estate::buildings::BuildingFilter;

/// At most this many rows in one export.
const EXPORT_LIMIT: i64 = 100_000;

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<BuildingFilter>,
) -> PageResult {
    let rows = service::all(&s.db, &caller, &f, EXPORT_LIMIT).await?;
    let mut title = Title::list("校舍");
    if let Some(g) = f.grade.as_deref().and_then(SafetyGrade::parse) {
        title = title.filter("安全鉴定等级", g.label());
    }
    let mut wb = Workbook::export(&title, &columns());
    for b in &rows {
        let year = b.year_built.map_or(Cell::Blank, Cell::Int);
        let appraised = b.appraised_on.map_or(Cell::Blank, Cell::Date);
        wb.row(&[
            Cell::text(&b.institution_name),
            Cell::text(&b.name),
            Cell::Int(b.floor_area),
            year,
            Cell::text(b.structure.label()),
            Cell::Int(b.floors),
            Cell::text(b.purpose.label()),
            Cell::text(b.grade.map_or("", SafetyGrade::label)),
            appraised,
            Cell::text(b.certificate.label()),
            Cell::id(&b.certificate_no),
            Cell::text(&b.note),
        ])?;
    }
    Ok(file_response("校舍.xlsx", XLSX_MIME, wb.finish()?))
}

pub async fn template(caller: Caller) -> PageResult {
    require_keeper(&caller)?;
    let wb = Workbook::template("校舍", &columns());
    Ok(file_response("校舍导入模板.xlsx", XLSX_MIME, wb.finish()?))
}

fn errors_table(errors: &[RowError]) -> Markup {
    html! {
        table id="import-errors" {
            thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
            tbody { @for e in errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
        }
    }
}

fn import_view(
    actor: &Actor,
    outcome: Option<&BuildingImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> Markup {
    page(
        actor,
        "导入校舍",
        html! {
            (estate_nav())
            p { "请使用 " a href="/construction/buildings/template.xlsx" { "导入模板" } "，列为：" (columns().join("、"))
                "。学校列由教育局填写（学校账号导入的都是本校校舍）；结构类型、用途、安全鉴定等级、产权证状态填写中文名称（如“框架”“教学”“D级”“已办证”）。文件中只要有一行有误，不导入任何数据。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：新增校舍 " (o.imported) " 栋。" a href="/construction/buildings" { "返回校舍列表" } }
                } @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                    @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                    (errors_table(&o.errors))
                }
            }
            form.stacked method="post" action=(format!("/construction/buildings/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="file" { "Excel 文件（.xlsx）或 CSV 文件" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn form(actor: Actor, caller: Caller) -> PageResult {
    require_keeper(&caller)?;
    Ok(import_view(&actor, None, None, None).into_response())
}

/// Reads and imports an upload: the outcome, or why the file could not be
/// read at all.
pub async fn run(
    s: &AppState,
    caller: &Caller,
    mp: Multipart,
) -> Result<Result<BuildingImportOutcome, String>, AppError> {
    require_keeper(caller)?;
    let up = read_upload(mp).await?;
    let table = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let institutions = (s.institutions)(&s.db).await?;
    Ok(Ok(
        import::import(&s.db, caller, &institutions, &table).await?
    ))
}

pub async fn upload(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    Ok(match run(&s, &caller, mp).await? {
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            import_view(&actor, None, None, Some(&e)),
        )
            .into_response(),
        Ok(o) if o.applied => import_view(&actor, Some(&o), None, None).into_response(),
        Ok(o) => {
            let report = s.reports.put(
                actor.user.id,
                "校舍导入错误报告.xlsx",
                XLSX_MIME,
                error_workbook(&o.errors)?,
            );
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                import_view(&actor, Some(&o), Some(&report), None),
            )
                .into_response()
        }
    })
}
