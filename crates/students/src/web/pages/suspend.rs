//! 休学: the form (reason, explanation, date), a confirmation page that
//! repeats what will be recorded, and the step itself.

use axum::extract::{Form, Path, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

use super::record::back_to;
use crate::domain::steps::SUSPENSION_REASONS;
use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::lifecycle::{self, Step, StepDetails};
use crate::service::today;
use crate::store::students::{StudentId, StudentRecord};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SuspendForm {
    #[serde(flatten)]
    details: StepDetails,
    /// "1" once the user has seen the confirmation page.
    confirmed: String,
}

fn title(s: &StudentRecord) -> String {
    format!("办理休学：{}", s.name)
}

fn who(s: &StudentRecord) -> Markup {
    html! {
        p { (s.name) " · " (s.institution_name.clone().unwrap_or_default()) " " (Grade(s.grade.unwrap_or(0)).label()) " " (s.class_name.clone().unwrap_or_default()) }
    }
}

fn form_view(actor: &Actor, s: &StudentRecord, d: &StepDetails, r: &Refusal) -> Markup {
    html! {
        (refusal_view(r))
        (who(s))
        form.stacked method="post" action=(format!("/students/{}/suspend", s.id)) {
            (csrf_field(actor))
            div.field { label for="reason" { "休学原因 *" } (select("reason", &options(SUSPENSION_REASONS.iter().map(|r| (r, r))), &d.reason, Some("请选择"))) (field_error(&r.errors, "reason")) }
            div.field { label for="detail" { "原因说明（选“其他”时必填）" } input type="text" id="detail" name="detail" value=(d.detail); (field_error(&r.errors, "detail")) }
            div.field { label for="date" { "休学日期 *" } input type="date" id="date" name="date" value=(d.date); (field_error(&r.errors, "date")) }
            p.actions { button type="submit" { "下一步：确认" } a.button.secondary href=(format!("/students/{}", s.id)) { "取消" } }
        }
    }
}

fn confirm_view(actor: &Actor, s: &StudentRecord, d: &StepDetails) -> Markup {
    html! {
        (who(s))
        p.notice role="status" { "请确认：该生自 " strong { (d.date) } " 起休学，原因：" strong { (d.reason) } @if !d.detail.trim().is_empty() { "（" (d.detail.trim()) "）" } "。休学期间学籍保留，复学时在学籍页办理“复学”。" }
        form.inline method="post" action=(format!("/students/{}/suspend", s.id)) {
            (csrf_field(actor))
            input type="hidden" name="reason" value=(d.reason);
            input type="hidden" name="detail" value=(d.detail);
            input type="hidden" name="date" value=(d.date);
            input type="hidden" name="confirmed" value="1";
            button type="submit" { "确认休学" }
        }
        a.button.secondary href=(format!("/students/{}/suspend", s.id)) { "返回修改" }
    }
}

async fn student(
    state: &AppState,
    caller: &Caller,
    id: StudentId,
) -> Result<StudentRecord, platform::AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    StudentsReader::of(&state.db, caller)?.record(id).await
}

pub async fn form(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
) -> PageResult {
    let s = student(&state, &caller, id).await?;
    let d = StepDetails {
        date: today().to_string(),
        ..StepDetails::default()
    };
    Ok(page(
        &actor,
        &title(&s),
        form_view(&actor, &s, &d, &Refusal::default()),
    )
    .into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(f): Form<SuspendForm>,
) -> PageResult {
    let s = student(&state, &caller, id).await?;
    let outcome = if f.confirmed == "1" {
        lifecycle::apply_step(&state.db, &caller, id, Step::Suspend, &f.details)
            .await
            .map(|_| None)
    } else {
        lifecycle::suspension_allowed(&s, &f.details).map(|()| Some(()))
    };
    match outcome {
        Ok(None) => back_to(id, "step"),
        Ok(Some(())) => {
            Ok(page(&actor, &title(&s), confirm_view(&actor, &s, &f.details)).into_response())
        }
        Err(e) => redisplay(&actor, &title(&s), e, |r| {
            form_view(&actor, &s, &f.details, r)
        }),
    }
}
