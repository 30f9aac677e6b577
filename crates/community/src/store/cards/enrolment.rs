//! Enrolment (报名) at the storage level: a place taken by a guarded
//! UPDATE of the session's counter (the CHECK on `enrolled` backs it), the
//! enrolment row inserted or reopened, and the reverse for a cancellation.
//! The service runs these in one transaction.

use chrono::NaiveDate;
use platform::db::{DbError, Sql, Tx};

use crate::domain::cards::CardId;

/// What a refused place is explained by.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionState {
    pub institution_id: i64,
    pub enrol_open: bool,
    pub capacity: i64,
    pub enrolled: i64,
    pub last_day: NaiveDate,
}

pub async fn state(tx: &mut Tx, session: i64) -> Result<Option<SessionState>, DbError> {
    tx.fetch_optional(
        Sql::new(
            "SELECT institution_id, enrol_open, CAST(capacity AS BIGINT) AS capacity, \
             CAST(enrolled AS BIGINT) AS enrolled, last_day FROM community_sessions WHERE id = ",
        )
        .bind(session),
    )
    .await
}

/// The card's enrolment status in the session, if it ever enrolled.
pub async fn status(tx: &mut Tx, session: i64, card: CardId) -> Result<Option<String>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        status: String,
    }
    let row: Option<Row> = tx
        .fetch_optional(
            Sql::new("SELECT status FROM community_enrolments WHERE session_id = ")
                .bind(session)
                .push(" AND card_id = ")
                .bind(card),
        )
        .await?;
    Ok(row.map(|r| r.status))
}

/// Takes one place if the session is open, not full and not over; false
/// otherwise. Atomic on both databases: the row is locked (PostgreSQL) or
/// the database is (SQLite, BEGIN IMMEDIATE) while the guard is checked.
pub async fn take_place(
    tx: &mut Tx,
    session: i64,
    not_ended_on: Option<NaiveDate>,
) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE community_sessions SET enrolled = enrolled + 1, updated_at = $1 \
         WHERE id = $2 AND enrolled < capacity AND enrol_open",
    )
    .arg(platform::time::now())
    .arg(session);
    let q = match not_ended_on {
        Some(day) => q.push(" AND last_day >= ").bind(day),
        None => q,
    };
    Ok(tx.execute(q).await? == 1)
}

pub async fn release_place(tx: &mut Tx, session: i64) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "UPDATE community_sessions SET enrolled = enrolled - 1, updated_at = $1 \
             WHERE id = $2 AND enrolled > 0",
        )
        .arg(platform::time::now())
        .arg(session),
    )
    .await?;
    Ok(())
}

/// A new enrolment (the key refuses a second one of the same card).
pub async fn insert(tx: &mut Tx, session: i64, card: CardId) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO community_enrolments (session_id, card_id, status, enrolled_at) \
             VALUES ($1, $2, 'enrolled', $3)",
        )
        .arg(session)
        .arg(card)
        .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

/// Moves the enrolment from `from` to the other status; false if it was
/// not in `from` (someone else changed it first).
pub async fn switch(tx: &mut Tx, session: i64, card: CardId, from: &str) -> Result<bool, DbError> {
    let now = platform::time::now();
    let q = if from == "cancelled" {
        Sql::new(
            "UPDATE community_enrolments SET status = 'enrolled', enrolled_at = $1, \
             cancelled_at = NULL WHERE session_id = $2 AND card_id = $3 AND status = 'cancelled'",
        )
    } else {
        Sql::new(
            "UPDATE community_enrolments SET status = 'cancelled', cancelled_at = $1 \
             WHERE session_id = $2 AND card_id = $3 AND status = 'enrolled'",
        )
    };
    let n = tx.execute(q.arg(now).arg(session).arg(card)).await?;
    Ok(n == 1)
}
