//! Pages of 个人申请 and 更正: the list of applications with the school's
//! review and the bureau's approval, the application form on a student's
//! aid page, and the reversal of a paid benefit.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, empty_as_none, redisplay, refusal_view, select};
use platform::web::{page, AppState, Filters};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;
use students::store::students::StudentId;

use super::program_form::{all, one, Pairs};
use crate::domain::{
    term, ApplicationId, ApplicationStatus, LedgerKind, LedgerLineId, ProgramId, TermInput,
};
use crate::service::applications::{self as service, ApplicationInput, Decision};
use crate::service::corrections::{self, ReverseRequest};
use crate::service::reader::AidReader;
use crate::store::applications::ApplicationRow;
use crate::store::ledger::LedgerLine;
use crate::store::Program;

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default, deserialize_with = "empty_as_none")]
    page: Option<i64>,
}

const PER_PAGE: i64 = 50;

/// Who may take the next step of an application.
fn next_step(actor: &Actor, a: &ApplicationRow) -> Option<(&'static str, &'static str)> {
    if !actor.may(WorkArea::Aid, Access::Write) {
        return None;
    }
    let bureau = actor.scope.institution().is_none();
    match a.status {
        ApplicationStatus::Submitted if bureau => Some(("代学校审核通过", "不予通过")),
        ApplicationStatus::Submitted => Some(("学校审核通过", "不予通过")),
        ApplicationStatus::SchoolApproved if bureau => Some(("批准", "不予批准")),
        _ => None,
    }
}

fn decision_forms(actor: &Actor, a: &ApplicationRow) -> Markup {
    let Some((yes, no)) = next_step(actor, a) else {
        return html! {};
    };
    let action = format!("/aid/applications/{}/decision", a.id);
    html! {
        form.inline method="post" action=(action) {
            (csrf_field(actor))
            input type="hidden" name="approve" value="true";
            button type="submit" { (yes) }
        }
        form.inline method="post" action=(action) {
            (csrf_field(actor))
            input type="hidden" name="approve" value="false";
            input type="text" name="note" required placeholder="未通过的理由" size="10";
            button.secondary type="submit" { (no) }
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ListQuery>,
) -> PageResult {
    let status = ApplicationStatus::parse(&q.status);
    let page_no = q.page.unwrap_or(1);
    let found = AidReader::of(&s.db, &caller)?
        .applications(status, page_no, PER_PAGE)
        .await?;
    let rows = &found.items;
    let filters = Filters::new().with("status", status);
    let options: Vec<(String, String)> = ApplicationStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), s.label().to_string()))
        .collect();
    let body = html! {
        form.filters method="get" action="/aid/applications" {
            label { "状态" (select("status", &options, status.map_or("", ApplicationStatus::as_str), Some("全部"))) }
            button type="submit" { "筛选" }
        }
        p.muted { "学校在学生的资助记录页提交申请；学校审核后由教育局审批，批准的申请在该学期的资助计算中发放。" }
        table id="aid-applications" {
            thead { tr { th { "编号" } th { "学生" } th { "学校" } th { "项目" } th { "学期" } th { "材料" } th { "申请理由" } th { "状态" } th { "办理" } } }
            tbody { @for a in rows { tr {
                td { "#" (a.id) }
                td { a href=(format!("/aid/students/{}", a.student_id)) { (a.student_name) } }
                td { (a.institution_name) }
                td { (a.program_name) }
                td { (term::label(a.term)) }
                td { (a.documents.lines().collect::<Vec<_>>().join("、")) }
                td { (a.statement) }
                td { (a.status.label()) @if !a.note.is_empty() { div.muted { (a.note) } } }
                td { (decision_forms(&actor, a)) }
            } } }
        }
        @if rows.is_empty() { p.muted { "没有申请。" } }
        (found.pager.view("/aid/applications", &filters))
    };
    Ok(page(&actor, "资助申请", body).into_response())
}

#[derive(Deserialize)]
pub struct DecisionForm {
    approve: String,
    #[serde(default)]
    note: String,
}

pub async fn decide(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<ApplicationId>,
    Form(f): Form<DecisionForm>,
) -> PageResult {
    let d = Decision {
        approve: f.approve == "true",
        note: f.note,
    };
    service::decide(&s.db, &caller, id, &d).await?;
    Ok(Redirect::to("/aid/applications").into_response())
}

/// The application forms on a student's page: one per program that takes
/// applications, with its documents as check boxes.
pub fn apply_forms(actor: &Actor, student: StudentId, programs: &[Program]) -> Markup {
    let open: Vec<&Program> = programs
        .iter()
        .filter(|p| p.def.needs_application && p.def.active)
        .collect();
    if open.is_empty() || !actor.may(WorkArea::Aid, Access::Write) {
        return html! {};
    }
    let (year, half) = TermInput::current(platform::time::today());
    let blank = ApplicationDraft {
        school_year: year.to_string(),
        half: half.to_string(),
        statement: String::new(),
        documents: vec![],
    };
    html! {
        h2 { "提交资助申请" }
        @for p in open { (application_form(actor, student, p, &blank)) }
    }
}

