//! The .xlsx files of frameworks: the template, a version's export, and
//! the import page (a new draft from a file, or every bad row).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::excel::{error_workbook, RowError, XLSX_MIME};
use platform::web::forms::{csrf_field, error_summary, field_error, options, select};
use platform::web::upload::upload_failed;
use platform::web::{file_response, page, AppState};
use platform::{AppError, FieldError, PageResult};

use super::list::writable_owners;
use crate::domain::{FrameworkId, Owner, Purpose};
use crate::service::frameworks::{self as service, columns, ImportMeta, ImportOutcome};

pub async fn template(caller: Caller) -> PageResult {
    if writable_owners(&caller).is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(file_response(
        "评估标准导入模板.xlsx",
        XLSX_MIME,
        service::template()?,
    ))
}

pub async fn export(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<FrameworkId>,
) -> PageResult {
    let (name, bytes) = service::export(&s.db, &caller, id).await?;
    Ok(file_response(&name, XLSX_MIME, bytes))
}

/// The fields of an import form (or API call) and its file.
pub async fn read_import(mut mp: Multipart) -> Result<(ImportMeta, String, Vec<u8>), AppError> {
    let (mut owner, mut purpose) = (None, None);
    let mut meta = ImportMeta {
        owner: Owner::Supervision,
        purpose: Purpose::Development,
        name: String::new(),
        year: String::new(),
        total: String::new(),
    };
    let (mut file_name, mut bytes) = (String::new(), Vec::new());
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let key = field.name().unwrap_or("").to_string();
        if key == "file" {
            file_name = field.file_name().unwrap_or("upload").to_string();
            bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            continue;
        }
        let text = field.text().await.map_err(upload_failed)?;
        match key.as_str() {
            "owner" => owner = Owner::parse(&text),
            "purpose" => purpose = Purpose::parse(&text),
            "name" => meta.name = text,
            "year" => meta.year = text,
            "total" => meta.total = text,
            _ => {}
        }
    }
    let mut errors = vec![];
    match owner {
        Some(o) => meta.owner = o,
        None => errors.push(FieldError::new("owner", "请选择所属领域")),
    }
    match purpose {
        Some(p) => meta.purpose = p,
        None => errors.push(FieldError::new("purpose", "请选择评估用途")),
    }
    if bytes.is_empty() {
        errors.push(FieldError::new("file", "请选择要导入的文件"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok((meta, file_name, bytes))
}

/// The bad rows of an imported file.
fn row_errors(errors: &[RowError]) -> Markup {
    html! {
        table id="import-errors" {
            thead { tr { th { "工作表" } th.num { "行号" } th { "列" } th { "错误原因" } } }
            tbody { @for e in errors { tr {
                td { (e.sheet.as_deref().unwrap_or("")) } td.num { (e.row) } td { (e.column) } td { (e.reason) }
            } } }
        }
    }
}

/// What the page shows above its form after an attempt.
#[derive(Default)]
struct Attempt<'a> {
    meta: Option<&'a ImportMeta>,
    fields: Vec<FieldError>,
    file_error: Option<String>,
    outcome: Option<&'a ImportOutcome>,
    report: Option<String>,
}

fn import_view(actor: &Actor, caller: &Caller, a: &Attempt) -> Markup {
    let owners = options(
        writable_owners(caller)
            .iter()
            .map(|o| (o.as_str(), o.label())),
    );
    let purposes = options(Purpose::ALL.iter().map(|p| (p.as_str(), p.label())));
    let value = |f: fn(&ImportMeta) -> &str| a.meta.map(f).unwrap_or("").to_string();
    let owner = a.meta.map(|m| m.owner.as_str()).unwrap_or("");
    let purpose = a.meta.map(|m| m.purpose.as_str()).unwrap_or("");
    let total = match value(|m| &m.total) {
        t if t.is_empty() => "100".to_string(),
        t => t,
    };
    page(
        actor,
        "导入评估标准",
        html! {
            p { "请使用 " a href="/inspection/frameworks/template.xlsx" { "导入模板" } "。“指标”工作表每行一个指标，列为："
                (columns().join("、")) "；上级指标须写在其下级之前，分组指标的计分方法留空。“评定等次”工作表列出等次及最低分（缺省为优秀 90%、良好 75%、合格 60%）。文件中只要有一处错误，不导入任何内容。" }
            (error_summary(&a.fields))
            @if let Some(e) = &a.file_error { p.alert role="alert" { (e) } }
            @if let Some(o) = a.outcome {
                p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何内容。请修改后重新上传。" }
                @if let Some(r) = &a.report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                (row_errors(&o.errors))
            }
            form.stacked method="post" action=(format!("/inspection/frameworks/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (csrf_field(actor))
                label for="owner" { "所属领域" } (select("owner", &owners, owner, None)) (field_error(&a.fields, "owner"))
                label for="purpose" { "评估用途" } (select("purpose", &purposes, purpose, None)) (field_error(&a.fields, "purpose"))
                label for="name" { "评估标准名称" }
                input type="text" id="name" name="name" required value=(value(|m| &m.name));
                (field_error(&a.fields, "name"))
                label for="year" { "年度" }
                input type="number" id="year" name="year" required value=(value(|m| &m.year));
                (field_error(&a.fields, "year"))
                label for="total" { "总分" }
                input type="text" id="total" name="total" value=(total);
                (field_error(&a.fields, "total"))
                label for="file" { "Excel 文件（.xlsx）" }
                input type="file" id="file" name="file" accept=".xlsx,.csv" required;
                (field_error(&a.fields, "file"))
                p { button type="submit" { "上传并导入" } }
            }
        },
    )
}

pub async fn form(actor: Actor, caller: Caller) -> PageResult {
    if writable_owners(&caller).is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok(import_view(&actor, &caller, &Attempt::default()).into_response())
}

pub async fn import(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    if writable_owners(&caller).is_empty() {
        return Err(AppError::Forbidden);
    }
    let refused = |a: &Attempt| {
        Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            import_view(&actor, &caller, a),
        )
            .into_response())
    };
    let (meta, file_name, bytes) = match read_import(mp).await {
        Ok(read) => read,
        Err(AppError::Invalid(fields)) => {
            return refused(&Attempt {
                fields,
                ..Attempt::default()
            })
        }
        Err(e) => return Err(e),
    };
    let attempt = Attempt {
        meta: Some(&meta),
        ..Attempt::default()
    };
    match service::import(&s.db, &caller, &meta, &file_name, &bytes).await {
        Ok(o) if o.applied => {
            let id = o.id.map(|i| i.0).unwrap_or_default();
            Ok(Redirect::to(&format!("/inspection/frameworks/{id}")).into_response())
        }
        Ok(o) => {
            let report = s.reports.put(
                actor.user.id,
                "评估标准导入错误报告.xlsx",
                XLSX_MIME,
                error_workbook(&o.errors)?,
            );
            refused(&Attempt {
                outcome: Some(&o),
                report: Some(report),
                ..attempt
            })
        }
        Err(AppError::Invalid(fields)) => refused(&Attempt { fields, ..attempt }),
        Err(AppError::BadRequest(e)) => refused(&Attempt {
            file_error: Some(e),
            ..attempt
        }),
        Err(e) => Err(e),
    }
}
