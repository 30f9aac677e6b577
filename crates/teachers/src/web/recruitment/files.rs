//! The ranking as .xlsx, and the score import on the plan page.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::excel::{error_workbook, read_table, Cell, Title, Workbook, XLSX_MIME};
use platform::web::upload::{import_status, read_upload};
use platform::web::{file_response, page, AppState};
use platform::{AppError, PageResult};

use super::pages::{is_bureau, plan_view};
use crate::domain::recruitment::PlanId;
use crate::service::recruitment::{self as svc, RecruitmentReader, ScoreImport};

/// Every post's ranking, one line per applicant, in the layout the score
/// import reads back.
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<PlanId>,
) -> PageResult {
    let (plan, posts) = RecruitmentReader::of(&state.db, &caller)?
        .plan_ranking(id)
        .await?;
    let title = Title::new(format!("{}成绩排名", plan.name)).filter(
        "权重",
        format!(
            "笔试 {}%，面试 {}%",
            plan.written_weight, plan.interview_weight
        ),
    );
    let mut wb = Workbook::export(
        &title,
        &[
            "招聘单位",
            "学段",
            "学科",
            "招聘人数",
            "排名",
            "报名编号",
            "身份证件号",
            "姓名",
            "笔试成绩",
            "面试成绩",
            "总成绩",
            "聘用日期",
        ],
    );
    for (post, ranking) in &posts {
        for r in ranking {
            let a = &r.applicant;
            let score = |s: Option<crate::domain::recruitment::Score>| {
                s.map_or(Cell::Blank, |s| Cell::text(s.to_string()))
            };
            wb.row(&[
                Cell::text(&post.institution_name),
                Cell::text(post.stage_label()),
                Cell::text(&post.subject),
                Cell::Int(post.places),
                r.rank.map_or(Cell::Blank, |k| Cell::Int(k as i64)),
                Cell::Int(a.id.0),
                Cell::id(&a.national_id),
                Cell::text(&a.name),
                score(a.written_score),
                score(a.interview_score),
                Cell::text(&r.total_label),
                a.hired_on.map_or(Cell::Blank, Cell::Date),
            ])
            .map_err(AppError::Internal)?;
        }
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("{}成绩排名.xlsx", plan.name),
        XLSX_MIME,
        bytes,
    ))
}

fn outcome_view(o: &ScoreImport, report: Option<&str>) -> maud::Markup {
    html! {
        @if o.applied {
            p.notice role="status" { "导入完成：更新 " (o.updated) " 人的成绩。" }
        } @else {
            p.alert role="alert" { "文件中有 " (o.errors.len()) " 处错误，未导入任何数据。请修改后重新上传。" }
            @if let Some(r) = report { p { a.button.secondary href=(r) { "下载错误报告（Excel）" } } }
            table id="import-errors" {
                thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
                tbody { @for e in &o.errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
            }
        }
    }
}

/// The upload from the plan page; the page again with what happened.
pub async fn import_page(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PlanId>,
    mp: Multipart,
) -> PageResult {
    caller.require_bureau(platform::auth::WorkArea::Teachers)?;
    let up = read_upload(mp).await?;
    let (status, notice) = match read_table(&up.bytes, &up.filename, None) {
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { p.alert role="alert" { (e.to_string()) } },
        ),
        Ok(table) => {
            let o = svc::import_scores(&state.db, &caller, id, &table).await?;
            let report = if o.errors.is_empty() {
                None
            } else {
                Some(state.reports.put(
                    actor.user.id,
                    "成绩导入错误报告.xlsx",
                    XLSX_MIME,
                    error_workbook(&o.errors)?,
                ))
            };
            (
                import_status(o.applied),
                outcome_view(&o, report.as_deref()),
            )
        }
    };
    let d = RecruitmentReader::of(&state.db, &caller)?.plan(id).await?;
    let body = plan_view(&actor, is_bureau(&caller), &d, notice);
    Ok((status, page(&actor, &d.plan.name, body)).into_response())
}
