//! /public/notices: the bureau's sent notices with read counts and the
//! form to send one; an institution's inbox, its notices to parents and
//! their form. /public/notices/{id}: the notice, its attachments, and for
//! the sender the unread list and reminder, for a recipient the receipt.

use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use institutions::domain::Category;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::show_minute;
use platform::web::forms::{csrf_field, options, redisplay, Refusal};
use platform::web::{file_response, page, with_notice, AppState, Notice};
use platform::PageResult;

use super::form::{notice_form, Choices, Posted};
use super::notices;
use crate::domain::notices::NoticeId;
use crate::service::notices::{self as service, bureau_sender, parents, sender_label, NoticeView};
use crate::store::files::FileId;
use crate::store::notices::{InboxNotice, Receipt, SentNotice};

const TITLE: &str = "通知公告";

/// 已读 3 / 10（30.0%）
pub fn read_share(read: i64, recipients: i64) -> String {
    let rate = crate::domain::notices::read_rate(read, recipients)
        .map_or("—".into(), |r| format!("{r:.1}%"));
    format!("{read} / {recipients}（{rate}）")
}

pub fn sent_table(rows: &[SentNotice], unit: &str) -> Markup {
    html! {
        @if rows.is_empty() { p.muted #no-sent { "尚未发送通知。" } } @else {
            table #sent {
                thead { tr { th { "标题" } th { "发送范围" } th { "发送时间" } th.num { (format!("已读/应读（{unit}）")) } th.num { "催阅" } } }
                tbody { @for n in rows { tr {
                    td { a href=(format!("/public/notices/{}", n.id)) { (n.title) } }
                    td { (n.audience_label) } td { (show_minute(n.sent_at)) }
                    td.num.read { (read_share(n.read, n.recipients)) } td.num { (n.reminders) }
                } } }
            }
        }
    }
}

pub fn inbox_table(rows: &[InboxNotice]) -> Markup {
    html! {
        @if rows.is_empty() { p.muted #no-inbox { "没有收到通知。" } } @else {
            table #inbox {
                thead { tr { th { "标题" } th { "发文单位" } th { "发送时间" } th { "状态" } } }
                tbody { @for n in rows { tr class=(if n.read_at.is_none() { "unread" } else { "" }) {
                    td { a href=(format!("/public/notices/{}", n.id)) { (n.title) } }
                    td { (n.sender_section.as_deref().map_or("教育局", sender_label)) }
                    td { (show_minute(n.sent_at)) }
                    td { @if n.read_at.is_some() { "已读" } @else { strong { "未读" } } }
                } } }
            }
        }
    }
}

async fn choices(s: &AppState, caller: &Caller) -> Result<Choices, platform::AppError> {
    if caller.scope.institution().is_some() {
        let classes = parents::classes(&s.db, caller).await?;
        return Ok(Choices {
            audiences: options([
                ("school", "全校家长"),
                ("grade", "某年级家长"),
                ("class", "某班级家长"),
            ]),
            categories: vec![],
            townships: vec![],
            classes: classes
                .iter()
                .map(|c| {
                    (
                        format!("{}:{}", c.grade, c.class_name),
                        format!(
                            "{}{}（{} 人）",
                            platform::vocab::Grade(c.grade).label(),
                            c.class_name,
                            c.pupils
                        ),
                    )
                })
                .collect(),
        });
    }
    let towns = platform::district::townships(&s.db).await?;
    Ok(Choices {
        audiences: options([
            ("all", "全部机构"),
            ("category", "按机构类别"),
            ("township", "按乡镇（街道）"),
            ("chosen", "指定机构"),
        ]),
        categories: options(Category::ALL.iter().map(|c| (c.key(), c.label()))),
        townships: options(towns.iter().map(|t| (t.id.0, t.name.as_str()))),
        classes: vec![],
    })
}

/// What the list page shows besides the form's values.
struct Data {
    sent: Vec<SentNotice>,
    inbox: Option<Vec<InboxNotice>>,
    choices: Option<Choices>,
}

async fn load(s: &AppState, caller: &Caller) -> Result<Data, platform::AppError> {
    let institution = caller.scope.institution().is_some();
    let may_send = if institution {
        caller.role.may(WorkArea::PublicService, Access::Write)
    } else {
        bureau_sender(caller).is_some()
    };
    Ok(Data {
        sent: service::sent(&s.db, caller).await?,
        inbox: match institution {
            true => Some(service::inbox(&s.db, caller).await?),
            false => None,
        },
        choices: match may_send {
            true => Some(choices(s, caller).await?),
            false => None,
        },
    })
}

