//! 信息变更审核 (/teachers/reviews): the changes waiting for 人事科, with
//! what each changes; approve, or send back with a comment. Institutions
//! see their own submissions here.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::csrf_field;
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::staff::review::may_review;
use crate::domain::staff::ChangeId;
use crate::service::staff::reader::diff_of;
use crate::service::staff::review;
use crate::store::staff::changes::ChangeRow;

fn row(actor: &Actor, c: &ChangeRow, reviewer: bool) -> Markup {
    let full = actor.sees_personal_details();
    html! {
        tr id=(format!("change-{}", c.id)) {
            td { (platform::time::show_minute(c.submitted_at)) }
            td { (c.institution_name) }
            td {
                @if let Some(s) = c.staff_id { a href=(format!("/teachers/staff/{s}")) { (c.name) } } @else { (c.name) }
            }
            td { (c.kind.label()) }
            td { (c.submitted_by) }
            td { ul { @for d in diff_of(c, full) { li { (d.to_string()) } } } }
            @if reviewer {
                td {
                    form.inline method="post" action=(format!("/teachers/reviews/{}/approve", c.id)) {
                        (csrf_field(actor)) button type="submit" { "审核通过" }
                    }
                    form.inline method="post" action=(format!("/teachers/reviews/{}/reject", c.id)) {
                        (csrf_field(actor))
                        input type="text" name="comment" placeholder="退回理由" required;
                        button.secondary type="submit" { "退回" }
                    }
                }
            }
        }
    }
}

pub async fn queue(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let changes = review::queue(&state.db, &caller).await?;
    let reviewer = may_review(caller.role, &caller.scope);
    let body = html! {
        (notice.view(notices))
        p.muted { "学校新增或修改教职工信息，须经人事科审核通过后才生效；退回的变更不生效，学校可按退回理由修改后重新提交。" }
        p { "待审核 " strong { (changes.len()) } " 项" }
        table id="reviews" {
            thead { tr { th { "提交时间" } th { "单位" } th { "姓名" } th { "类别" } th { "提交人" } th { "变更内容" } @if reviewer { th { "审核" } } } }
            tbody { @for c in &changes { (row(&actor, c, reviewer)) } }
        }
    };
    Ok(page(&actor, "教师信息变更审核", body).into_response())
}

pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<ChangeId>,
) -> PageResult {
    review::approve(&state.db, &caller, id).await?;
    Ok(Redirect::to(&with_notice("/teachers/reviews", "approved")).into_response())
}

#[derive(Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    comment: String,
}

pub async fn reject(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<ChangeId>,
    Form(f): Form<RejectForm>,
) -> PageResult {
    review::reject(&state.db, &caller, id, &f.comment).await?;
    Ok(Redirect::to(&with_notice("/teachers/reviews", "rejected")).into_response())
}
