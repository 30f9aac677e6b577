//! Adding and editing an institution (新增机构, 编辑机构).

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::district;
use platform::web::forms::{redisplay, Refusal};
use platform::web::{page, with_notice, AppState};
use platform::{AppError, InstitutionId, PageResult};
use serde::Deserialize;

use super::form::{institution_form, FormState};
use crate::domain::InstitutionInput;
use crate::service;

#[derive(Deserialize)]
pub struct EditForm {
    #[serde(flatten)]
    input: InstitutionInput,
    /// Text: numbers inside a flattened form arrive as strings.
    version: Option<String>,
}

impl EditForm {
    fn version(&self) -> Option<i64> {
        self.version.as_deref().and_then(|v| v.trim().parse().ok())
    }
}

pub async fn new_form(State(state): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.require_bureau(WorkArea::Institutions)?;
    let townships = district::townships(&state.db).await?;
    let input = InstitutionInput {
        ownership: "public".into(),
        ..Default::default()
    };
    let form = FormState {
        action: "/institutions".into(),
        input: &input,
        version: None,
    };
    let body = institution_form(&actor, &townships, form, &Refusal::default());
    Ok(page(&actor, "新增机构", body).into_response())
}

pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(form): Form<EditForm>,
) -> PageResult {
    let e = match service::create(&state.db, &caller, &form.input).await {
        Ok(i) => {
            return Ok(
                Redirect::to(&with_notice(&format!("/institutions/{}", i.id), "created"))
                    .into_response(),
            )
        }
        Err(e) => e,
    };
    let townships = district::townships(&state.db).await?;
    let typed = FormState {
        action: "/institutions".into(),
        input: &form.input,
        version: None,
    };
    redisplay(&actor, "新增机构", e, |r| {
        institution_form(&actor, &townships, typed, r)
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<InstitutionId>,
) -> PageResult {
    actor.require(WorkArea::Institutions, Access::Write)?;
    let inst = service::get(&state.db, &caller, id).await?;
    let townships = district::townships(&state.db).await?;
    let mut input = InstitutionInput::from(&inst);
    input.township = townships
        .iter()
        .find(|t| t.id == inst.township_id)
        .map(|t| t.code.clone())
        .unwrap_or_default();
    let form = FormState {
        action: format!("/institutions/{id}"),
        input: &input,
        version: Some(inst.version),
    };
    let body = institution_form(&actor, &townships, form, &Refusal::default());
    Ok(page(&actor, &format!("编辑：{}", inst.name), body).into_response())
}

pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<InstitutionId>,
    Form(form): Form<EditForm>,
) -> PageResult {
    let version = form
        .version()
        .ok_or_else(|| AppError::BadRequest("表单缺少版本号，请刷新页面后重试".into()))?;
    let e = match service::update(&state.db, &caller, id, version, &form.input).await {
        Ok(_) => {
            return Ok(
                Redirect::to(&with_notice(&format!("/institutions/{id}"), "saved")).into_response(),
            )
        }
        Err(e) => e,
    };
    let townships = district::townships(&state.db).await?;
    let typed = FormState {
        action: format!("/institutions/{id}"),
        input: &form.input,
        version: Some(version),
    };
    redisplay(&actor, "编辑机构", e, |r| {
        institution_form(&actor, &townships, typed, r)
    })
}
