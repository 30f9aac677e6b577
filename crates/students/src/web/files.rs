//! The blank import template (with drop-down lists), import with a progress
//! page, error reports, and Excel export of any filtered list.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::Router;
use maud::html;
use platform::audit::{self, Entry};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::district::Township;
use platform::excel::{error_workbook, Cell, Title, Workbook, XLSX_MIME};
use platform::web::forms::csrf_field;
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult, UserId};
use rust_xlsxwriter::DataValidation;

use super::view;
use crate::domain::template::fields;
use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::import::{import, Mode, Outcome, Progress};
use crate::store::students::StudentFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students/template.xlsx", get(template))
        .route("/students/export.xlsx", get(export))
        .route("/students/import", get(import_form).post(start_import))
        .route("/students/import/{job}", get(job_page))
}

/// The blank template: every column of the national template plus ours,
/// with the allowed values as drop-down lists.
pub fn template_workbook() -> anyhow::Result<Vec<u8>> {
    let headers: Vec<&str> = fields().iter().map(|f| f.header.as_str()).collect();
    let mut wb = Workbook::template("学生信息", &headers);
    for (col, f) in fields().iter().enumerate() {
        if f.allowed.is_empty() {
            continue;
        }
        let list: Vec<&str> = f.allowed.iter().map(String::as_str).collect();
        let v = DataValidation::new()
            .allow_list_strings(&list)?
            .set_error_title("取值不在允许范围内")?
            .set_error_message(format!("{}只能填：{}", f.name, f.allowed.join("、")))?;
        wb.sheet()
            .add_data_validation(1, col as u16, 100_000, col as u16, &v)?;
    }
    let text = rust_xlsxwriter::Format::new().set_num_format("@");
    for (col, f) in fields().iter().enumerate() {
        if f.name.contains("身份证件号")
            || f.name.contains("电话")
            || f.name == "学校标识码"
            || f.name == "出生日期"
        {
            // Text cells: an 18-digit ID typed into a number cell loses digits.
            wb.sheet().set_column_format(col as u16, &text)?;
        }
    }
    wb.finish()
}

async fn template(caller: Caller) -> PageResult {
    caller.require(WorkArea::Students, Access::Read)?;
    Ok(file_response(
        "学籍导入模板.xlsx",
        XLSX_MIME,
        template_workbook()?,
    ))
}

/// The list page's filter in its own words, for the export's title row.
fn title(reader: &StudentsReader, f: &StudentFilter, townships: &[Township]) -> Title {
    // A document number searched for is masked as in the column below.
    let q = f.q.as_deref().unwrap_or_default();
    let q = if q.chars().any(|c| c.is_ascii_digit()) {
        reader.id_number(q)
    } else {
        q.to_string()
    };
    let township = f
        .township_id
        .and_then(|t| townships.iter().find(|x| x.id.0 == t))
        .map(|t| t.name.clone());
    Title::list("学生名单")
        .filter("姓名或证件号", q)
        .filter("乡镇（街道）", township.unwrap_or_default())
        .filter(
            "机构编号",
            f.institution_id.map(|i| i.to_string()).unwrap_or_default(),
        )
        .filter(
            "年级",
            f.grade.map(|g| Grade(g).label()).unwrap_or_default(),
        )
        .filter("班级", f.class_name.clone().unwrap_or_default())
        .filter_code("类别", f.category.as_deref(), |c| {
            view::CATEGORIES
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, l)| *l)
        })
}

/// The filtered list as a workbook; ID numbers masked unless the role may
/// see them. Exports of personal data are audited.
pub async fn export_bytes(
    state: &AppState,
    caller: &Caller,
    f: &StudentFilter,
) -> Result<Vec<u8>, AppError> {
    let reader = StudentsReader::of(&state.db, caller)?;
    let rows = reader.export_rows(f).await?;
    let townships = platform::district::townships(&state.db).await?;
    let mut wb = Workbook::export(
        &title(&reader, f, &townships),
        &[
            "姓名",
            "身份证件号",
            "性别",
            "出生日期",
            "学校",
            "年级",
            "班级",
            "状态",
            "类别",
        ],
    );
    for r in &rows {
        let tags = view::category_tags(
            r.left_behind,
            r.migrant_child,
            r.boarding,
            r.dibao,
            r.registered_poor,
            &r.disability,
        )
        .join("、");
        wb.row(&[
            Cell::text(&r.name),
            Cell::id(&r.id_number),
            Cell::text(view::sex_label(&r.sex)),
            Cell::text(&r.birth),
            Cell::text(&r.institution_name),
            Cell::text(Grade(r.grade).label()),
            Cell::text(&r.class_name),
            Cell::text(r.status.label()),
            Cell::text(tags),
        ])?;
    }
    let mut tx = state.db.begin().await?;
    let masked = if reader.full_view() {
        ""
    } else {
        "（证件号已脱敏）"
    };
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "export",
            "student",
            format!("导出学生名单 {} 人{masked}", rows.len()),
        )
        .institution(caller.scope.institution())
        .after(f),
    )
    .await?;
    tx.commit().await?;
    Ok(wb.finish()?)
}

async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(f): Query<StudentFilter>,
) -> PageResult {
    Ok(file_response(
        "学生名单.xlsx",
        XLSX_MIME,
        export_bytes(&state, &caller, &f).await?,
    ))
}

