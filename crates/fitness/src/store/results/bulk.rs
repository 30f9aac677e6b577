//! Bulk loading of tests (imports): rows go in through the platform's bulk
//! writer (COPY on PostgreSQL, prepared multi-row INSERTs on SQLite) inside
//! the caller's transaction, already scored.

use std::sync::LazyLock;

use chrono::{SecondsFormat, Utc};
use platform::db::{BulkTable, BulkWriter, DbError, Deferrable, Sql, Tx, Value};
use platform::vocab::Sex;
use tokio::sync::mpsc;

use super::{sex_key, Raw, Scores, RAW_COLUMNS, SCORE_COLUMNS};

/// One test to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTest {
    pub student_id: i64,
    pub institution_id: i64,
    pub grade: i64,
    pub class_name: String,
    pub sex: Sex,
    pub exempt: bool,
    pub raw: Raw,
    pub scores: Scores,
}

/// The columns a loaded row fills, in the order [`write`] gives them: the
/// pupil, the results as measured, the scores, then the timestamps.
static TABLES: LazyLock<[BulkTable<'static>; 1]> = LazyLock::new(|| {
    let head = [
        "student_id",
        "institution_id",
        "school_year",
        "grade",
        "class_name",
        "sex",
        "exempt",
    ];
    let columns: Vec<&'static str> = head
        .into_iter()
        .chain(RAW_COLUMNS)
        .chain(SCORE_COLUMNS)
        .chain(["scored_at", "created_at", "updated_at"])
        .collect();
    [BulkTable {
        name: "fitness_tests",
        columns: Vec::leak(columns),
    }]
});

/// Rows handed to the writer at a time.
const ROWS_PER_CHUNK: usize = 256;

/// Loads the batches received from `batches` until every sender is gone,
/// all in `year`; returns the rows written.
pub async fn load_stream(
    tx: &mut Tx,
    year: i64,
    batches: mpsc::Receiver<Vec<NewTest>>,
) -> Result<u64, DbError> {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false);
    tx.bulk_stream(&*TABLES, Deferrable::default(), batches, |batch, w| {
        write(w, batch, year, &now)
    })
    .await
}

fn write(
    w: &mut BulkWriter<'_, '_>,
    rows: &[NewTest],
    year: i64,
    now: &str,
) -> Result<(), DbError> {
    let width = TABLES[0].columns.len();
    let mut values: Vec<Value<'_>> = Vec::with_capacity(ROWS_PER_CHUNK * width);
    for chunk in rows.chunks(ROWS_PER_CHUNK) {
        values.clear();
        for t in chunk {
            values.extend([
                Value::Int(t.student_id),
                Value::Int(t.institution_id),
                Value::Int(year),
                Value::Int(t.grade),
                Value::Text(&t.class_name),
                Value::Text(sex_key(t.sex)),
                Value::Bool(t.exempt),
            ]);
            values.extend(t.raw.values().map(|v| v.map_or(Value::Null, Value::Int)));
            t.scores.write(&mut values);
            let scored = if t.scores.total.is_some() {
                Value::Text(now)
            } else {
                Value::Null
            };
            values.extend([scored, Value::Text(now), Value::Text(now)]);
        }
        w.rows(0, &values)?;
    }
    Ok(())
}

/// Removes tests a corrected import replaces.
pub async fn delete(tx: &mut Tx, ids: &[i64]) -> Result<u64, DbError> {
    let mut n = 0;
    for chunk in ids.chunks(500) {
        let q =
            Sql::new("DELETE FROM fitness_tests WHERE id IN (").bind_list(chunk.iter().copied());
        n += tx.execute(q.push(")")).await?;
    }
    Ok(n)
}
