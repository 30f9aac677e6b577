//! 资助项目表单: the bureau defines and changes programs on a page — stages
//! with their amounts, conditions, incompatible programs, budget and
//! documents — with the same validation as the API.

mod fields;
mod view;

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{redisplay, Refusal};
use platform::web::{page, AppState};
use platform::{AppError, FieldError, PageResult};

pub(super) use fields::{all, one, Pairs};

use crate::domain::{presets, Condition, ProgramDef, ProgramId, ProgramInput};
use crate::service::programs as service;
use crate::store::{self, Program};
use fields::{input_from, input_of};
use view::{form, FormView};

/// What a program page shows around the form.
struct Screen<'a> {
    action: String,
    /// The program being edited (left out of "cannot be combined with").
    current: Option<ProgramId>,
    input: &'a ProgramInput,
    version: Option<i64>,
}

impl Screen<'_> {
    fn view(&self, actor: &Actor, programs: &[Program], refusal: &Refusal) -> Markup {
        form(
            actor,
            FormView {
                action: self.action.clone(),
                input: self.input,
                version: self.version,
                refusal,
                others: programs
                    .iter()
                    .filter(|p| Some(p.id) != self.current)
                    .collect(),
            },
        )
    }

    /// The form as it was sent, under the reasons it was refused.
    async fn refused(&self, s: &AppState, actor: &Actor, title: &str, e: AppError) -> PageResult {
        let programs = store::programs::list(&s.db).await?;
        redisplay(actor, title, e, |r| self.view(actor, &programs, r))
    }

    async fn show(&self, s: &AppState, actor: &Actor, title: &str) -> PageResult {
        let programs = store::programs::list(&s.db).await?;
        let body = self.view(actor, &programs, &Refusal::default());
        Ok(page(actor, title, body).into_response())
    }
}

#[derive(serde::Deserialize)]
pub struct PresetQuery {
    #[serde(default)]
    preset: String,
}

/// The new-program form, blank or filled from a national preset.
pub async fn new(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<PresetQuery>,
) -> PageResult {
    crate::service::bureau_writer(&s.db, &caller)?;
    let preset = presets::find(q.preset.trim());
    let input = preset.map_or_else(
        || ProgramInput {
            period: "year".into(),
            active: true,
            ..Default::default()
        },
        |p| p.input(),
    );
    let screen = Screen {
        action: "/aid/programs".into(),
        current: None,
        input: &input,
        version: None,
    };
    let programs = store::programs::list(&s.db).await?;
    let body = html! {
        (view::preset_links(preset))
        (screen.view(&actor, &programs, &Refusal::default()))
    };
    Ok(page(&actor, "新增资助项目", body).into_response())
}

/// The form's own check before the service's: amounts are the stages.
fn checked(input: &ProgramInput) -> Result<(), AppError> {
    if input.amounts.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "amounts",
            "请至少填写一个学段的补助标准",
        )]));
    }
    Ok(())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    // The bureau-only answer comes before any check of the form.
    crate::service::bureau_writer(&s.db, &caller)?;
    let (input, _) = input_of(&pairs);
    let saved = match checked(&input) {
        Ok(()) => service::create(&s.db, &caller, &input).await,
        Err(e) => Err(e),
    };
    let e = match saved {
        Ok(p) => return Ok(Redirect::to(&format!("/aid/programs/{}", p.id)).into_response()),
        Err(e) => e,
    };
    let screen = Screen {
        action: "/aid/programs".into(),
        current: None,
        input: &input,
        version: None,
    };
    screen.refused(&s, &actor, "新增资助项目", e).await
}

/// Whether the form can show a program's conditions: one group of each
/// kind. Programs defined through the API with several "至少具备其一"
/// groups would be merged into one by the form, so they are changed there.
fn fits_form(def: &ProgramDef) -> bool {
    let count = |kind: fn(&Condition) -> bool| def.conditions.iter().filter(|c| kind(c)).count();
    count(|c| matches!(c, Condition::AnyFlag { .. })) <= 1
        && count(|c| matches!(c, Condition::UrbanRural { .. })) <= 1
        && count(|c| matches!(c, Condition::Ownership { .. })) <= 1
}

pub async fn edit(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProgramId>,
) -> PageResult {
    crate::service::bureau_writer(&s.db, &caller)?;
    let p = service::get(&s.db, &caller, id).await?;
    let title = format!("修改资助项目：{}", p.def.name);
    if !fits_form(&p.def) {
        let body = maud::html! {
            p.alert role="alert" { "该项目有多组“至少具备其一”等复杂条件，页面表单无法完整显示，请通过 API（PUT /api/v1/aid/programs/" (id) "）修改，以免条件被合并。" }
        };
        return Ok(page(&actor, &title, body).into_response());
    }
    let screen = Screen {
        action: format!("/aid/programs/{id}"),
        current: Some(id),
        input: &input_from(&p.def),
        version: Some(p.version),
    };
    screen.show(&s, &actor, &title).await
}

pub async fn update(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ProgramId>,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    crate::service::bureau_writer(&s.db, &caller)?;
    let (input, version) = input_of(&pairs);
    let version =
        version.ok_or_else(|| AppError::invalid("version", "缺少版本号，请刷新后重试"))?;
    let saved = match checked(&input) {
        Ok(()) => service::update(&s.db, &caller, id, version, &input).await,
        Err(e) => Err(e),
    };
    let e = match saved {
        Ok(_) => return Ok(Redirect::to(&format!("/aid/programs/{id}")).into_response()),
        Err(e) => e,
    };
    // After a stale version the form carries the version now stored, so
    // that saving again (deliberately) replaces the other change.
    let version = match e {
        AppError::Conflict(_) => service::get(&s.db, &caller, id).await?.version,
        _ => version,
    };
    let screen = Screen {
        action: format!("/aid/programs/{id}"),
        current: Some(id),
        input: &input,
        version: Some(version),
    };
    screen.refused(&s, &actor, "修改资助项目", e).await
}
