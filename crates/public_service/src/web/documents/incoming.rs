//! Incoming documents (收文): the list with the 办公室's registration form,
//! and one document's page with its history and the routing step the
//! caller may take.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Section};
use platform::time::{show_date, show_minute};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::documents::{
    is_overdue, next_incoming, IncomingAction, IncomingId, IncomingStatus, Urgency,
};
use crate::service::documents::incoming::{
    self as service, IncomingDetail, IncomingInput, RouteInput,
};
use crate::service::documents::{keeps_register, section_label};
use crate::store::documents::incoming::{Incoming, IncomingFilter};

const LIST: &str = "/public/documents/incoming";

fn here(id: IncomingId) -> String {
    format!("{LIST}/{id}")
}

fn state(i: &Incoming) -> Markup {
    let late = i.status == IncomingStatus::Handling
        && i.deadline
            .is_some_and(|d| is_overdue(d, None, platform::time::today()));
    html! {
        span class=(format!("tag state-{}", i.status.as_str())) { (i.status.label()) }
        @if late { " " span.tag.overdue { "已逾期" } }
    }
}

fn table(all: &[Incoming]) -> Markup {
    html! {
        @if all.is_empty() { p.muted { "没有符合条件的收文。" } } @else {
            table #incoming {
                thead { tr { th { "收文日期" } th { "来文单位" } th { "来文字号" } th { "标题" } th { "缓急" } th { "承办科室" } th { "办理期限" } th { "状态" } } }
                tbody { @for i in all { tr {
                    td { (show_date(i.received_on)) }
                    td { (i.sender) }
                    td { (i.their_number) }
                    td { a href=(here(i.id)) { (i.title) } }
                    td { (i.urgency.label()) }
                    td { (i.section.as_deref().map(section_label).unwrap_or("")) }
                    td { (i.deadline.map(show_date).unwrap_or_default()) }
                    td { (state(i)) }
                } } }
            }
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    sender: String,
    their_number: String,
    title: String,
    received_on: String,
    urgency: String,
}

fn register_form(actor: &Actor, f: &RegisterForm, r: &Refusal) -> Markup {
    let e = &r.errors;
    let urgencies = options(Urgency::ALL.iter().map(|u| (u.as_str(), u.label())));
    html! {
        h2 { "收文登记" }
        (refusal_view(r))
        form.stacked #register-form method="post" action=(LIST) {
            (csrf_field(actor))
            label for="sender" { "来文单位" } input #sender name="sender" value=(f.sender); (field_error(e, "sender"))
            label for="their_number" { "来文字号" } input #their_number name="their_number" value=(f.their_number); (field_error(e, "their_number"))
            label for="title" { "标题" } input #title name="title" value=(f.title); (field_error(e, "title"))
            label for="received_on" { "收文日期" } input #received_on name="received_on" type="date" value=(f.received_on); (field_error(e, "received_on"))
            label for="urgency" { "缓急" } (select("urgency", &urgencies, &f.urgency, None))
            p { button type="submit" { "登记" } }
        }
    }
}

async fn list_view(
    s: &AppState,
    caller: &Caller,
    f: &IncomingFilter,
) -> Result<Markup, platform::AppError> {
    let all = service::list(&s.db, caller, f).await?;
    let states = options(IncomingStatus::ALL.iter().map(|x| (x.as_str(), x.label())));
    Ok(html! {
        p { a href="/public/documents" { "← 发文" } }
        form.filters method="get" action=(LIST) {
            label { "状态 " (select("status", &states, f.status.map_or("", |x| x.as_str()), Some("全部"))) }
            label { input type="checkbox" name="overdue" value="true" checked[f.overdue == Some(true)]; " 已逾期" }
            button type="submit" { "筛选" }
        }
        (table(&all))
    })
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<IncomingFilter>,
    notice: Notice,
) -> PageResult {
    let listed = list_view(&s, &caller, &f).await?;
    let body = html! {
        (notice.view(notices))
        (listed)
        @if keeps_register(&caller) { (register_form(&actor, &RegisterForm::default(), &Refusal::default())) }
    };
    Ok(page(&actor, "电子公文 · 收文", body).into_response())
}

