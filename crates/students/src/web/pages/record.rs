//! One student's record (学籍) with its enrolments, and the life-cycle
//! actions on it: suspend, resume, graduate, transfer out, drop out.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::csrf_field;
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::enrolment::{EnrolmentStatus, LeftReason};
use crate::domain::steps::{dropout_applies, suspension_applies};
use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::lifecycle::{self, Step, StepDetails, TransferRequest};
use crate::store::enrolments::EnrolmentRow;
use crate::store::students::{StudentId, StudentRecord};
use crate::store::suspensions::{self, SuspensionRow};
use crate::web::view;

pub struct RecordModel {
    pub student: StudentRecord,
    pub history: Vec<EnrolmentRow>,
    /// Whether the caller keeps left-behind archives (a link to it).
    pub archive: bool,
    /// The reason and date of the current suspension (休学), if suspended.
    pub suspension: Option<SuspensionRow>,
}

fn facts(s: &StudentRecord, archive: bool) -> Markup {
    html! {
        dl.facts {
            dt { "身份证件号" } dd { (s.id_number) }
            dt { "性别" } dd { (view::sex_label(&s.sex)) }
            dt { "出生日期" } dd { (s.birth) }
            dt { "民族" } dd { (platform::codes::ethnic_groups().name(&s.ethnicity).unwrap_or("")) }
            dt { "户口所在地" } dd { (platform::codes::division(&s.hukou_division).map(|d| d.name.as_str()).unwrap_or("")) " " (s.hukou_division) }
            dt { "现住址" } dd { (s.address) }
            dt { "联系电话" } dd { (s.phone) }
            dt { "监护人" } dd { (s.guardian_name) " " (s.guardian_relation) " " (s.guardian_phone) }
            dt { "是否留守儿童" } dd { (view::left_behind_label(s.left_behind)) @if archive { " " a href=(format!("/students/{}/left-behind", s.id)) { "留守儿童档案" } } }
            dt { "类别" } dd { @for t in view::category_tags(s.left_behind, s.migrant_child, s.boarding, s.dibao, s.registered_poor, &s.disability) { span.tag { (t) } } @if s.inclusive_class { span.tag { "随班就读" } } @if s.orphan { span.tag { "孤儿" } } }
            dt { "当前学籍" } dd {
                @if let (Some(name), Some(g)) = (&s.institution_name, s.grade) { (name) " " (Grade(g).label()) " " (s.class_name.clone().unwrap_or_default()) "（" (s.status.map_or("未知", EnrolmentStatus::label)) "）" } @else { "无在读学籍" }
            }
        }
    }
}

fn actions(actor: &Actor, s: &StudentRecord) -> Markup {
    let status = s.status;
    let active = status == Some(EnrolmentStatus::Active);
    let grade = Grade(s.grade.unwrap_or(0));
    html! {
        h2 { "办理" }
        div.actions {
            @if active && suspension_applies(grade) { a.button.secondary href=(format!("/students/{}/suspend", s.id)) { "休学" } }
            @for (step, label, allowed) in [("resume", "复学", status == Some(EnrolmentStatus::Suspended)), ("graduate", "毕业", active && Grade(s.grade.unwrap_or(0)).is_final())] {
                @if allowed {
                    form.inline method="post" action=(format!("/students/{}/step", s.id)) { (csrf_field(actor)) input type="hidden" name="step" value=(step); button.secondary type="submit" { (label) } }
                }
            }
        }
        @if active {
            form.filters method="post" action=(format!("/students/{}/transfer", s.id)) {
                (csrf_field(actor))
                label { "转入学校的学校标识码" input type="text" name="to_code" required; }
                label { "转学原因" input type="text" name="reason"; }
                button type="submit" { "申请转出" }
            }
        }
        @if active && dropout_applies(grade) {
            form.filters method="post" action=(format!("/students/{}/step", s.id)) {
                (csrf_field(actor))
                input type="hidden" name="step" value="dropout";
                label { "辍学原因" input type="text" name="cause" required; }
                label { "劝返责任人" input type="text" name="responsible" required; }
                button.secondary type="submit" { "登记辍学（转入控辍保学）" }
            }
        }
    }
}

pub fn view(actor: &Actor, m: &RecordModel, notice: &Notice) -> Markup {
    let s = &m.student;
    let writer = actor.may(WorkArea::Students, Access::Write);
    html! {
        (notice.view(notices))
        (facts(s, m.archive))
        @if let Some(p) = &m.suspension { p id="suspension" { "休学：" (p.suspended_on) " 起，" (p.reason) @if !p.detail.is_empty() { "（" (p.detail) "）" } } }
        h2 { "学籍变动" }
        table id="history" {
            thead { tr { th { "学年" } th { "学校" } th { "年级" } th { "班级" } th { "状态" } th { "离校原因" } th { "入学日期" } th { "离校日期" } } }
            tbody { @for e in &m.history { tr { td { (e.school_year) } td { (e.institution_name) } td { (Grade(e.grade).label()) } td { (e.class_name) } td { (e.status.label()) } td { (e.left_reason.map_or("", LeftReason::label)) } td { (e.entered_on) } td { (e.left_on.map(|d| d.to_string()).unwrap_or_default()) } } } }
        }
        @if writer && s.enrolment_id.is_some() { (actions(actor, s)) }
    }
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
    notice: Notice,
) -> PageResult {
    let (student, history) = StudentsReader::of(&state.db, &caller)?
        .record_with_history(id)
        .await?;
    let archive = student.left_behind > 0 && crate::service::left_behind::may_see(&caller);
    let suspension = match (student.enrolment_id, student.status) {
        (Some(e), Some(EnrolmentStatus::Suspended)) => suspensions::latest(&state.db, e).await?,
        _ => None,
    };
    let m = RecordModel {
        student,
        history,
        archive,
        suspension,
    };
    let title = format!("学籍：{}", m.student.name);
    Ok(page(&actor, &title, view(&actor, &m, &notice)).into_response())
}

#[derive(Deserialize)]
pub struct StepForm {
    step: Step,
    #[serde(flatten)]
    details: StepDetails,
}

pub(super) fn back_to(id: StudentId, notice: &str) -> PageResult {
    Ok(Redirect::to(&with_notice(&format!("/students/{id}"), notice)).into_response())
}

pub async fn step(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(f): Form<StepForm>,
) -> PageResult {
    lifecycle::apply_step(&state.db, &caller, id, f.step, &f.details).await?;
    back_to(id, "step")
}

pub async fn transfer(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(f): Form<TransferRequest>,
) -> PageResult {
    lifecycle::request_transfer(&state.db, &caller, id, &f).await?;
    back_to(id, "transfer")
}
