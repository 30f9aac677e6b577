//! 资助设置 page: the aid settings of the bureau, changed by leadership or
//! the aid centre.

use axum::extract::{Form, State};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use platform::auth::{Actor, Caller};
use platform::web::forms::csrf_field;
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

use crate::service::settings::{self, AidSettings, SEPARATE_APPROVER};

pub async fn show(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let now = settings::get(&s.db, &caller).await?;
    let may = settings::may_change(&caller);
    let body = html! {
        form method="post" action="/aid/settings" {
            (csrf_field(&actor))
            label.check {
                input type="checkbox" name="separate_approver" value="on" checked[now.separate_approver] disabled[!may];
                " " (SEPARATE_APPROVER.label)
            }
            p.muted { "开启时，计算资助批次的人员不能审批本人计算的批次（默认开启）。" }
            @if may { button type="submit" { "保存" } } @else { p.muted { "仅局领导和资助中心可以修改资助设置。" } }
        }
    };
    Ok(page(&actor, "资助设置", body).into_response())
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    separate_approver: Option<String>,
}

pub async fn save(
    State(s): State<AppState>,
    caller: Caller,
    Form(f): Form<SettingsForm>,
) -> PageResult {
    let new = AidSettings {
        separate_approver: f.separate_approver.is_some(),
    };
    settings::set(&s.db, &caller, &new).await?;
    Ok(Redirect::to("/aid/settings").into_response())
}
