//! The area's time limits (办理时限) as in force: the bureau's override in
//! `public_time_limits` if there is one, else the default in code
//! (`domain::limits::DEFAULTS`). Every part of the area reads them here.

use platform::db::{DbError, Ex, Sql};

use crate::domain::limits::{default_of, Limit};

#[derive(sqlx::FromRow)]
struct Row {
    days: i64,
    working_days: bool,
}

/// The limit `key` in force (an unknown key with no row: one day, so that
/// a deadline always exists; keys are constants of the code).
pub async fn limit<'a>(ex: impl Into<Ex<'a>>, key: &str) -> Result<Limit, DbError> {
    let row: Option<Row> = ex
        .into()
        .fetch_optional(
            Sql::new("SELECT CAST(days AS BIGINT) AS days, working_days FROM public_time_limits WHERE key = ")
                .bind(key),
        )
        .await?;
    Ok(match row {
        Some(r) => Limit {
            days: r.days,
            working_days: r.working_days,
        },
        None => default_of(key).unwrap_or(Limit {
            days: 1,
            working_days: false,
        }),
    })
}
