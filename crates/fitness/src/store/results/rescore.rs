//! Batched rescoring: a batch of stored tests read in id order, their new
//! scores written back through a keyed temporary table (bulk-written) and
//! one `UPDATE … FROM` per batch.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{BulkTable, DbError, Sql, Tx, Value};

use super::{Raw, Scores, RAW_COLUMNS, SCORE_COLUMNS};

/// A stored test as rescoring reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Stored {
    pub id: i64,
    pub grade: i64,
    pub sex: String,
    pub exempt: bool,
    #[sqlx(flatten)]
    pub raw: Raw,
    #[sqlx(flatten)]
    pub scores: Scores,
}

/// Up to `limit` tests of `year` in scope with ids past `after`, in id
/// order.
pub async fn batch(
    tx: &mut Tx,
    scope: &Scope,
    year: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<Stored>, DbError> {
    let columns: Vec<&str> = RAW_COLUMNS
        .iter()
        .chain(SCORE_COLUMNS.iter())
        .copied()
        .collect();
    let q = Sql::new(format!(
        "SELECT id, grade, sex, exempt, {} FROM fitness_tests WHERE school_year = ",
        columns.join(", ")
    ))
    .bind(year)
    .push(" AND id > ")
    .bind(after);
    let q = scope.restrict(q, "institution_id");
    tx.fetch_all(q.push(" ORDER BY id LIMIT ").bind(limit))
        .await
}

const TEMP: &str = "fitness_rescore";

fn temp_table() -> BulkTable<'static> {
    static COLUMNS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| std::iter::once("id").chain(SCORE_COLUMNS).collect());
    BulkTable {
        name: TEMP,
        columns: COLUMNS.as_slice(),
    }
}

/// Writes the scores of the tests `rows` back, stamping the scored ones
/// with `at`.
pub async fn write_back(
    tx: &mut Tx,
    rows: &[(i64, Scores)],
    at: DateTime<Utc>,
) -> Result<u64, DbError> {
    let definitions: Vec<String> = std::iter::once("id BIGINT".to_string())
        .chain(SCORE_COLUMNS.iter().map(|c| {
            let kind = if matches!(*c, "bmi_category" | "level") {
                "TEXT"
            } else {
                "BIGINT"
            };
            format!("{c} {kind}")
        }))
        .collect();
    tx.drop_temp_table(TEMP).await?;
    tx.create_keyed_temp_table(TEMP, &definitions.join(", "), "id")
        .await?;
    tx.bulk_insert(&[temp_table()], |w| {
        let mut values: Vec<Value<'_>> = Vec::with_capacity(256 * 18);
        for chunk in rows.chunks(256) {
            values.clear();
            for (id, scores) in chunk {
                values.push(Value::Int(*id));
                scores.write(&mut values);
            }
            w.rows(0, &values)?;
        }
        Ok(())
    })
    .await?;
    let sets: Vec<String> = SCORE_COLUMNS
        .iter()
        .map(|c| format!("{c} = r.{c}"))
        .collect();
    let q = Sql::new(format!(
        "UPDATE fitness_tests SET {}, scored_at = CASE WHEN r.total IS NULL THEN NULL ELSE ",
        sets.join(", ")
    ))
    .bind(at)
    .push(&format!(" END FROM {TEMP} r WHERE fitness_tests.id = r.id"));
    let n = tx.execute(q).await?;
    tx.drop_temp_table(TEMP).await?;
    Ok(n)
}
