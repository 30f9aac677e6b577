//! 转学申请: the transfers involving the caller's school, their
//! confirmation or refusal.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::forms::csrf_field;
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;

use super::notices;
use crate::domain::enrolment::TransferStatus;
use crate::domain::ids::TransferId;
use crate::domain::Grade;
use crate::service::lifecycle;
use crate::store::enrolments::{self, TransferRow};

/// Whether the caller decides on `t`: the receiving school, or the bureau.
fn decides(actor: &Actor, t: &TransferRow) -> bool {
    t.status == TransferStatus::Pending
        && actor.may(WorkArea::Students, Access::Write)
        && (actor.scope == Scope::All || actor.scope.institution() == Some(t.to_institution_id))
}

pub fn view(actor: &Actor, rows: &[TransferRow], notice: &Notice) -> Markup {
    html! {
        (notice.view(notices))
        table id="transfers" {
            thead { tr { th { "学生" } th { "转出学校" } th { "转入学校" } th { "年级" } th { "原因" } th { "状态" } th { "申请人" } th { "" } } }
            tbody {
                @for t in rows {
                    tr {
                        td { (t.student_name) } td { (t.from_name) } td { (t.to_name) } td { (Grade(t.grade).label()) } td { (t.reason) }
                        td { (t.status.label()) }
                        td { (t.requested_by) }
                        td {
                            @if decides(actor, t) {
                                form.inline method="post" action=(format!("/students/transfers/{}/confirm", t.id)) { (csrf_field(actor)) button type="submit" { "确认转入" } }
                                " "
                                form.inline method="post" action=(format!("/students/transfers/{}/refuse", t.id)) { (csrf_field(actor)) button.secondary type="submit" { "拒绝" } }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub async fn transfers(State(state): State<AppState>, actor: Actor, notice: Notice) -> PageResult {
    actor.require(WorkArea::Students, Access::Read)?;
    let rows = enrolments::transfers(&state.db, &actor.scope, None).await?;
    Ok(page(&actor, "转学申请", view(&actor, &rows, &notice)).into_response())
}

pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, decision)): Path<(TransferId, String)>,
) -> PageResult {
    let confirm = lifecycle::transfer_decision(&decision)?;
    lifecycle::decide_transfer(&state.db, &caller, id, confirm).await?;
    Ok(Redirect::to(&with_notice("/students/transfers", "decided")).into_response())
}
