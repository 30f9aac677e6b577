//! One hazard: what, where, its photos, and its rectification order's
//! stage; the 安全科's form to order it fixed, and more photos.

use axum::extract::{Form, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::time::show_date;
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::multipart::read;
use super::{level_tag, notices, state_tag};
use crate::domain::hazards::{suggested_deadline, HazardId};
use crate::service::hazards::{self as service, FixOrder, HazardDetail, MAX_PHOTOS};

fn here(id: HazardId) -> String {
    format!("/safety/hazards/{id}")
}

fn title(d: &HazardDetail) -> String {
    format!("隐患：{}", d.hazard.location)
}

fn facts(d: &HazardDetail) -> Markup {
    let h = &d.hazard;
    html! {
        dl.facts #hazard-facts {
            dt { "学校" } dd { (h.institution_name) "（" (h.township_name) "）" }
            dt { "类别" } dd { (h.category.label()) }
            dt { "风险等级" } dd { (level_tag(h.risk_level)) }
            dt { "隐患描述" } dd { (h.description) }
            dt { "发现日期" } dd { (show_date(h.found_on)) }
            dt { "来源" } dd {
                (h.origin.label())
                @if let Some(t) = &h.campaign_title { "：" a href=(format!("/inspection/campaigns/{}", h.campaign_id.unwrap_or_default())) { (t) } }
            }
            dt { "整改状态" } dd #hazard-state {
                (state_tag(h.state, h.deadline))
                @if let Some(o) = h.order_id { " " a href=(format!("/inspection/orders/{o}")) { "查看整改通知书" } }
            }
        }
        h2 { "照片" }
        @if d.photos.is_empty() { p.muted { "无照片。" } } @else {
            ul #hazard-photos { @for p in &d.photos {
                li { a href=(format!("/inspection/evidence/{}", p.id)) target="_blank" { (p.file_name) } }
            } }
        }
    }
}

/// The order form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrderForm {
    finding: String,
    requirement: String,
    responsible_person: String,
    deadline: String,
}

fn order_form(actor: &Actor, d: &HazardDetail, f: &OrderForm, r: &Refusal) -> Markup {
    let h = &d.hazard;
    let deadline = if f.deadline.is_empty() {
        suggested_deadline(h.risk_level, platform::time::today()).to_string()
    } else {
        f.deadline.clone()
    };
    let e = &r.errors;
    html! {
        h2 { "下发整改通知书" }
        (refusal_view(r))
        form.stacked #order-form method="post" action=(format!("{}/order", here(h.id))) {
            (csrf_field(actor))
            label for="finding" { "发现的问题（不填则为隐患位置和描述）" }
            textarea #finding name="finding" rows="2" { (f.finding) } (field_error(e, "finding"))
            label for="requirement" { "整改要求" }
            textarea #requirement name="requirement" rows="2" { (f.requirement) }
            label for="responsible_person" { "整改责任人" }
            input #responsible_person name="responsible_person" value=(f.responsible_person); (field_error(e, "responsible_person"))
            label for="deadline" { "整改期限" }
            input #deadline name="deadline" type="date" value=(deadline); (field_error(e, "deadline"))
            p { button type="submit" { "下发整改通知" } }
        }
    }
}

fn view(actor: &Actor, caller: &Caller, d: &HazardDetail, f: &OrderForm, r: &Refusal) -> Markup {
    let h = &d.hazard;
    html! {
        p { a href="/safety/hazards" { "← 安全隐患" } }
        (facts(d))
        @if service::may_write(caller) && d.photos.len() < MAX_PHOTOS {
            form.inline #photo-form method="post" enctype="multipart/form-data"
                action=(format!("{}/photos?_csrf={}", here(h.id), actor.csrf_token)) {
                input type="file" name="photos" accept="image/jpeg,image/png,image/webp" multiple required;
                button.secondary type="submit" { "添加照片" }
            }
        }
        @if h.order_id.is_none() && service::may_order_fix(caller) { (order_form(actor, d, f, r)) }
    }
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<HazardId>,
    notice: Notice,
) -> PageResult {
    let d = service::detail(&s.db, &caller, id).await?;
    let body = html! {
        (notice.view(notices))
        (view(&actor, &caller, &d, &OrderForm::default(), &Refusal::default()))
    };
    Ok(page(&actor, &title(&d), body).into_response())
}

pub async fn order(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<HazardId>,
    Form(f): Form<OrderForm>,
) -> PageResult {
    let deadline = f.deadline.trim().parse().ok();
    let done = match (deadline, f.deadline.trim().is_empty()) {
        (None, false) => Err(platform::AppError::invalid(
            "deadline",
            "日期格式应为 年-月-日",
        )),
        _ => {
            let input = FixOrder {
                finding: f.finding.clone(),
                requirement: f.requirement.clone(),
                responsible_person: f.responsible_person.clone(),
                deadline,
            };
            service::order_fix(&s.db, &caller, id, &input).await
        }
    };
    match done {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(id), "ordered")).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, &caller, id).await?;
            redisplay(&actor, &title(&d), e, |r| view(&actor, &caller, &d, &f, r))
        }
    }
}

pub async fn add_photos(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<HazardId>,
    mp: Multipart,
) -> PageResult {
    let form = read(mp).await?;
    match service::add_photos(&s.db, &caller, id, &form.files).await {
        Ok(_) => Ok(Redirect::to(&with_notice(&here(id), "photos")).into_response()),
        Err(e) => {
            let d = service::detail(&s.db, &caller, id).await?;
            redisplay(&actor, &title(&d), e, |r| {
                html! { (refusal_view(r)) (view(&actor, &caller, &d, &OrderForm::default(), &Refusal::default())) }
            })
        }
    }
}
