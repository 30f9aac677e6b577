//! An order's page: the notice's fields, its history (整改过程) and
//! evidence files, the institution's response form and the re-check form,
//! and the printable notice (.docx).

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::{show_date, show_minute};
use platform::web::forms::{field_error, redisplay, refusal_view, Refusal};
use platform::web::reports::file_response;
use platform::web::{page as layout, with_notice, AppState, Notice};
use platform::{AppError, PageResult};

use super::multipart::{read_recheck, read_response};
use super::{here, notices};
use crate::domain::order::StepKind;
use crate::domain::OrderId;
use crate::service::orders::{self as service, OrderPage};
use crate::store::evidence::EvidenceFile;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn title(p: &OrderPage) -> String {
    format!("整改通知书 {}", p.order.number)
}

fn files(list: &[EvidenceFile]) -> Markup {
    html! {
        @if list.is_empty() { span.muted { "无" } }
        @for f in list {
            a href=(format!("/inspection/evidence/{}", f.id.0)) { (f.file_name) } " "
        }
    }
}

fn view(actor: &Actor, p: &OrderPage, r: &Refusal) -> Markup {
    let o = &p.order;
    let action = |what: &str| format!("{}/{what}?_csrf={}", here(o.id), actor.csrf_token);
    html! {
        p { a href=(format!("/inspection/orders?owner={}", o.owner.as_str())) { "← 整改通知书" } }
        (refusal_view(r))
        dl.facts #order-facts {
            dt { "文号" } dd { (o.number) }
            dt { "业务" } dd { (o.owner.label()) "（" (o.source.label()) "）" }
            dt { "整改单位" } dd { (o.institution_name) }
            dt { "发现的问题" } dd { (o.finding) }
            dt { "整改要求" } dd { (o.requirement) }
            dt { "整改责任人" } dd { (o.responsible_person) }
            dt { "整改期限" } dd { (show_date(o.deadline)) @if p.overdue { " " span.late { "逾期" } } }
            dt { "状态" } dd #order-status { (o.status.label()) }
            dt { "下发日期" } dd { (show_date(o.issued_on)) }
            @if let Some(c) = o.closed_on { dt { "销号日期" } dd { (show_date(c)) } }
        }
        p { a #notice-docx href=(format!("{}/notice.docx", here(o.id))) { "下载整改通知书（Word）" } }
        h2 { "整改过程" }
        table #order-steps {
            thead { tr { th { "时间" } th { "事项" } th { "说明" } th { "经办人" } } }
            tbody { @for st in &p.steps { tr {
                td { (show_minute(st.at)) }
                td { (st.event.label()) @if let Some(d) = st.new_deadline { "，新期限 " (show_date(d)) } }
                td { (st.note) }
                td { (st.by_name.as_deref().unwrap_or("")) }
            } } }
        }
        p #response-files { "整改佐证材料：" (files(&p.response_files)) }
        p #recheck-files { "复查材料：" (files(&p.recheck_files)) }
        @if p.may_respond {
            h2 { "报送整改情况" }
            form.stacked #respond-form method="post" enctype="multipart/form-data" action=(action("respond")) {
                input type="hidden" name="version" value=(o.version);
                label for="note" { "整改情况说明" }
                textarea #note name="note" rows="3" {}
                label for="files" { "佐证材料（PDF、图片、Word 或 Excel，每个不超过 20 MB）" }
                input #files name="files" type="file" multiple;
                (field_error(&r.errors, "file"))
                p { button type="submit" { "报送整改情况" } }
            }
        }
        @if p.may_recheck {
            h2 { "复查" }
            form.stacked #recheck-form method="post" enctype="multipart/form-data" action=(action("recheck")) {
                input type="hidden" name="version" value=(o.version);
                fieldset {
                    legend { "复查结论" }
                    label { input type="radio" name="decision" value=(StepKind::Close.as_str()) checked; " 通过，销号" }
                    label { input type="radio" name="decision" value=(StepKind::Reopen.as_str()); " 未通过，退回重新整改" }
                }
                (field_error(&r.errors, "decision"))
                label for="new_deadline" { "新的整改期限（退回时必填）" }
                input #new_deadline name="new_deadline" type="date";
                (field_error(&r.errors, "new_deadline"))
                label for="recheck_note" { "复查意见" }
                textarea #recheck_note name="note" rows="3" {}
                label for="recheck_files" { "复查材料（销号时必附）" }
                input #recheck_files name="files" type="file" multiple;
                (field_error(&r.errors, "file"))
                p { button type="submit" { "保存复查结论" } }
            }
        }
        (field_error(&r.errors, "status"))
    }
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<OrderId>,
    notice: Notice,
) -> PageResult {
    let p = service::get(&s.db, &caller, id).await?;
    let body = html! { (notice.view(notices)) (view(&actor, &p, &Refusal::default())) };
    Ok(layout(&actor, &title(&p), body).into_response())
}

/// After a step: back to the order with its notice, or the page again
/// with why the step was refused.
async fn after_step(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: OrderId,
    done: Result<&'static str, AppError>,
) -> PageResult {
    match done {
        Ok(key) => Ok(Redirect::to(&with_notice(&here(id), key)).into_response()),
        Err(e) => {
            let p = service::get(&s.db, caller, id).await?;
            redisplay(actor, &title(&p), e, |r| view(actor, &p, r))
        }
    }
}

pub async fn respond(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<OrderId>,
    mp: Multipart,
) -> PageResult {
    let done = match read_response(mp).await {
        Ok((input, files)) => service::respond(&s.db, &caller, id, &input, &files)
            .await
            .map(|_| "responded"),
        Err(e) => Err(e),
    };
    after_step(&s, &actor, &caller, id, done).await
}

pub async fn recheck(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<OrderId>,
    mp: Multipart,
) -> PageResult {
    let done = match read_recheck(mp).await {
        Ok((input, files)) => service::recheck(&s.db, &caller, id, &input, &files)
            .await
            .map(|o| match o.status {
                crate::domain::OrderStatus::Closed => "closed",
                _ => "reopened",
            }),
        Err(e) => Err(e),
    };
    after_step(&s, &actor, &caller, id, done).await
}

pub async fn notice(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<OrderId>,
) -> PageResult {
    let (name, bytes) = service::notice_docx(&s.db, &caller, id).await?;
    Ok(file_response(&name, DOCX, bytes).into_response())
}
