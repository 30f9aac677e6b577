//! The answer to a form posted on a record page (a case, an archive).

use std::future::Future;

use axum::response::{IntoResponse, Redirect};
use maud::Markup;
use platform::auth::Actor;
use platform::web::forms::{redisplay, Refusal};
use platform::web::with_notice;
use platform::{AppError, PageResult};

/// Back to `back` with `notice` once saved; after invalid input or a
/// conflict, the page again (its model from `load`) with the values typed
/// and the refusal; any other error on to the error page.
pub async fn answer<T, M>(
    actor: &Actor,
    saved: Result<T, AppError>,
    (back, notice): (&str, &str),
    load: impl Future<Output = Result<M, AppError>>,
    title: fn(&M) -> String,
    view: impl FnOnce(&M, &Refusal) -> Markup,
) -> PageResult {
    let e = match saved {
        Ok(_) => return Ok(Redirect::to(&with_notice(back, notice)).into_response()),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => e,
        Err(e) => return Err(e),
    };
    let m = load.await?;
    redisplay(actor, &title(&m), e, |r| view(&m, r))
}

/// A school year as typed (its first calendar year, 2025 for 2025—2026);
/// `None` when left blank.
pub fn school_year(typed: Option<&str>) -> Result<Option<i64>, AppError> {
    match typed.map(str::trim) {
        None | Some("") => Ok(None),
        Some(y) => y.parse().map(Some).map_err(|_| {
            AppError::invalid("school_year", format!("学年“{y}”应为四位年份，如 2025"))
        }),
    }
}
