//! Excel export, the blank import template, and import.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::district::{self, Township};
use platform::excel::{error_workbook, read_table, Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::upload::{import_status, Upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult, TownshipId};

use super::township_name;
use crate::domain::{Category, Institution, Licence, Ownership, Status, FIELDS};
use crate::service::{self, ImportMode, ImportOutcome};
use crate::store::{self, Filter};

/// The list page's filter in its own words, for the export's title row.
fn title(f: &Filter, townships: &[Township]) -> Title {
    let township = f
        .township_id
        .map(|t| township_name(townships, TownshipId(t)).to_string());
    Title::list("机构名录")
        .filter("名称或标识码", f.q.clone().unwrap_or_default())
        .filter_code("类别", f.category.as_deref(), |c| {
            Category::parse(c).map(Category::label)
        })
        .filter_code("举办性质", f.ownership.as_deref(), |c| {
            Ownership::parse(c).map(Ownership::label)
        })
        .filter("乡镇（街道）", township.unwrap_or_default())
        .filter("称号", f.designation.clone().unwrap_or_default())
        .filter_code("办学许可", f.licence.as_deref(), |c| {
            Licence::parse(c).map(Licence::label)
        })
        .filter_code("状态", f.status.as_deref(), |c| {
            Status::parse(c).map(Status::label)
        })
}

/// The institutions as a workbook in the import layout, so an export can be
/// edited and imported back (the importer skips the title row).
pub fn export_workbook(
    items: &[Institution],
    townships: &[Township],
    title: &Title,
) -> anyhow::Result<Vec<u8>> {
    let headers: Vec<&str> = FIELDS.iter().map(|(_, l)| *l).collect();
    let mut wb = Workbook::export(title, &headers);
    for i in items {
        wb.row(&[
            Cell::id(i.code.as_deref().unwrap_or_default()),
            Cell::text(&i.name),
            Cell::text(format!("{} {}", i.school_type, i.school_type_name())),
            Cell::text(i.ownership.label()),
            Cell::text(i.licence.label()),
            Cell::text(i.status.label()),
            Cell::text(township_name(townships, i.township_id)),
            Cell::text(&i.address),
            Cell::text(&i.principal),
            Cell::id(&i.phone),
            i.founded_year.into(),
            Cell::Int(i.approved_places),
            Cell::Int(i.class_count),
            Cell::text(if i.boarding { "是" } else { "否" }),
            Cell::text(i.group_name.as_deref().unwrap_or_default()),
            Cell::text(&i.notes),
        ])?;
    }
    wb.finish()
}

pub async fn export_bytes(
    state: &AppState,
    caller: &Caller,
    f: &Filter,
) -> Result<Vec<u8>, AppError> {
    caller.require(WorkArea::Institutions, Access::Read)?;
    let townships = district::townships(&state.db).await?;
    let items = store::list_all(&state.db, &caller.scope, f).await?;
    Ok(export_workbook(&items, &townships, &title(f, &townships))?)
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<Filter>,
) -> PageResult {
    let bytes = export_bytes(&state, &caller, &f).await?;
    Ok(file_response("机构名录.xlsx", XLSX_MIME, bytes))
}

pub async fn template(actor: Actor) -> PageResult {
    actor.require(WorkArea::Institutions, Access::Read)?;
    let headers: Vec<&str> = FIELDS.iter().map(|(_, l)| *l).collect();
    let bytes = Workbook::template("机构名录", &headers).finish()?;
    Ok(file_response("机构导入模板.xlsx", XLSX_MIME, bytes))
}

fn import_page(
    actor: &Actor,
    outcome: Option<&ImportOutcome>,
    report: Option<&str>,
    file_error: Option<&str>,
) -> maud::Markup {
    page(
        actor,
        "从 Excel 导入机构",
        html! {
            p { "请使用 " a href="/institutions/template.xlsx" { "导入模板" } " 或由本系统导出的文件。学校标识码（无标识码时按机构名称）与已有机构相同的行将更新该机构，其余行新增。" }
            p.muted { "文件中只要有一行有误，默认不导入任何数据；勾选“只导入正确的行”可跳过错误行。" }
            @if let Some(e) = file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = outcome {
                @if o.applied {
                    p.notice role="status" { "导入完成：新增 " (o.created) " 个，更新 " (o.updated) " 个。" }
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
            form.stacked method="post" action=(format!("/institutions/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="file" { "Excel 文件（.xlsx）或 CSV 文件" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                label { input type="checkbox" name="valid_only" value="1"; " 只导入正确的行" }
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn import_form(actor: Actor, caller: Caller) -> PageResult {
    caller.require_bureau(WorkArea::Institutions)?;
    Ok(import_page(&actor, None, None, None).into_response())
}

pub async fn run_import(
    state: &AppState,
    caller: &Caller,
    up: &Upload,
) -> Result<Result<ImportOutcome, String>, AppError> {
    let table = match read_table(&up.bytes, &up.filename, None) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let mode = if up.valid_only {
        ImportMode::ValidRowsOnly
    } else {
        ImportMode::AllOrNothing
    };
    Ok(Ok(
        service::import_table(&state.db, caller, &table, mode).await?
    ))
}

pub async fn import(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    caller.require_bureau(WorkArea::Institutions)?;
    let up = platform::web::upload::read_upload(mp).await?;
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
                    "机构导入错误报告.xlsx",
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
