//! /public: the area's start page. An institution sees the notices waiting
//! to be read; the bureau the unread receipts of its notices and the open
//! and overdue requests for disclosure; everyone the links to every part.

use axum::extract::State;
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::web::{page, AppState};
use platform::PageResult;

use super::pages::{inbox_table, sent_table};
use crate::service::disclosure::requests;
use crate::service::notices as service;

pub async fn start(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    service::may_read(&caller)?;
    let institution = caller.scope.institution().is_some();
    let waiting = service::waiting(&s.db, &caller).await?;
    let unread_sent = service::unread_of_sent(&s.db, &caller).await?;
    let inbox: Vec<_> = service::inbox(&s.db, &caller)
        .await?
        .into_iter()
        .filter(|n| n.read_at.is_none())
        .take(10)
        .collect();
    let sent: Vec<_> = service::sent(&s.db, &caller)
        .await?
        .into_iter()
        .take(5)
        .collect();
    let (open, overdue) = requests::counts(&s.db, &caller).await?;
    let body = html! {
        ul.figures #public-figures {
            @if institution {
                li { "待阅读通知 " strong #waiting { (waiting) } " 条" }
            } @else {
                li { "已发通知未读回执 " strong #unread-sent { (unread_sent) } " 份" }
                li { "依申请公开待答复 " strong #open-requests { (open) } " 件，其中逾期 " strong #overdue-requests { (overdue) } " 件" }
            }
        }
        nav.parts {
            a href="/public/notices" { "通知公告" } " · "
            a href="/public/disclosure" { "信息公开" } " · "
            a href="/public/petitions" { "信访与局长信箱" } " · "
            a href="/public/documents" { "电子公文" } " · "
            a href="/open/bureau" { "主动公开目录（公众页面）" }
        }
        @if institution {
            h2 { "待阅读的通知" }
            (inbox_table(&inbox))
        }
        h2 { @if institution { "最近的家长通知" } @else { "最近发送的通知" } }
        (sent_table(&sent, if institution { "名学生" } else { "所" }))
    };
    Ok(page(&actor, "家校与政务", body).into_response())
}