/// What an application form holds: the current term on a new one, the
/// very values of a refused submission when it is shown again.
struct ApplicationDraft {
    school_year: String,
    half: String,
    statement: String,
    documents: Vec<String>,
}

fn application_form(
    actor: &Actor,
    student: StudentId,
    p: &Program,
    d: &ApplicationDraft,
) -> Markup {
    html! {
        form.stacked.application method="post" action="/aid/applications" {
            (csrf_field(actor))
            input type="hidden" name="program_id" value=(p.id);
            input type="hidden" name="student_id" value=(student);
            h3 { (p.def.name) " " span.muted { (p.standard) } }
            label { "学年" input type="number" name="school_year" required value=(d.school_year); }
            label { "学期" select name="half" { option value="1" selected[d.half == "1"] { "第一学期（秋季）" } option value="2" selected[d.half == "2"] { "第二学期（春季）" } } }
            label { "申请理由" textarea name="statement" rows="2" { (d.statement) } }
            @if !p.def.documents.is_empty() {
                fieldset { legend { "已收到的申请材料" }
                    @for doc in &p.def.documents { label { input type="checkbox" name="documents" value=(doc) checked[d.documents.contains(doc)]; (doc) } }
                }
            }
            button type="submit" { "提交申请" }
        }
    }
}

/// Submits an application from a student's page. A refused one comes back
/// as its form, filled in as it was sent, under the reasons.
pub async fn submit(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    // Before anything is read back into a form, which shows the program.
    caller.require(WorkArea::Aid, Access::Write)?;
    let number = |k: &str, text: &str, label: &str| {
        text.trim()
            .parse::<i64>()
            .map_err(|_| FieldError::new(k, format!("{label}无效")))
    };
    let id = |k: &str, label: &str| {
        number(k, &one(&pairs, k), label).map_err(|e| AppError::Invalid(vec![e]))
    };
    let program_id = ProgramId(id("program_id", "资助项目")?);
    let student_id = StudentId(id("student_id", "学生")?);
    let draft = ApplicationDraft {
        school_year: one(&pairs, "school_year"),
        half: one(&pairs, "half"),
        statement: one(&pairs, "statement"),
        documents: all(&pairs, "documents").map(String::from).collect(),
    };
    let term = (
        number("school_year", &draft.school_year, "学年"),
        number("half", &draft.half, "学期"),
    );
    let submitted = match term {
        (Ok(school_year), Ok(half)) => {
            let input = ApplicationInput {
                program_id,
                student_id,
                school_year,
                half,
                statement: draft.statement.clone(),
                documents: draft.documents.clone(),
            };
            service::submit(&s.db, &caller, &input).await
        }
        (year, half) => Err(AppError::Invalid(
            [year.err(), half.err()].into_iter().flatten().collect(),
        )),
    };
    let Err(e) = submitted else {
        return Ok(Redirect::to("/aid/applications").into_response());
    };
    let program = crate::store::programs::get(&s.db, program_id).await?;
    redisplay(&actor, "提交资助申请", e, |r| {
        html! {
            (refusal_view(r))
            (application_form(&actor, student_id, &program, &draft))
            p { a href=(format!("/aid/students/{student_id}")) { "返回学生资助页" } }
        }
    })
}

/// The 冲销 form beside a paid or approved payment that was not reversed yet.
pub fn reverse_form(actor: &Actor, line: &LedgerLine, all: &[LedgerLine]) -> Markup {
    let writer = actor.scope.institution().is_none() && actor.may(WorkArea::Aid, Access::Write);
    let settled = line.batch_status.is_settled();
    let reversed = all.iter().any(|r| r.reverses_id == Some(line.id));
    if !writer || !settled || line.kind != LedgerKind::Payment || reversed {
        return html! {};
    }
    reversal_fields(actor, line.id, "", "")
}

fn reversal_fields(actor: &Actor, line: LedgerLineId, reason: &str, reissue: &str) -> Markup {
    html! {
        form.inline method="post" action=(format!("/aid/ledger/{line}/reverse")) {
            (csrf_field(actor))
            input type="text" name="reason" required placeholder="更正原因" size="12" value=(reason);
            input type="text" name="reissue_amount" inputmode="decimal" placeholder="应发金额（元，可空）" size="10" value=(reissue);
            button.secondary type="submit" { "冲销" }
        }
    }
}

#[derive(Deserialize)]
pub struct ReverseForm {
    reason: String,
    #[serde(default)]
    reissue_amount: String,
}

/// Reverses a payment. A refused reversal comes back as its form, filled in
/// as it was sent, under the reasons.
pub async fn reverse(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<LedgerLineId>,
    Form(f): Form<ReverseForm>,
) -> PageResult {
    let req = ReverseRequest {
        reason: f.reason.clone(),
        reissue_amount: Some(f.reissue_amount.clone()),
    };
    match corrections::reverse(&s.db, &caller, id, &req).await {
        Ok(batch) => Ok(Redirect::to(&format!("/aid/runs/{}", batch.id)).into_response()),
        Err(e) => redisplay(&actor, "冲销", e, |r| {
            html! {
                (refusal_view(r))
                p { "冲销第 " (id) " 条发放记录：" }
                (reversal_fields(&actor, id, &f.reason, &f.reissue_amount))
            }
        }),
    }
}
