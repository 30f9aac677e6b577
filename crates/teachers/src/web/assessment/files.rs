//! The import template, the import from the entry page and the results
//! as .xlsx.

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{read_table, Cell, Title, Workbook, XLSX_MIME};
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use super::YearQuery;
use crate::service::assessment::{self as service, ImportOutcome, IMPORT_HEADERS};

pub async fn template(actor: Actor) -> PageResult {
    actor.require(WorkArea::Teachers, Access::Write)?;
    let bytes = Workbook::template("年度考核", &IMPORT_HEADERS).finish()?;
    Ok(file_response("年度考核导入模板.xlsx", XLSX_MIME, bytes))
}

fn outcome_view(year: i64, back: &str, out: Result<&ImportOutcome, &str>) -> maud::Markup {
    html! {
        @match out {
            Err(e) => p.alert role="alert" { (e) },
            Ok(o) if o.applied => p.notice role="status" { "导入完成：保存 " (o.saved.as_ref().map_or(0, |s| s.saved)) " 人的" (year) "年度考核结果。" },
            Ok(o) => {
                p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                table id="import-errors" {
                    thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
                    tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
                }
            }
        }
        p { a href=(back) { "返回考核录入" } }
    }
}

pub async fn import_page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<YearQuery>,
    mp: Multipart,
) -> PageResult {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let up = read_upload(mp).await?;
    let year = q.year();
    let back = format!(
        "/teachers/assessments?year={year}&institution_id={}",
        q.institution_id.map_or(String::new(), |i| i.to_string())
    );
    let (status, body) = match read_table(&up.bytes, &up.filename, None) {
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            outcome_view(year, &back, Err(&e.to_string())),
        ),
        Ok(table) => {
            let out = service::import_table(&s.db, &caller, q.institution(), year, &table).await?;
            (
                import_status(out.applied),
                outcome_view(year, &back, Ok(&out)),
            )
        }
    };
    Ok((status, page(&actor, "导入年度考核结果", body)).into_response())
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<YearQuery>,
) -> PageResult {
    let r = service::results(&s.db, &caller, q.year()).await?;
    let title = Title::list(format!("{}年度考核结果", r.year));
    let mut wb = Workbook::export(
        &title,
        &["单位", "在职人数", "优秀", "合格", "基本合格", "不合格"],
    );
    for i in &r.institutions {
        wb.row(&[
            Cell::text(&i.institution_name),
            Cell::Int(i.staff),
            Cell::Int(i.excellent),
            Cell::Int(i.competent),
            Cell::Int(i.basic),
            Cell::Int(i.incompetent),
        ])
        .map_err(AppError::Internal)?;
    }
    let d = &r.district;
    wb.row(&[
        Cell::text("合计"),
        Cell::text(""),
        Cell::Int(d.excellent),
        Cell::Int(d.competent),
        Cell::Int(d.basic),
        Cell::Int(d.incompetent),
    ])
    .map_err(AppError::Internal)?;
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("{}年度考核结果.xlsx", r.year),
        XLSX_MIME,
        bytes,
    ))
}
