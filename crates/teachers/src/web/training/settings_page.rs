//! 继续教育设置: the first year of the current cycle and the hours per
//! cycle, changed by leadership or 人事科.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::forms::refused;
use crate::domain::training::{parse_first_year, parse_required_hours};
use crate::service::training::settings::{self, CeSettings};
use crate::settings::{CE_CYCLE_FIRST_YEAR, CE_REQUIRED_HOURS};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    cycle_first_year: String,
    required_hours: String,
}

fn view(actor: &Actor, may: bool, f: &SettingsForm, r: &Refusal) -> Markup {
    page(
        actor,
        "继续教育设置",
        html! {
            form.stacked method="post" action="/teachers/training/settings" {
                (csrf_field(actor))
                (refusal_view(r))
                label for="cycle_first_year" { (CE_CYCLE_FIRST_YEAR.label) }
                input id="cycle_first_year" name="cycle_first_year" inputmode="numeric" value=(f.cycle_first_year) disabled[!may];
                (field_error(&r.errors, "cycle_first_year"))
                label for="required_hours" { (CE_REQUIRED_HOURS.label) }
                input id="required_hours" name="required_hours" inputmode="numeric" value=(f.required_hours) disabled[!may];
                (field_error(&r.errors, "required_hours"))
                p.muted { "周期按自然年计算，每五年一个周期；截至目前应完成的学时按本周期已结束的年度折算（第一年为 0，第五年为五分之四）。" }
                @if may { button type="submit" { "保存" } } @else { p.muted { "仅局领导和人事科可以修改继续教育设置。" } }
            }
        },
    )
}

pub async fn show(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.bureau(&s.db, WorkArea::Teachers)?;
    let now = settings::get(&s.db, &caller).await?;
    let f = SettingsForm {
        cycle_first_year: now.cycle_first_year.to_string(),
        required_hours: now.required_hours.to_string(),
    };
    Ok(view(
        &actor,
        settings::may_change(&caller),
        &f,
        &Refusal::default(),
    )
    .into_response())
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<SettingsForm>,
) -> PageResult {
    caller.bureau(&s.db, WorkArea::Teachers)?;
    let year = parse_first_year(&f.cycle_first_year);
    let hours = parse_required_hours(&f.required_hours);
    let done = match (year, hours) {
        (Ok(cycle_first_year), Ok(required_hours)) => {
            let new = CeSettings {
                cycle_first_year,
                required_hours,
            };
            settings::set(&s.db, &caller, &new).await
        }
        (year, hours) => {
            let errors = [
                ("cycle_first_year", year.err()),
                ("required_hours", hours.err()),
            ]
            .into_iter()
            .filter_map(|(field, m)| m.map(|m| FieldError::new(field, m)))
            .collect();
            Err(AppError::Invalid(errors))
        }
    };
    match done {
        Ok(_) => Ok(Redirect::to("/teachers/training/settings").into_response()),
        Err(e) => {
            let (status, r) = refused(e)?;
            Ok((status, view(&actor, true, &f, &r)).into_response())
        }
    }
}