/// An import running in the background, polled by its page.
struct Job {
    owner: UserId,
    progress: Arc<Progress>,
    result: Option<Result<Outcome, String>>,
    report: Option<String>,
    finished: Option<Instant>,
}

/// How long the page of a finished import stays available.
const KEEP_FINISHED: Duration = Duration::from_secs(3600);

fn jobs() -> &'static Mutex<HashMap<String, Job>> {
    static J: OnceLock<Mutex<HashMap<String, Job>>> = OnceLock::new();
    J.get_or_init(Default::default)
}

/// Forgets the imports that finished more than [`KEEP_FINISHED`] ago.
fn prune(map: &mut HashMap<String, Job>) {
    map.retain(|_, j| j.finished.is_none_or(|t| t.elapsed() < KEEP_FINISHED));
}

async fn import_form(actor: Actor) -> PageResult {
    actor.require(WorkArea::Students, Access::Write)?;
    let body = html! {
        p { "请使用 " a href="/students/template.xlsx" { "学籍导入模板" } "（全国学籍采集模板的 72 项加本系统的学校标识码、是否低保、是否建档立卡），列的顺序不限，代码、名称或简称（如“汉”）均可。必填列：姓名、身份证件号、年级、学校标识码、入学年月。身份证件号等号码列请设置为文本格式。各列说明及文件大小、行列限制见 docs/student-import.md。" }
        p.muted { "文件中只要有一行有误，默认不导入任何数据，并给出每一行的错误；勾选“只导入正确的行”可跳过错误行。身份证件号与文件中其他行或已有学籍重复均视为错误。" }
        form.stacked method="post" action=(format!("/students/import?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
            (csrf_field(&actor))
            label for="file" { "Excel 文件（.xlsx）或 CSV 文件（UTF-8 或 GBK）" }
            input type="file" id="file" name="file" accept=".xlsx,.csv" required;
            label { input type="checkbox" name="valid_only" value="1"; " 只导入正确的行" }
            p { button type="submit" { "上传并导入" } }
        }
    };
    Ok(page(&actor, "批量导入学生", body).into_response())
}

async fn start_import(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    caller.require(WorkArea::Students, Access::Write)?;
    let up = platform::web::upload::read_upload(mp).await?;
    let token = platform::auth::session::random_token();
    let progress = Arc::new(Progress::default());
    {
        let mut map = jobs().lock().unwrap_or_else(|p| p.into_inner());
        prune(&mut map);
        map.insert(
            token.clone(),
            Job {
                owner: actor.user.id,
                progress: progress.clone(),
                result: None,
                report: None,
                finished: None,
            },
        );
    }
    let reports = state.reports.clone();
    let (db, job, owner) = (state.db.clone(), token.clone(), actor.user.id);
    tokio::spawn(async move {
        let mode = if up.valid_only {
            Mode::ValidRowsOnly
        } else {
            Mode::AllOrNothing
        };
        let source = crate::service::import::source_of_upload(up.filename, up.bytes);
        let result = import(&db, &caller, source, mode, &progress).await;
        let report = match &result {
            Ok(o) if !o.errors.is_empty() => error_workbook(&o.errors)
                .ok()
                .map(|b| reports.put(owner, "学籍导入错误报告.xlsx", XLSX_MIME, b)),
            _ => None,
        };
        if let Some(j) = jobs()
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_mut(&job)
        {
            j.result = Some(result.map_err(|e| e.to_string()));
            j.report = report;
            j.finished = Some(Instant::now());
        }
    });
    Ok(Redirect::to(&format!("/students/import/{token}")).into_response())
}

async fn job_page(actor: Actor, Path(token): Path<String>) -> PageResult {
    let (progress, result, report) = {
        let map = jobs().lock().unwrap_or_else(|p| p.into_inner());
        let j = map
            .get(&token)
            .filter(|j| j.owner == actor.user.id)
            .ok_or(AppError::NotFound)?;
        (j.progress.clone(), j.result.clone(), j.report.clone())
    };
    let rows = progress.rows.load(std::sync::atomic::Ordering::Relaxed);
    let body = html! {
        @match &result {
            None => {
                meta http-equiv="refresh" content="1";
                p { (progress.phase_label()) "…… 已处理 " (rows) " 行" }
                progress id="import-progress" max="100" value=(format!("{:.0}", progress.fraction() * 100.0)) {}
            }
            Some(Err(e)) => { p.alert role="alert" { (e) } }
            Some(Ok(o)) => {
                @if o.applied {
                    p.notice role="status" { "导入完成：文件共 " (o.rows) " 行，导入 " (o.imported) " 名学生。" }
                } @else {
                    p.alert role="alert" { @if let Some(sheet) = &o.sheet { "工作表“" (sheet) "”中" } @else { "文件中" } "有 " (o.errors.len()) @if o.errors_truncated { "+" } " 处错误，未导入任何数据。请修改后重新上传。" }
                }
                @if let Some(r) = &report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
                @if !o.errors.is_empty() {
                    (view::import_errors(o.errors.iter().take(500)))
                }
                p { a href="/students" { "返回学生名单" } }
            }
        }
    };
    Ok(page(&actor, "批量导入学生", body).into_response())
}
