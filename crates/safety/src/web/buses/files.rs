//! 校车 spreadsheets: the export of the list (in the import's layout, so it
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

use super::pages::{buses_nav, plate_text};
use crate::domain::buses::Expiry;
use crate::service::buses::import::{self, columns, BusImportOutcome};
use crate::service::buses::{self as service, require_keeper};
use crate::store::buses::BusFilter;

fn yes_no(v: bool) -> &'static str {
    if v {
        "是"
    } else {
        "否"
    }
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(f): Query<BusFilter>,
) -> PageResult {
    let rows = service::list(&s.db, &caller, &f).await?;
    let mut title = Title::list("校车");
    if let Some(state) = f.state.as_deref().and_then(Expiry::parse) {
        title = title.filter("证照状态", state.label());
    }
    let mut wb = Workbook::export(&title, &columns());
    for b in &rows {
        wb.row(&[
            Cell::text(&b.institution_name),
            Cell::id(plate_text(&b.plate)),
            Cell::Int(b.seats),
            Cell::text(&b.operator),
            Cell::id(&b.permit_no),
            Cell::Date(b.permit_expires),
            Cell::Date(b.inspection_expires),
            Cell::Date(b.insurance_expires),
            Cell::text(&b.driver_name),
            Cell::text(b.driver_class.as_str()),
            Cell::Date(b.driver_licence_expires),
            Cell::text(yes_no(b.driver_approved)),
            Cell::text(&b.route),
            Cell::Int(b.pupils),
        ])?;
    }
    Ok(file_response("校车.xlsx", XLSX_MIME, wb.finish()?))
}

pub async fn template(caller: Caller) -> PageResult {
    require_keeper(&caller)?;
    let wb = Workbook::template("校车", &columns());
    Ok(file_response("校车导入模板.xlsx", XLSX_MIME, wb.finish()?))
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
    outcome: Option<&BusImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> Markup {
    page(
        actor,
        "导入校车",
        html! {
            (buses_nav())
            p { "请使用 " a href="/safety/buses/template.xlsx" { "导入模板" } "，列为：" (columns().join("、"))
                "。学校列由教育局填写（学校账号导入的都是本校校车）；准驾车型填 A1、B1 或 C1，校车驾驶资格填“是”或“否”，日期写作 2027-03-01。文件中只要有一行有误，不导入任何数据。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：新增校车 " (o.imported) " 辆。" a href="/safety/buses" { "返回校车列表" } }
                } @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                    @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                    (errors_table(&o.errors))
                }
            }
            form.stacked method="post" action=(format!("/safety/buses/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
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
) -> Result<Result<BusImportOutcome, String>, AppError> {
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
                "校车导入错误报告.xlsx",
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
