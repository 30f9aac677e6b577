//! Import templates, the import from the exam page and the analysis as .xlsx.

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::{read_table, Cell, Title, Workbook, XLSX_MIME};
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use super::{percent, ViewQuery};
use crate::service::results::{self as service, ImportOutcome, SCHOOL_HEADERS, STUDENT_HEADERS};

/// The headers of a template: the fixed ones and one per paper (per
/// student) or per line (per school).
async fn headers(
    s: &AppState,
    caller: &Caller,
    id: i64,
    schools: bool,
) -> Result<Vec<String>, AppError> {
    let d = service::detail(&s.db, caller, id).await?;
    let mut h: Vec<String>;
    if schools {
        h = SCHOOL_HEADERS.iter().map(|x| x.to_string()).collect();
        for l in &d.lines {
            if !h.contains(&l.name) {
                h.push(l.name.clone());
            }
        }
    } else {
        h = STUDENT_HEADERS[..4].iter().map(|x| x.to_string()).collect();
        h.extend(d.papers.iter().map(|p| p.subject.clone()));
        h.push(STUDENT_HEADERS[4].into());
    }
    Ok(h)
}

fn by_school(q: &ViewQuery) -> bool {
    q.kind.as_deref() == Some("schools")
}

pub async fn template(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let h = headers(&s, &caller, id, by_school(&q)).await?;
    let refs: Vec<&str> = h.iter().map(String::as_str).collect();
    let bytes = Workbook::template("成绩", &refs).finish()?;
    Ok(file_response("考试成绩导入模板.xlsx", XLSX_MIME, bytes))
}

pub(super) async fn run_import(
    s: &AppState,
    caller: &Caller,
    id: i64,
    schools: bool,
    bytes: &[u8],
    filename: &str,
) -> Result<ImportOutcome, AppError> {
    let table =
        read_table(bytes, filename, None).map_err(|e| AppError::BadRequest(e.to_string()))?;
    if schools {
        service::import_schools(&s.db, caller, id, &table).await
    } else {
        service::import_students(&s.db, caller, id, &table).await
    }
}

pub async fn import_page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
    mp: Multipart,
) -> PageResult {
    let up = read_upload(mp).await?;
    let back = format!("/exams/{id}");
    let (status, body) = match run_import(&s, &caller, id, by_school(&q), &up.bytes, &up.filename)
        .await
    {
        Err(AppError::BadRequest(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { p.alert role="alert" { (e) } },
        ),
        Err(AppError::Conflict(e)) => {
            (StatusCode::CONFLICT, html! { p.alert role="alert" { (e) } })
        }
        Err(e) => return Err(e),
        Ok(o) => (
            import_status(o.applied),
            html! {
                @if o.applied { p.notice role="status" { "导入完成：保存 " (o.rows) " 行成绩。" } }
                @else {
                    p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
                    table id="import-errors" {
                        thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
                        tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
                    }
                }
            },
        ),
    };
    let body = html! { (body) p { a href=(back) { "返回考试" } } };
    Ok((status, page(&actor, "导入考试成绩", body)).into_response())
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(q): Query<ViewQuery>,
) -> PageResult {
    let a = service::analysis(&s.db, &caller, id, q.version).await?;
    let version = a.version.as_ref().map_or(0, |v| v.version);
    let title = Title::list(format!("{} 成绩分析（第{version}版）", a.exam.name));
    let mut wb = Workbook::export(
        &title,
        &[
            "分数线",
            "学校",
            "参考人数",
            "上线人数",
            "去年上线人数",
            "增减（人）",
            "增长率",
            "达线率",
            "达线率增减（百分点）",
            "排名",
        ],
    );
    for l in &a.lines {
        for f in l.schools.iter().chain(std::iter::once(&l.district)) {
            wb.row(&[
                Cell::text(l.line.as_str()),
                Cell::text(f.name.as_str()),
                Cell::Int(f.candidates),
                Cell::Int(f.reached.this_year),
                Cell::Int(f.reached.last_year),
                Cell::Int(f.reached.change),
                Cell::text(percent(f.reached.growth)),
                Cell::text(percent(f.rate.this_year)),
                Cell::text(f.rate.points.map_or("—".into(), |p| p.to_string())),
                Cell::text(f.rank.map_or("—".into(), |r| r.to_string())),
            ])
            .map_err(AppError::Internal)?;
        }
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("{} 成绩分析.xlsx", a.exam.name),
        XLSX_MIME,
        bytes,
    ))
}
