//! Import from the class page and export in the national template.

use axum::extract::{Multipart, Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::XLSX_MIME;
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use super::ClassQuery;
use crate::service::results::export::{export, Format};
use crate::service::results::import::{import, source_of_upload, Outcome, Target};
use crate::store::results::export::ExportFilter;

fn outcome_view(back: &str, o: &Outcome) -> maud::Markup {
    html! {
        @if o.applied {
            p.notice role="status" { "导入完成：保存体测成绩 " (o.imported) " 条，其中成绩完整并已评分 " (o.scored) " 条。" }
        } @else {
            p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
            table id="import-errors" {
                thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
                tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
            }
        }
        p { a href=(back) { "返回班级列表" } }
    }
}

/// The target of an import or export request.
pub(super) fn target(caller: &Caller, q: &ClassQuery) -> Target {
    Target {
        institution: q.institution(caller),
        year: q.year(),
    }
}

pub async fn import_page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ClassQuery>,
    mp: Multipart,
) -> PageResult {
    let up = read_upload(mp).await?;
    let source = source_of_upload(up.filename, up.bytes);
    let out = import(&s.db, &caller, source, target(&caller, &q)).await?;
    let back = format!(
        "/fitness/classes?{}",
        ClassQuery {
            institution: q.institution(&caller).map(|i| i.0),
            ..q.clone()
        }
        .link()
    );
    let body = outcome_view(&back, &out);
    Ok((
        import_status(out.applied),
        page(&actor, "导入体测成绩", body),
    )
        .into_response())
}

/// The export filter of a request: a school is required.
pub(super) fn filter(caller: &Caller, q: &ClassQuery) -> Result<ExportFilter, AppError> {
    let institution = q
        .institution(caller)
        .ok_or_else(|| AppError::invalid("institution", "请选择学校"))?;
    Ok(ExportFilter {
        institution,
        year: q.year().0,
        grade: q.grade,
        class_name: q.class().map(str::to_string),
    })
}

async fn export_as(s: &AppState, caller: &Caller, q: &ClassQuery, format: Format) -> PageResult {
    let (name, bytes) = export(&s.db, caller, &filter(caller, q)?, format).await?;
    let mime = match format {
        Format::Xlsx => XLSX_MIME,
        Format::Csv => "text/csv; charset=utf-8",
    };
    Ok(file_response(&name, mime, bytes))
}

pub async fn export_xlsx(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> PageResult {
    export_as(&s, &caller, &q, Format::Xlsx).await
}

pub async fn export_csv(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> PageResult {
    export_as(&s, &caller, &q, Format::Csv).await
}