fn list_view(actor: &Actor, d: &Data, typed: &Posted, r: &Refusal) -> Markup {
    html! {
        p { a href="/public" { "← 家校与政务" } }
        @if let Some(inbox) = &d.inbox {
            h2 { "收到的通知" }
            (inbox_table(inbox))
            h2 { "家长通知" }
            (sent_table(&d.sent, "名学生"))
        } @else {
            h2 { "已发送的通知" }
            (sent_table(&d.sent, "所"))
        }
        @if let Some(c) = &d.choices { (notice_form(actor, c, typed, r)) }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller).await?;
    let body = list_view(&actor, &d, &Posted::default(), &Refusal::default());
    Ok(page(&actor, TITLE, html! { (notice.view(notices)) (body) }).into_response())
}

pub async fn send(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    let posted = Posted::read(mp).await?;
    let input = posted.input();
    let sent = match caller.scope.institution() {
        Some(_) => parents::send(&s.db, &caller, &input, &posted.files).await,
        None => service::send(&s.db, &caller, &input, &posted.files).await,
    };
    match sent {
        Ok(sent) => Ok(Redirect::to(&with_notice(
            &format!("/public/notices/{}", sent.id),
            "sent",
        ))
        .into_response()),
        Err(e) => {
            let d = load(&s, &caller).await?;
            redisplay(&actor, TITLE, e, |r| list_view(&actor, &d, &posted, r))
        }
    }
}

fn receipts_table(id: &str, rows: &[Receipt]) -> Markup {
    html! {
        table id=(id) {
            thead { tr { th { "机构" } th { "乡镇（街道）" } th { "阅读时间" } th { "阅读人" } } }
            tbody { @for r in rows { tr {
                td { (r.institution_name) } td { (r.township_name) }
                td { (r.read_at.map(show_minute).unwrap_or_else(|| "未读".into())) }
                td { (r.reader.clone().unwrap_or_default()) }
            } } }
        }
    }
}

fn body_view(actor: &Actor, v: &NoticeView) -> Markup {
    let n = &v.notice;
    html! {
        p.muted #notice-meta { (v.sender) " · " (show_minute(n.sent_at)) " · 发送范围：" (n.audience_label) }
        div #notice-body { @for line in n.body.lines() { p { (line) } } }
        @if !v.files.is_empty() {
            h3 { "附件" }
            ul #files { @for f in &v.files {
                li { a href=(format!("/public/notices/{}/files/{}", n.id, f.id)) { (f.file_name) } }
            } }
        }
        @if let Some(r) = &v.receipt {
            @if r.read_at.is_some() { p #receipt { "本单位已确认阅读。" } } @else {
                form.inline #read-form method="post" action=(format!("/public/notices/{}/read", n.id)) {
                    (csrf_field(actor)) button type="submit" { "确认已读" }
                }
            }
        }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<NoticeId>,
    notice: Notice,
) -> PageResult {
    let v = service::get(&s.db, &caller, id).await?;
    let follow = match (&v.stats, v.notice.sender_section.is_some()) {
        (Some(stats), true) => {
            let unread = service::receipts(&s.db, &caller, id, true).await?;
            let all = service::receipts(&s.db, &caller, id, false).await?;
            let read: Vec<Receipt> = all.into_iter().filter(|r| r.read_at.is_some()).collect();
            html! {
                p #read-rate { "阅读情况：" (read_share(stats.read, stats.recipients)) }
                h3 { "未读机构（" (unread.len()) "）" }
                @if !unread.is_empty() && bureau_sender(&caller).is_some() {
                    form.inline #remind-form method="post" action=(format!("/public/notices/{id}/remind")) {
                        (csrf_field(&actor)) button type="submit" { "催阅" }
                    }
                }
                (receipts_table("unread", &unread))
                h3 { "已读机构（" (read.len()) "）" }
                (receipts_table("read", &read))
            }
        }
        (Some(stats), false) => {
            html! { p #read-rate { "家长确认：" (read_share(stats.read, stats.recipients)) } }
        }
        _ => html! {},
    };
    let body = html! {
        (notice.view(notices))
        p { a href="/public/notices" { "← 通知公告" } }
        (body_view(&actor, &v)) (follow)
    };
    Ok(page(&actor, &v.notice.title, body).into_response())
}

pub async fn read(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
) -> PageResult {
    service::mark_read(&s.db, &caller, id).await?;
    Ok(Redirect::to(&with_notice(&format!("/public/notices/{id}"), "read")).into_response())
}

pub async fn remind(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<NoticeId>,
) -> PageResult {
    service::remind(&s.db, &caller, id).await?;
    Ok(Redirect::to(&with_notice(&format!("/public/notices/{id}"), "reminded")).into_response())
}

pub async fn file(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, file)): Path<(NoticeId, FileId)>,
) -> PageResult {
    let (name, media_type, bytes) = service::file(&s.db, &caller, id, file).await?;
    let mut response = file_response(&name, media_type.as_str(), bytes);
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    Ok(response.into_response())
}
