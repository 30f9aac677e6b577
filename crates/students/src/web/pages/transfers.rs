//! 转学申请 and 年终升级: the transfers involving the caller's school, their
//! confirmation or refusal, and the year-end promotion.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::forms::csrf_field;
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::{notices, picked};
use crate::domain::enrolment::TransferStatus;
use crate::domain::ids::TransferId;
use crate::domain::Grade;
use crate::service::lifecycle;
use crate::store::enrolments::{self, TransferRow};
use crate::web::forms::school_year;

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

#[derive(Deserialize)]
pub struct PromoteForm {
    school_year: String,
    /// The institution's label, name or 学校标识码; empty for the district.
    #[serde(default)]
    institution: String,
}

pub async fn promote(
    State(state): State<AppState>,
    caller: Caller,
    Form(f): Form<PromoteForm>,
) -> PageResult {
    let year = school_year(Some(&f.school_year))?
        .ok_or_else(|| AppError::invalid("school_year", "学年应为四位年份，如 2025"))?;
    let institution = match f.institution.trim() {
        "" => caller.scope.institution(),
        typed => Some(picked(&(state.institutions)(&state.db).await?, typed)?),
    };
    lifecycle::promote_all(&state.db, &caller, institution, year, None).await?;
    Ok(Redirect::to(&with_notice("/students", "promoted")).into_response())
}
