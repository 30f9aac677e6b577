//! The forms of a round's page: each change redirects back to the page, a
//! refused one shows the page again with the reasons (nothing changed).

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use platform::auth::{Actor, Caller};
use platform::web::forms::Refusal;
use platform::web::AppState;
use platform::{AppError, InstitutionId, PageResult};
use serde::Deserialize;

use super::pages::{round_page, rounds_page};
use crate::domain::titles::{ApplicationId, RoundId};
use crate::domain::{TitleLevel, TitleSeries};
use crate::service::titles::{self as service, ApplicationInput, NewRound, ReviewInput};
use crate::store::titles::{self as store, Quota};

/// The answer to a form about round `id`: back to its page, or the page
/// with the refusal.
async fn answer<T>(
    s: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: RoundId,
    done: Result<T, AppError>,
) -> PageResult {
    let (status, refusal) = match done {
        Ok(_) => return Ok(Redirect::to(&format!("/teachers/titles/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Refusal {
                errors,
                alert: None,
            },
        ),
        Err(AppError::Conflict(msg)) => (
            StatusCode::CONFLICT,
            Refusal {
                errors: vec![],
                alert: Some(msg),
            },
        ),
        Err(other) => return Err(other),
    };
    Ok((status, round_page(s, actor, caller, id, &refusal).await?).into_response())
}

#[derive(Deserialize)]
pub struct CreateForm {
    name: String,
    year: String,
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<CreateForm>,
) -> PageResult {
    let input = NewRound {
        name: f.name,
        year: f.year.trim().parse().unwrap_or(0),
        rules: None,
    };
    match service::create(&s.db, &caller, &input).await {
        Ok(r) => Ok(Redirect::to(&format!("/teachers/titles/{}", r.id)).into_response()),
        Err(AppError::Invalid(errors)) => {
            let refusal = Refusal {
                errors,
                alert: None,
            };
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                rounds_page(&s, &actor, &caller, &refusal).await?,
            )
                .into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct QuotaForm {
    institution_id: i64,
    series: TitleSeries,
    level: TitleLevel,
    places: String,
}

pub async fn quota(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
    Form(f): Form<QuotaForm>,
) -> PageResult {
    let q = Quota {
        institution_id: InstitutionId(f.institution_id),
        institution_name: String::new(),
        series: f.series,
        level: f.level,
        places: f.places.trim().parse().unwrap_or(-1),
    };
    let done = service::set_quotas(&s.db, &caller, id, &[q]).await;
    answer(&s, &actor, &caller, id, done).await
}

pub async fn submit(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
    Form(input): Form<ApplicationInput>,
) -> PageResult {
    let done = service::submit(&s.db, &caller, id, &input).await;
    answer(&s, &actor, &caller, id, done).await
}

pub async fn close(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> PageResult {
    let done = service::close(&s.db, &caller, id).await;
    answer(&s, &actor, &caller, id, done).await
}

#[derive(Deserialize)]
pub struct ReviewForm {
    passed: String,
    #[serde(default)]
    comment: String,
}

pub async fn review(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<ApplicationId>,
    Form(f): Form<ReviewForm>,
) -> PageResult {
    let before = store::application(&s.db, &caller.scope, id).await?;
    let input = ReviewInput {
        passed: f.passed == "true",
        comment: f.comment,
    };
    let done = service::review(&s.db, &caller, id, &input).await;
    answer(&s, &actor, &caller, before.round_id, done).await
}
