//! Bulk loading of students with their enrolments, for imports and the
//! demo: ids are reserved up front, then rows go in through the platform's
//! bulk writer ([`platform::db::BulkWriter`]: COPY on PostgreSQL, prepared
//! multi-row INSERTs on SQLite) inside the caller's transaction. [`load`]
//! takes one slice of rows, [`load_stream`] batches from a channel as they
//! are produced (one COPY stream for all the students on PostgreSQL).

mod rows;

use chrono::NaiveDate;
use platform::db::{Db, DbError, Deferrable, Tx};
use platform::InstitutionId;
use tokio::sync::mpsc;

use crate::domain::student::NewStudent;
use crate::domain::Grade;

/// One student to load with the enrolment that places them.
pub struct BulkRow {
    pub student: NewStudent,
    pub institution: InstitutionId,
    pub grade: Grade,
    pub class_name: String,
    pub entered_on: NaiveDate,
}

/// Loads `rows`, enrolled in `school_year`. Returns the id of the first
/// student; the others follow in order.
pub async fn load(tx: &mut Tx, school_year: i64, rows: &[BulkRow]) -> Result<i64, DbError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let first = tx.first_free_id("students").await?;
    tx.ids_used_until("students", first + rows.len() as i64 - 1)
        .await?;
    let now = rows::now_text();
    tx.bulk_insert(&rows::TABLES, |w| {
        rows::write(w, rows, first, school_year, &now)
    })
    .await?;
    Ok(first)
}

/// What a streamed load did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub rows: u64,
    /// A large load (see [`is_large`]): once it has committed, the caller
    /// refreshes the statistics ([`refresh_statistics`]).
    pub large: bool,
}

/// Loads batches received from `batches` until every sender is gone, all
/// enrolled in `school_year`. Batches are written as they arrive, so the
/// sender can check the next rows meanwhile. On an error the receiver is
/// dropped, which the sender sees as a closed channel.
pub async fn load_stream(
    tx: &mut Tx,
    school_year: i64,
    batches: mpsc::Receiver<Vec<BulkRow>>,
) -> Result<Loaded, DbError> {
    load_stream_deferring(tx, school_year, batches, LARGE_LOAD_AFTER).await
}

/// [`load_stream`] with the number of rows after which a load counts as
/// large (see [`is_large`]; on SQLite a large load defers the random-order
/// indexes of [`DEFERRABLE_INDEXES`]); tests lower it.
pub async fn load_stream_deferring(
    tx: &mut Tx,
    school_year: i64,
    batches: mpsc::Receiver<Vec<BulkRow>>,
    large_after: i64,
) -> Result<Loaded, DbError> {
    let first = tx.first_free_id("students").await?;
    let large_from = large_from(first - 1, large_after);
    let defer = Deferrable {
        indexes: &DEFERRABLE_INDEXES,
        after_rows: large_from,
    };
    let now = rows::now_text();
    let mut next = first;
    let n = tx
        .bulk_stream(&rows::TABLES, defer, batches, |batch, w| {
            rows::write(w, batch, next, school_year, &now)?;
            next += batch.len() as i64;
            Ok(())
        })
        .await?;
    if n > 0 {
        tx.ids_used_until("students", first + n as i64 - 1).await?;
    }
    Ok(Loaded {
        rows: n,
        large: n >= large_from,
    })
}

/// The rows from which a load into a table of `existing` is large: past
/// `threshold` rows and half the students already there. A large load
/// changes the tables' make-up enough for the planner's statistics to be
/// refreshed; on SQLite it also defers the random-order indexes.
fn large_from(existing: i64, threshold: i64) -> u64 {
    u64::try_from((existing / 2).max(threshold)).unwrap_or(0)
}

/// Whether a load of `n` rows is large (see [`large_from`]).
#[cfg(test)]
fn is_large(n: u64, existing: i64, threshold: i64) -> bool {
    n >= large_from(existing, threshold)
}

/// Refreshes the planner's statistics of the students' tables, after a
/// large load has committed (the list pages choose their indexes by them).
pub async fn refresh_statistics(db: &Db) -> Result<(), DbError> {
    db.refresh_statistics(&["students", "students_enrolments"])
        .await
}

/// Secondary indexes whose keys arrive in random order during a load. A
/// large SQLite load drops them and builds them again at its end, inside
/// its transaction (see [`Tx::bulk_stream`]). (The floor in
/// `bench/import.sh` defers the same list.)
const DEFERRABLE_INDEXES: [&str; 4] = [
    "students_id_number",
    "students_name",
    "enrolments_current_by_institution",
    "enrolments_current_by_grade",
];

/// Rows past which a load is large (see [`large_from`]).
pub const LARGE_LOAD_AFTER: i64 = 100_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_is_past_the_threshold_and_half_the_table() {
        assert!(!is_large(99, 0, 100));
        assert!(is_large(100, 0, 100));
        assert!(!is_large(100, 400, 100));
        assert!(is_large(200, 400, 100));
    }
}
