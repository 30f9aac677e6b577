//! /public/disclosure/requests: registering a request for disclosure, one
//! request with its deadline (its requester's contact is shown to the
//! bureau only, and the view is audited), its reply and its extension.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{csrf_field, options, select};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;

use super::notices;
use super::pages::{reload, RequestForm};
use crate::domain::disclosure::{Outcome, ReplyInput, RequestId};
use crate::service::disclosure::requests as service;

pub async fn register(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<RequestForm>,
) -> PageResult {
    match service::register(&s.db, &caller, &f.input()).await {
        Ok(id) => Ok(Redirect::to(&with_notice(
            &format!("/public/disclosure/requests/{id}"),
            "registered",
        ))
        .into_response()),
        Err(e) => reload(&s, &actor, &caller, e).await,
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RequestId>,
    notice: Notice,
) -> PageResult {
    let l = service::request(&s.db, &caller, id).await?;
    let r = &l.request;
    let outcomes = options(Outcome::ALL.iter().map(|o| (o.as_str(), o.label())));
    let body = html! {
        (notice.view(notices))
        p { a href="/public/disclosure#requests" { "← 依申请公开" } }
        table.facts #request { tbody {
            tr { th { "申请人" } td { (r.requester) } }
            tr { th { "联系方式" } td { (r.contact) } }
            tr { th { "申请内容" } td { (r.content) } }
            tr { th { "收到日期" } td { (show_date(r.received_on)) } }
            tr { th { "答复期限" } td #due-on { (show_date(r.due_on)) @if r.extended { "（已延期）" } @if l.overdue { " " strong { "已逾期" } } } }
            @if let Some(o) = r.outcome { tr { th { "答复" } td #outcome { (o.label()) @if !r.reason.is_empty() { "：" (r.reason) } } } }
        } }
        @if r.outcome.is_none() {
            form.stacked #reply-form method="post" action=(format!("/public/disclosure/requests/{id}")) {
                (csrf_field(&actor))
                label for="outcome" { "答复类型" } (select("outcome", &outcomes, "", Some("请选择")))
                label { "理由（部分公开、不予公开或信息不存在时必填）" textarea name="reason" rows="3" {} }
                p { button type="submit" { "答复" } }
            }
            @if !r.extended {
                form.inline #extend-form method="post" action=(format!("/public/disclosure/requests/{id}/extend")) {
                    (csrf_field(&actor)) button type="submit" { "延期答复" }
                }
            }
        }
    };
    Ok(page(&actor, &format!("依申请公开 {id}"), body).into_response())
}

pub async fn reply(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RequestId>,
    Form(f): Form<ReplyInput>,
) -> PageResult {
    match service::reply(&s.db, &caller, id, &f).await {
        Ok(()) => Ok(Redirect::to(&with_notice(
            &format!("/public/disclosure/requests/{id}"),
            "replied",
        ))
        .into_response()),
        Err(e) => reload(&s, &actor, &caller, e).await,
    }
}

pub async fn extend(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<RequestId>,
) -> PageResult {
    service::extend(&s.db, &caller, id).await?;
    Ok(Redirect::to(&with_notice(
        &format!("/public/disclosure/requests/{id}"),
        "extended",
    ))
    .into_response())
}
