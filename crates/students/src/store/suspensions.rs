//! Storage of suspensions (休学): the reason and first day of each.

use chrono::{NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::ids::EnrolmentId;
use crate::domain::steps::Suspension;

pub async fn insert(tx: &mut Tx, enrolment: EnrolmentId, s: &Suspension) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO students_suspensions (enrolment_id, reason, detail, suspended_on, created_at) VALUES ($1, $2, $3, $4, $5)")
            .arg(enrolment)
            .arg(s.reason.as_str())
            .arg(s.detail.as_str())
            .arg(s.from)
            .arg(Utc::now()),
    )
    .await?;
    Ok(())
}

/// The latest suspension of an enrolment, as the record page shows it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct SuspensionRow {
    pub reason: String,
    pub detail: String,
    pub suspended_on: NaiveDate,
}

/// The latest suspension of `enrolment` (an enrolment the caller has seen).
pub async fn latest(
    ex: impl Into<Ex<'_>>,
    enrolment: EnrolmentId,
) -> Result<Option<SuspensionRow>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new("SELECT reason, detail, suspended_on FROM students_suspensions WHERE enrolment_id = ")
                .bind(enrolment)
                .push(" ORDER BY id DESC")
                .limit(1, 0),
        )
        .await
}