pub async fn register(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<RegisterForm>,
) -> PageResult {
    let input = IncomingInput {
        sender: f.sender.clone(),
        their_number: f.their_number.clone(),
        title: f.title.clone(),
        received_on: f.received_on.trim().parse().ok(),
        urgency: Urgency::parse(&f.urgency),
    };
    match service::register(&s.db, &caller, &input).await {
        Ok(id) => Ok(Redirect::to(&with_notice(&here(id), "registered")).into_response()),
        Err(e) => {
            let listed = list_view(&s, &caller, &IncomingFilter::default()).await?;
            redisplay(
                &actor,
                "电子公文 · 收文",
                e,
                |r| html! { (listed) (register_form(&actor, &f, r)) },
            )
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RouteForm {
    action: String,
    text: String,
    section: String,
    deadline: String,
}

fn route_form(
    actor: &Actor,
    caller: &Caller,
    d: &IncomingDetail,
    f: &RouteForm,
    r: &Refusal,
) -> Markup {
    let i = &d.incoming;
    let current = i.section.as_deref().and_then(Section::from_key);
    let Some(action) = [
        IncomingAction::Propose,
        IncomingAction::Instruct,
        IncomingAction::Finish,
    ]
    .into_iter()
    .find(|a| next_incoming(i.status, *a, caller.role, current).is_ok()) else {
        return html! { (refusal_view(r)) };
    };
    let e = &r.errors;
    let sections = options(Section::ALL.iter().map(|s| (s.key(), s.label())));
    let chosen = if f.section.is_empty() {
        i.section.clone().unwrap_or_default()
    } else {
        f.section.clone()
    };
    let deadline = if f.deadline.is_empty() {
        i.deadline.map(|d| d.to_string()).unwrap_or_default()
    } else {
        f.deadline.clone()
    };
    html! {
        h2 { (action.label()) }
        (refusal_view(r))
        form.stacked #route-form method="post" action=(format!("{}/route", here(i.id))) {
            (csrf_field(actor))
            input type="hidden" name="action" value=(action.as_str());
            label for="text" { (match action { IncomingAction::Propose => "拟办意见", IncomingAction::Instruct => "批示意见", _ => "办理结果" }) }
            textarea #text name="text" rows="3" { (f.text) } (field_error(e, "text"))
            @if action != IncomingAction::Finish {
                label for="section" { "承办科室" } (select("section", &sections, &chosen, Some("请选择"))) (field_error(e, "section"))
                label for="deadline" { "办理期限" } input #deadline name="deadline" type="date" value=(deadline); (field_error(e, "deadline"))
            }
            p { button type="submit" { (action.label()) } }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, d: &IncomingDetail, f: &RouteForm, r: &Refusal) -> Markup {
    let i = &d.incoming;
    html! {
        p { a href=(LIST) { "← 收文" } }
        dl.facts #incoming-facts {
            dt { "来文单位" } dd { (i.sender) }
            dt { "来文字号" } dd { (i.their_number) }
            dt { "标题" } dd { (i.title) }
            dt { "收文日期" } dd { (show_date(i.received_on)) }
            dt { "缓急" } dd { (i.urgency.label()) }
            dt { "状态" } dd #incoming-status { (state(i)) }
            @if let Some(s) = &i.section { dt { "承办科室" } dd { (section_label(s)) } }
            @if let Some(d) = i.deadline { dt { "办理期限" } dd { (show_date(d)) } }
        }
        h3 { "办理记录" }
        ol #history { @for s in &d.steps {
            li { (show_minute(s.at)) " " (s.by_name) " " strong { (IncomingAction::parse(&s.step).map_or(s.step.as_str(), |a| a.label())) } @if !s.comment.is_empty() { "：" (s.comment) } }
        } }
        (route_form(actor, caller, d, f, r))
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<IncomingId>,
    notice: Notice,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &d, &RouteForm::default(), &Refusal::default())) };
    Ok(page(&actor, &d.incoming.title, body).into_response())
}

pub async fn route(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<IncomingId>,
    Form(f): Form<RouteForm>,
) -> PageResult {
    let action = IncomingAction::parse(&f.action)
        .filter(|a| *a != IncomingAction::Register)
        .ok_or(platform::AppError::NotFound)?;
    let input = RouteInput {
        text: f.text.clone(),
        section: Some(f.section.clone()).filter(|s| !s.is_empty()),
        deadline: f.deadline.trim().parse().ok(),
    };
    match service::route(&s.db, &caller, id, action, &input).await {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(id), action.as_str())).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, &caller, id).await?;
            redisplay(&actor, &d.incoming.title.clone(), e, |r| {
                view(&actor, &caller, &d, &f, r)
            })
        }
    }
}
