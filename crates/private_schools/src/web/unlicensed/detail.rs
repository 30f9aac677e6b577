//! One unlicensed kindergarten (/private/unlicensed/{id}): its facts, its
//! visits with photos, and for the bureau's writers the forms to change
//! its status and to record a visit.

use axum::extract::{Form, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::multipart::read_visit;
use crate::domain::unlicensed::{Status, UnlicensedId};
use crate::service::unlicensed::{self as service, StatusInput, UnlicensedView};

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "created" => "已登记。",
        "status" => "已变更状态。",
        "visit" => "已记录走访。",
        _ => return None,
    })
}

fn here(id: UnlicensedId) -> String {
    format!("/private/unlicensed/{}", id.0)
}

/// The status form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    deadline: String,
    on: String,
    placement: String,
    version: i64,
}

impl StatusForm {
    fn input(&self) -> StatusInput {
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        StatusInput {
            status: self.status.clone(),
            deadline: date(&self.deadline),
            on: date(&self.on),
            placement: self.placement.clone(),
            version: self.version,
        }
    }
}

fn facts(v: &UnlicensedView) -> Markup {
    let u = &v.record;
    html! {
        dl.facts #facts {
            dt { "状态" } dd #status { (u.status.label()) @if v.overdue { " " strong.overdue { "整改已逾期" } } }
            dt { "乡镇（街道）" } dd { (u.township_name) }
            dt { "地址" } dd { (u.address) }
            dt { "举办者" } dd { (u.operator) " " (u.phone) }
            dt { "在园幼儿" } dd { (u.children) " 人" }
            dt { "发现日期" } dd { (show_date(u.found_on)) }
            @if let Some(d) = u.deadline { dt { "整改期限" } dd #deadline { (show_date(d)) } }
            @if let Some(d) = u.ended_on { dt { "办结日期" } dd { (show_date(d)) } }
            @if !u.placement.is_empty() { dt { "幼儿去向" } dd { (u.placement) } }
            @if !u.note.is_empty() { dt { "备注" } dd { (u.note) } }
        }
    }
}

fn visits(v: &UnlicensedView) -> Markup {
    html! {
        h2 { "走访记录" }
        table #visits {
            thead { tr { th { "日期" } th { "走访人员" } th { "发现情况" } th { "照片" } } }
            tbody { @for w in &v.visits { tr {
                td { (show_date(w.visit.visited_on)) } td { (w.visit.visitor) } td { (w.visit.found) }
                td { @for p in &w.photos { a href=(format!("/inspection/evidence/{p}")) target="_blank" { "照片" } " " } }
            } } }
        }
    }
}

fn forms(actor: &Actor, v: &UnlicensedView, t: &StatusForm, r: &Refusal) -> Markup {
    let u = &v.record;
    let next = options(
        Status::ALL
            .iter()
            .filter(|s| **s != Status::Found)
            .map(|s| (s.as_str(), s.label())),
    );
    html! {
        (refusal_view(r))
        @if !u.status.is_ended() {
            h2 { "变更状态" }
            form.stacked #status-form method="post" action=(format!("{}/status", here(u.id))) {
                (csrf_field(actor))
                input type="hidden" name="version" value=(u.version);
                label for="status" { "新状态" }
                (select("status", &next, &t.status, Some("请选择")))
                (field_error(&r.errors, "status"))
                label for="deadline" { "整改期限（责令整改时填写）" }
                input #deadline-input name="deadline" type="date" value=(t.deadline);
                (field_error(&r.errors, "deadline"))
                label for="on" { "办结日期（取缔、转为合规、停办时填写）" }
                input #on name="on" type="date" value=(t.on);
                (field_error(&r.errors, "on"))
                label for="placement" { "幼儿去向（取缔、停办时填写）" }
                input #placement name="placement" value=(t.placement);
                (field_error(&r.errors, "placement"))
                p { button type="submit" { "保存状态" } }
            }
        }
        h2 { "记录走访" }
        form.stacked #visit-form method="post" enctype="multipart/form-data"
            action=(format!("{}/visits?_csrf={}", here(u.id), actor.csrf_token)) {
            label for="visited_on" { "走访日期" }
            input #visited_on name="visited_on" type="date" value=(platform::time::today().to_string());
            (field_error(&r.errors, "visited_on"))
            label for="visitor" { "走访人员" }
            input #visitor name="visitor" value=(actor.user.display_name);
            (field_error(&r.errors, "visitor"))
            label for="found" { "发现情况" }
            input #found name="found";
            (field_error(&r.errors, "found"))
            label for="photos" { "照片" }
            input #photos type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp,application/pdf";
            (field_error(&r.errors, "file"))
            p { button type="submit" { "保存走访" } }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, v: &UnlicensedView, t: &StatusForm, r: &Refusal) -> Markup {
    html! {
        p { a href="/private/unlicensed" { "← 无证幼儿园" } }
        (facts(v))
        (visits(v))
        @if service::may_write(caller) { (forms(actor, v, t, r)) }
    }
}

pub async fn show(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
    notice: Notice,
) -> PageResult {
    let v = service::get(&s.db, &caller, id).await?;
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &v, &StatusForm::default(), &Refusal::default())) };
    Ok(page(&actor, &v.record.name, body).into_response())
}

async fn refused(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: UnlicensedId,
    t: &StatusForm,
    e: AppError,
) -> PageResult {
    let v = service::get(&s.db, caller, id).await?;
    redisplay(actor, &v.record.name, e, |r| view(actor, caller, &v, t, r))
}

pub async fn change_status(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
    Form(t): Form<StatusForm>,
) -> PageResult {
    match service::change_status(&s.db, &caller, id, &t.input()).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?notice=status", here(id))).into_response()),
        Err(e) => refused(&s, &actor, &caller, id, &t, e).await,
    }
}

pub async fn add_visit(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<UnlicensedId>,
    mp: Multipart,
) -> PageResult {
    let (input, photos) = read_visit(mp).await?;
    match service::add_visit(&s.db, &caller, id, &input, &photos).await {
        Ok(_) => Ok(Redirect::to(&format!("{}?notice=visit", here(id))).into_response()),
        Err(e) => refused(&s, &actor, &caller, id, &StatusForm::default(), e).await,
    }
}
