//! 转学申请: the transfers involving the caller's school, their
//! confirmation (placing the pupil in a class) or refusal, and the pupils
//! still waiting for a class (待分班).

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::web::forms::csrf_field;
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::enrolment::TransferStatus;
use crate::domain::ids::TransferId;
use crate::domain::Grade;
use crate::service::lifecycle;
use crate::store::enrolments::{self, TransferRow, Unplaced};
use crate::store::students::StudentId;

/// Whether the caller decides on `t`: the receiving school, or the bureau.
fn decides(actor: &Actor, t: &TransferRow) -> bool {
    t.status == TransferStatus::Pending
        && actor.may(WorkArea::Students, Access::Write)
        && (actor.scope == Scope::All || actor.scope.institution() == Some(t.to_institution_id))
}

pub struct TransfersModel {
    pub rows: Vec<TransferRow>,
    /// The receiving school's classes in the pupil's grade, per decidable row.
    pub classes: Vec<(TransferId, Vec<String>)>,
    pub unplaced: Vec<Unplaced>,
}

/// A class field with the school's classes to choose from.
fn class_field(list: &str, classes: &[String]) -> Markup {
    html! {
        input type="text" name="class_name" list=(list) size="6" placeholder="分入班级";
        datalist id=(list) { @for c in classes { option value=(c) {} } }
    }
}

fn confirm_form(actor: &Actor, t: &TransferRow, classes: &[String]) -> Markup {
    html! {
        form.inline method="post" action=(format!("/students/transfers/{}/confirm", t.id)) {
            (csrf_field(actor))
            (class_field(&format!("classes-{}", t.id), classes))
            button type="submit" { "确认转入" }
        }
    }
}

fn unplaced_view(actor: &Actor, m: &TransfersModel) -> Markup {
    html! {
        @if !m.unplaced.is_empty() {
            h2 { "待分班学生" }
            p.alert role="alert" { "以下转入学生尚未分班，请为其选择班级。" }
            table id="unplaced" {
                thead { tr { th { "学生" } th { "学校" } th { "年级" } th { "" } } }
                tbody {
                    @for u in &m.unplaced {
                        tr {
                            td { (u.name) } td { (u.institution_name) } td { (Grade(u.grade).label()) }
                            td {
                                @if actor.may(WorkArea::Students, Access::Write) {
                                    form.inline method="post" action=(format!("/students/placement/{}", u.student_id)) {
                                        (csrf_field(actor))
                                        input type="text" name="class_name" size="6" placeholder="班级" required;
                                        button type="submit" { "分班" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn view(actor: &Actor, m: &TransfersModel, notice: &Notice) -> Markup {
    let no_classes = Vec::new();
    html! {
        (notice.view(notices))
        (unplaced_view(actor, m))
        table id="transfers" {
            thead { tr { th { "学生" } th { "转出学校" } th { "转入学校" } th { "年级" } th { "原因" } th { "状态" } th { "申请人" } th { "" } } }
            tbody {
                @for t in &m.rows {
                    tr {
                        td { (t.student_name) } td { (t.from_name) } td { (t.to_name) } td { (Grade(t.grade).label()) } td { (t.reason) }
                        td { (t.status.label()) }
                        td { (t.requested_by) }
                        td {
                            @if decides(actor, t) {
                                (confirm_form(actor, t, m.classes.iter().find(|c| c.0 == t.id).map_or(&no_classes, |c| &c.1)))
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
    let mut classes = Vec::new();
    for t in rows.iter().filter(|t| decides(&actor, t)) {
        classes.push((
            t.id,
            enrolments::classes(&state.db, t.to_institution_id, t.grade).await?,
        ));
    }
    let m = TransfersModel {
        rows,
        classes,
        unplaced: enrolments::unplaced(&state.db, &actor.scope).await?,
    };
    Ok(page(&actor, "转学申请", view(&actor, &m, &notice)).into_response())
}

/// The class a pupil is placed in (when confirming a transfer, or later).
#[derive(Deserialize)]
pub struct ClassForm {
    #[serde(default)]
    class_name: String,
}

pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, decision)): Path<(TransferId, String)>,
    Form(f): Form<ClassForm>,
) -> PageResult {
    let confirm = lifecycle::transfer_decision(&decision)?;
    lifecycle::decide_transfer(&state.db, &caller, id, confirm, &f.class_name).await?;
    Ok(Redirect::to(&with_notice("/students/transfers", "decided")).into_response())
}

/// Places a pupil waiting for a class.
pub async fn place(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(f): Form<ClassForm>,
) -> PageResult {
    lifecycle::place(&state.db, &caller, id, &f.class_name).await?;
    Ok(Redirect::to(&with_notice("/students/transfers", "placed")).into_response())
}
