//! 年终升级 (`/students/promotion`): choose the scope by name, see the
//! preview, confirm by typing the count, read the numbers afterwards; the
//! school year's runs with 撤销, and the window the bureau sets.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use platform::auth::{Actor, Caller, Scope};
use platform::web::forms::{empty_as_none, redisplay, Refusal};
use platform::web::{page, with_notice, AppState, InstitutionChoice, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

mod view;

use crate::domain::promotion::Reach;
use crate::service::promotion::{self, Preview, Report};
use crate::service::today;
use crate::store::promotion::RunRow;

const PAGE: &str = "/students/promotion";
const TITLE: &str = "年终升级";

/// The scope as chosen on the page (and, when posted, the typed count).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ScopeForm {
    /// `district`, `stage` or `institution`; empty before a choice.
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub stage: String,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    /// The run whose numbers to show, after it ran.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub run: Option<i64>,
    #[serde(default)]
    pub confirm: String,
}

impl ScopeForm {
    /// The reach chosen; a school's is always itself.
    fn reach(&self, actor: &Actor) -> Result<Option<Reach>, AppError> {
        if let Scope::Institution(own) = actor.scope {
            return Ok(Some(Reach::Institution(own)));
        }
        Reach::choose(&self.scope, &self.stage, self.institution_id)
            .map_err(|(field, msg)| AppError::invalid(field, msg))
    }
}

#[derive(Deserialize)]
pub struct WindowForm {
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
}

/// Everything the page shows.
pub struct PromotionModel {
    pub form: ScopeForm,
    pub institutions: Vec<InstitutionChoice>,
    pub preview: Option<Preview>,
    pub report: Option<Report>,
    pub runs: Vec<RunRow>,
    pub window: crate::domain::promotion::Window,
    pub caller: Caller,
}

async fn load(
    state: &AppState,
    actor: &Actor,
    form: ScopeForm,
) -> Result<PromotionModel, AppError> {
    let caller = Caller::from(actor);
    let day = today();
    let preview = match form.reach(actor)? {
        Some(r) => Some(promotion::preview(&state.db, &caller, r, day).await?),
        None => None,
    };
    let report = match form.run {
        Some(id) => Some(promotion::report(&state.db, &caller, id).await?),
        None => None,
    };
    let institutions = if actor.scope == Scope::All {
        (state.institutions)(&state.db).await?
    } else {
        Vec::new()
    };
    Ok(PromotionModel {
        runs: promotion::runs(&state.db, &caller, day).await?,
        window: promotion::window(&state.db).await?,
        form,
        institutions,
        preview,
        report,
        caller,
    })
}

/// The page again, for `form`, with the refusal `e` above it.
async fn again(state: &AppState, actor: &Actor, form: ScopeForm, e: AppError) -> PageResult {
    let m = load(state, actor, form).await?;
    redisplay(actor, TITLE, e, |r| view::view(actor, &m, &Notice(None), r))
}

/// The page; with a chosen scope, its preview; after a run, its numbers.
pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    notice: Notice,
    axum::extract::Query(form): axum::extract::Query<ScopeForm>,
) -> PageResult {
    let refused = Refusal {
        errors: vec![],
        alert: None,
    };
    match load(&state, &actor, form.clone()).await {
        Ok(m) => Ok(page(&actor, TITLE, view::view(&actor, &m, &notice, &refused)).into_response()),
        Err(e @ AppError::Invalid(_)) => again(&state, &actor, ScopeForm::default(), e).await,
        Err(e) => Err(e),
    }
}

/// Runs the promotion previewed, then shows its numbers.
pub async fn run(
    State(state): State<AppState>,
    actor: Actor,
    Form(form): Form<ScopeForm>,
) -> PageResult {
    let caller = Caller::from(&actor);
    let ran = match form.reach(&actor)? {
        Some(r) => promotion::run(&state.db, &caller, r, &form.confirm, today()).await,
        None => Err(AppError::invalid("scope", "请选择升级范围")),
    };
    match ran {
        Ok(report) => Ok(Redirect::to(&format!("{PAGE}?run={}", report.run.id)).into_response()),
        Err(e) => again(&state, &actor, ScopeForm { run: None, ..form }, e).await,
    }
}

/// Undoes one run of this school year.
pub async fn undo(State(state): State<AppState>, actor: Actor, Path(id): Path<i64>) -> PageResult {
    let caller = Caller::from(&actor);
    match promotion::undo(&state.db, &caller, id, today()).await {
        Ok(_) => Ok(Redirect::to(&with_notice(PAGE, "promotion_undone")).into_response()),
        Err(e) => again(&state, &actor, ScopeForm::default(), e).await,
    }
}

/// Sets the promotion window (leadership, 基教科).
pub async fn set_window(
    State(state): State<AppState>,
    actor: Actor,
    Form(f): Form<WindowForm>,
) -> PageResult {
    let caller = Caller::from(&actor);
    match promotion::set_window(&state.db, &caller, &f.opens, &f.closes).await {
        Ok(_) => Ok(Redirect::to(&with_notice(PAGE, "promotion_window")).into_response()),
        Err(e) => again(&state, &actor, ScopeForm::default(), e).await,
    }
}
