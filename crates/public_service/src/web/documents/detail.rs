//! One outgoing document: its facts, body, recipients with their receipts,
//! attachments and history; the form of the step the caller may take, and
//! a school's 签收.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Section};
use platform::time::{show_date, show_minute};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::documents::{is_overdue, next_status, Action, DocumentId, Viewer};
use crate::service::documents::docx::recipient_name;
use crate::service::documents::outgoing::{self, StepInput};
use crate::service::documents::{self as service, section_label, DocumentDetail};

fn here(id: DocumentId) -> String {
    format!("/public/documents/{id}")
}

fn step_label(step: &str) -> &str {
    match step {
        "draft" => "拟稿",
        "receipt" => "签收",
        s => Action::parse(s).map_or(s, |a| a.label()),
    }
}

fn facts(d: &DocumentDetail) -> Markup {
    let doc = &d.document;
    html! {
        dl.facts #document-facts {
            dt { "文号" } dd #document-number { (doc.number.as_deref().unwrap_or("（签发后生成）")) }
            dt { "文种" } dd { (doc.doc_type.label()) }
            dt { "发文机关" } dd { (doc.issuer.label()) }
            dt { "拟稿" } dd { (section_label(&doc.section)) " " (doc.drafter_name) "，" (show_date(doc.drafted_on)) }
            dt { "状态" } dd #document-status { span class=(format!("tag state-{}", doc.status.as_str())) { (doc.status.label()) } }
            @if let Some(on) = doc.signed_on { dt { "签发日期" } dd { (show_date(on)) } }
            @if let Some(due) = doc.receipt_due { dt { "签收期限" } dd { (show_date(due)) } }
        }
        p { a href=(format!("{}/docx", here(doc.id))) { "下载公文（.docx）" } }
        h2 { (doc.title) }
        @for line in doc.body.lines() { p { (line) } }
        @if !d.files.is_empty() {
            h3 { "附件" }
            ul { @for f in &d.files { li { a href=(format!("{}/files/{}", here(doc.id), f.id)) { (f.file_name) } } } }
        }
    }
}

fn receipts(d: &DocumentDetail) -> Markup {
    let today = platform::time::today();
    html! {
        h3 { "主送、抄送与签收" }
        table #recipients {
            thead { tr { th { "单位" } th { "类别" } th { "签收" } } }
            tbody { @for r in &d.recipients { tr {
                td { (recipient_name(r)) }
                td { (if r.copy_only { "抄送" } else { "主送" }) }
                td {
                    @if let Some(on) = r.signed_on {
                        "已签收 " (show_date(on)) @if let Some(n) = &r.signer_name { "（" (n) "）" }
                    } @else if let Some(due) = r.due_on {
                        @if is_overdue(due, None, today) { span.tag.overdue { "逾期未签收" } } @else { "未签收" }
                    }
                }
            } } }
        }
    }
}

fn history(d: &DocumentDetail) -> Markup {
    html! {
        h3 { "办理记录" }
        ol #history { @for s in &d.steps {
            li { (show_minute(s.at)) " " (s.by_name) " " strong { (step_label(&s.step)) } @if !s.comment.is_empty() { "：" (s.comment) } }
        } }
    }
}

/// The steps the caller may take now.
fn possible(caller: &Caller, d: &DocumentDetail) -> Vec<Action> {
    let doc = &d.document;
    let section = Section::from_key(&doc.section).unwrap_or(Section::Office);
    Action::ALL
        .iter()
        .copied()
        .filter(|a| {
            next_status(
                doc.status,
                *a,
                service::who(caller),
                doc.drafted_by,
                section,
            )
            .is_ok()
        })
        .collect()
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    action: String,
    comment: String,
    number: String,
}

fn step_form(
    actor: &Actor,
    caller: &Caller,
    d: &DocumentDetail,
    f: &StepForm,
    r: &Refusal,
) -> Markup {
    let actions = possible(caller, d);
    let e = &r.errors;
    html! {
        (refusal_view(r))
        @if !actions.is_empty() {
            form.stacked #step-form method="post" action=(format!("{}/step", here(d.document.id))) {
                (csrf_field(actor))
                @if actions.contains(&Action::Sign) {
                    label for="number" { "文号（留空则自动编号）" }
                    input #number name="number" value=(f.number) placeholder="如 浔教〔2026〕12号"; (field_error(e, "number"))
                }
                @if actions.iter().any(|a| *a != Action::Submit) {
                    label for="comment" { "意见" }
                    textarea #comment name="comment" rows="2" { (f.comment) } (field_error(e, "comment"))
                }
                p { @for a in &actions {
                    button type="submit" name="action" value=(a.as_str()) class=[(*a == Action::Return).then_some("secondary")] { (a.label()) } " "
                } }
            }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, d: &DocumentDetail, f: &StepForm, r: &Refusal) -> Markup {
    let own_unsigned = match service::viewer(caller) {
        Viewer::Institution(own) => d
            .recipients
            .iter()
            .any(|x| x.institution_id == Some(own) && x.signed_on.is_none()),
        _ => false,
    };
    html! {
        p { a href="/public/documents" { "← 电子公文" } }
        (facts(d))
        @if own_unsigned {
            form #receipt-form method="post" action=(format!("{}/receipt", here(d.document.id))) {
                (csrf_field(actor))
                button type="submit" { "签收" }
            }
        }
        (step_form(actor, caller, d, f, r))
        (receipts(d))
        (history(d))
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<DocumentId>,
    notice: Notice,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let body = html! {
        (notice.view(notices))
        (view(&actor, &caller, &d, &StepForm::default(), &Refusal::default()))
    };
    Ok(page(&actor, &d.document.title, body).into_response())
}

pub async fn step(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<DocumentId>,
    Form(f): Form<StepForm>,
) -> PageResult {
    let action = Action::parse(&f.action).ok_or(platform::AppError::NotFound)?;
    let input = StepInput {
        comment: f.comment.clone(),
        number: Some(f.number.clone()),
    };
    match outgoing::act(&s.db, &caller, id, action, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(id), action.as_str())).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, &caller, id).await?;
            redisplay(&actor, &d.document.title.clone(), e, |r| {
                view(&actor, &caller, &d, &f, r)
            })
        }
    }
}

pub async fn receipt(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<DocumentId>,
) -> PageResult {
    match outgoing::confirm_receipt(&s.db, &caller, id).await {
        Ok(()) => Ok(Redirect::to(&with_notice(&here(id), "receipt")).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, &caller, id).await?;
            redisplay(&actor, &d.document.title.clone(), e, |r| {
                view(&actor, &caller, &d, &StepForm::default(), r)
            })
        }
    }
}
