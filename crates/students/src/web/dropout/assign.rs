//! 分派: 基教科 gives a case without a school (or without a responsible
//! person) to a school and a person, by hand; page form and JSON API.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::Json;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::error::ErrorBody;
use platform::web::forms::csrf_field;
use platform::web::{directory, with_notice, AppState};
use platform::{ApiResult, AppError, PageResult};
use serde::Deserialize;

use crate::domain::dropout::CaseStatus;
use crate::domain::ids::CaseId;
use crate::service::dropout::{self as service, Assignment};
use crate::store::dropout::CaseRow;

/// The assignment form on an open case, for the bureau's dropout writers.
pub fn form(actor: &Actor, c: &CaseRow) -> Markup {
    let shown = c.status == CaseStatus::Open
        && actor.scope == Scope::All
        && actor.may(WorkArea::Dropout, Access::Write);
    html! {
        @if shown {
            h2 { "分派" }
            form.filters method="post" action=(format!("/dropout/cases/{}/assign", c.id)) {
                (csrf_field(actor))
                input type="hidden" name="version" value=(c.version);
                label { "负责学校（名称或学校标识码）" input type="text" name="institution" value=(c.institution_name.clone().unwrap_or_default()) required; }
                label { "劝返责任人" input type="text" name="responsible" value=(c.responsible) maxlength="50" required; }
                button type="submit" { "分派" }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    version: i64,
    institution: String,
    responsible: String,
}

pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
    Form(f): Form<AssignForm>,
) -> PageResult {
    caller.require_bureau(WorkArea::Dropout)?;
    let all = (state.institutions)(&state.db).await?;
    let institution = directory::resolve(&all, &f.institution)
        .map_err(|why| AppError::invalid("institution_id", why))?;
    let a = Assignment {
        version: f.version,
        institution_id: Some(institution),
        responsible: f.responsible,
    };
    service::assign(&state.db, &caller, id, &a).await?;
    Ok(Redirect::to(&with_notice(&format!("/dropout/cases/{id}"), "assigned")).into_response())
}

/// Assign an open case to a school and a responsible person (bureau only);
/// 409 if someone saved it since `version`.
#[utoipa::path(post, path = "/api/v1/dropout/cases/{id}/assign", tag = "dropout", request_body = Assignment,
    responses((status = 200, body = CaseRow), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn api(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<CaseId>,
    Json(a): Json<Assignment>,
) -> ApiResult<Json<CaseRow>> {
    Ok(Json(service::assign(&state.db, &caller, id, &a).await?))
}
