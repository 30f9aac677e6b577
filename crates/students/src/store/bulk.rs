//! Bulk loading of students with their enrolments, for imports and the
//! demo: ids are reserved up front, then rows go in as prepared single-row
//! INSERTs through the raw handle on SQLite and as COPY on PostgreSQL,
//! inside the caller's transaction. [`load`] takes one slice of rows,
//! [`load_stream`] batches from a channel as they are produced (one COPY
//! stream for all the students on PostgreSQL).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, SecondsFormat, Utc};
use platform::db::{copy_field, Backend, Db, DbError, Sql, Tx, Value};
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

/// SQLite page cache while a stream loads (KiB, negative as PRAGMA wants
/// it): the indexes maintained row by row stay in it, and a large load's
/// index builds sort in it; the connection's own setting is restored
/// afterwards.
const SQLITE_LOAD_CACHE: i64 = -262_144;

const STUDENT_COLUMNS: &str = "id, id_type, id_number, name, sex, birth_date, ethnicity, hukou_type, hukou_division, health, left_behind, migrant_child, orphan, disability, inclusive_class, boarding, dibao, registered_poor, address, phone, guardian_name, guardian_relation, guardian_phone, extra_json, version, created_at, updated_at";
const ENROLMENT_COLUMNS: &str =
    "student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at";

/// Reserves `n` student ids in this transaction (see
/// [`Tx::first_free_id`]); returns the first.
async fn reserve_ids(tx: &mut Tx, n: usize) -> Result<i64, DbError> {
    let first = tx.first_free_id("students").await?;
    if n > 0 {
        tx.ids_used_until("students", first + n as i64 - 1).await?;
    }
    Ok(first)
}

/// Loads `rows`, enrolled in `school_year`. Returns the id of the first
/// student; the others follow in order.
pub async fn load(tx: &mut Tx, school_year: i64, rows: &[BulkRow]) -> Result<i64, DbError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let first = reserve_ids(tx, rows.len()).await?;
    match tx.backend() {
        Backend::Sqlite => load_sqlite(tx, school_year, rows, first, &now_text()).await?,
        Backend::Postgres => load_postgres(tx, school_year, rows, first).await?,
    }
    Ok(first)
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "t"
    } else {
        "f"
    }
}

/// `created_at`/`updated_at` of a load: RFC 3339 as sqlx binds a
/// `DateTime<Utc>` and reads it back, but to the whole second. Every row of
/// a load has the same stamp, and the nine digits of fraction on three
/// columns are 30 MB of a million-row load's writes.
fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A date as sqlx binds a `NaiveDate` on SQLite (`%F`), into `buf`.
fn date_text(buf: &mut String, d: NaiveDate) {
    buf.clear();
    if (0..=9999).contains(&d.year()) {
        let _ = write!(buf, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    } else {
        let _ = write!(buf, "{}", d.format("%F"));
    }
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
    match tx.backend() {
        Backend::Sqlite => {
            let old_cache = tx.scalar(Sql::new("PRAGMA cache_size")).await?;
            tx.execute_script(&format!("PRAGMA cache_size = {SQLITE_LOAD_CACHE}"))
                .await?;
            let loaded = stream_sqlite(tx, school_year, batches, large_after).await;
            let restored = tx
                .execute_script(&format!("PRAGMA cache_size = {old_cache}"))
                .await;
            let n = loaded?;
            restored?;
            Ok(n)
        }
        Backend::Postgres => stream_postgres(tx, school_year, batches, large_after).await,
    }
}

async fn stream_sqlite(
    tx: &mut Tx,
    school_year: i64,
    mut batches: mpsc::Receiver<Vec<BulkRow>>,
    large_after: i64,
) -> Result<Loaded, DbError> {
    let now = now_text();
    let mut next = reserve_ids(tx, 0).await?;
    let existing = next - 1;
    let mut deferred: Option<Vec<String>> = None;
    let mut n = 0u64;
    while let Some(rows) = batches.recv().await {
        load_sqlite(tx, school_year, &rows, next, &now).await?;
        next += rows.len() as i64;
        n += rows.len() as u64;
        if deferred.is_none() && is_large(n, existing, large_after) {
            deferred = Some(defer_indexes(tx).await?);
        }
    }
    tracing::debug!(rows = n, "bulk load: rows written");
    let large = deferred.is_some();
    if let Some(definitions) = deferred {
        for sql in definitions {
            tx.execute_script(&sql).await?;
        }
        tracing::debug!("bulk load: deferred indexes built");
    }
    Ok(Loaded { rows: n, large })
}

/// Whether a load of `n` rows into a table of `existing` is large: past
/// `threshold` rows and half the students already there. A large load
/// changes the tables' make-up enough for the planner's statistics to be
/// refreshed; on SQLite it also defers the random-order indexes.
fn is_large(n: u64, existing: i64, threshold: i64) -> bool {
    i64::try_from(n).unwrap_or(i64::MAX) >= (existing / 2).max(threshold)
}

/// Refreshes the planner's statistics of the students' tables, after a
/// large load has committed (the list pages choose their indexes by them).
pub async fn refresh_statistics(db: &Db) -> Result<(), DbError> {
    db.refresh_statistics(&["students", "enrolments"]).await
}

/// Secondary indexes whose keys arrive in random order during a load. A
/// large SQLite load ([`is_large`]) drops them and builds them again at its
/// end, inside its transaction: building sorts once, which costs less than
/// a million random B-tree inserts. Readers keep the old schema until the
/// commit. (The floor in `bench/import.sh` defers the same list.)
const DEFERRABLE_INDEXES: [&str; 4] = [
    "students_id_number",
    "students_name",
    "enrolments_current_by_institution",
    "enrolments_current_by_grade",
];

/// Rows past which a load is large (see [`is_large`]).
pub const LARGE_LOAD_AFTER: i64 = 100_000;

/// Drops [`DEFERRABLE_INDEXES`]; returns their definitions.
async fn defer_indexes(tx: &mut Tx) -> Result<Vec<String>, DbError> {
    let mut definitions = Vec::new();
    for name in DEFERRABLE_INDEXES {
        let sql: Option<(String,)> = tx
            .fetch_optional(
                Sql::new("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ")
                    .bind(name),
            )
            .await?;
        if let Some((sql,)) = sql {
            tx.execute_script(&format!("DROP INDEX {name}")).await?;
            definitions.push(sql);
        }
    }
    Ok(definitions)
}

async fn stream_postgres(
    tx: &mut Tx,
    school_year: i64,
    mut batches: mpsc::Receiver<Vec<BulkRow>>,
    large_after: i64,
) -> Result<Loaded, DbError> {
    let first = tx.first_free_id("students").await?;
    let now = now_text();
    // Students stream through one COPY; the enrolments (about 60 bytes a
    // row) wait in memory for their own COPY once the students are in.
    let mut enrolments = Vec::new();
    let (chunks, chunks_rx) = mpsc::channel::<Vec<u8>>(2);
    let encode = async {
        let mut n = 0u64;
        while let Some(rows) = batches.recv().await {
            let mut students = Vec::with_capacity(rows.len() * 220);
            encode_postgres(
                &rows,
                first + n as i64,
                school_year,
                &now,
                &mut students,
                &mut enrolments,
            );
            n += rows.len() as u64;
            if chunks.send(students).await.is_err() {
                break; // the COPY failed; its error is reported
            }
        }
        drop(chunks);
        n
    };
    let statement = format!("COPY students ({STUDENT_COLUMNS}) FROM STDIN");
    let (copied, n) = tokio::join!(tx.copy_in_stream(&statement, chunks_rx), encode);
    copied?;
    tracing::debug!(rows = n, "bulk load: students copied");
    if n > 0 {
        tx.copy_in(
            &format!("COPY enrolments ({ENROLMENT_COLUMNS}) FROM STDIN"),
            enrolments,
        )
        .await?;
        tracing::debug!("bulk load: enrolments copied");
        tx.ids_used_until("students", first + n as i64 - 1).await?;
    }
    Ok(Loaded {
        rows: n,
        large: is_large(n, first - 1, large_after),
    })
}

/// Appends `rows` (ids from `first`) in COPY text format.
fn encode_postgres(
    rows: &[BulkRow],
    first: i64,
    school_year: i64,
    now: &str,
    students: &mut Vec<u8>,
    enrolments: &mut Vec<u8>,
) {
    let mut birth = String::with_capacity(10);
    let mut entered = String::with_capacity(10);
    let mut num = String::with_capacity(40);
    for (n, r) in rows.iter().enumerate() {
        let s = &r.student;
        num.clear();
        let id = first + n as i64;
        let _ = write!(num, "{id}");
        let id_end = num.len();
        let _ = write!(num, "{}", s.left_behind);
        let (id, left) = num.split_at(id_end);
        date_text(&mut birth, s.birth_date);
        let fields: [Option<&str>; 27] = [
            Some(id),
            Some(&s.id_type),
            Some(&s.id_number),
            Some(&s.name),
            Some(&s.sex),
            Some(&birth),
            Some(&s.ethnicity),
            Some(&s.hukou_type),
            Some(&s.hukou_division),
            Some(&s.health),
            Some(left),
            Some(bool_text(s.migrant_child)),
            Some(bool_text(s.orphan)),
            Some(&s.disability),
            Some(bool_text(s.inclusive_class)),
            Some(bool_text(s.boarding)),
            Some(bool_text(s.dibao)),
            Some(bool_text(s.registered_poor)),
            Some(&s.address),
            Some(&s.phone),
            Some(&s.guardian_name),
            Some(&s.guardian_relation),
            Some(&s.guardian_phone),
            s.extra_json.as_deref(),
            Some("1"),
            Some(now),
            Some(now),
        ];
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                students.push(b'\t');
            }
            copy_field(students, *f);
        }
        students.push(b'\n');
        date_text(&mut entered, r.entered_on);
        let _ = std::io::Write::write_fmt(
            enrolments,
            format_args!("{id}\t{}\t{school_year}\t{}\t", r.institution.0, r.grade.0),
        );
        copy_field(enrolments, Some(&r.class_name));
        enrolments.extend_from_slice(b"\tactive\t");
        enrolments.extend_from_slice(entered.as_bytes());
        enrolments.push(b'\t');
        enrolments.extend_from_slice(now.as_bytes());
        enrolments.push(b'\n');
    }
}

async fn load_postgres(
    tx: &mut Tx,
    school_year: i64,
    rows: &[BulkRow],
    first: i64,
) -> Result<(), DbError> {
    let now = now_text();
    let mut students = Vec::with_capacity(rows.len() * 220);
    let mut enrolments = Vec::with_capacity(rows.len() * 60);
    encode_postgres(
        rows,
        first,
        school_year,
        &now,
        &mut students,
        &mut enrolments,
    );
    tx.copy_in(
        &format!("COPY students ({STUDENT_COLUMNS}) FROM STDIN"),
        students,
    )
    .await?;
    tx.copy_in(
        &format!("COPY enrolments ({ENROLMENT_COLUMNS}) FROM STDIN"),
        enrolments,
    )
    .await?;
    Ok(())
}

/// `INSERT OR ROLLBACK INTO table (columns) VALUES (?, …), …` for `rows`
/// rows. OR ROLLBACK: a constraint failure ends the whole transaction (an
/// import is all or nothing anyway), so SQLite keeps no statement journal
/// for these multi-row statements.
fn insert_rows(table: &str, columns: &str, rows: usize) -> String {
    let n = columns.split(',').count();
    let one = format!("({})", vec!["?"; n].join(", "));
    format!(
        "INSERT OR ROLLBACK INTO {table} ({columns}) VALUES {}",
        vec![one.as_str(); rows].join(", ")
    )
}

/// Rows per multi-row INSERT on SQLite: one statement execution opens the
/// table's and its indexes' cursors once for all of them.
const SQLITE_ROWS_PER_INSERT: usize = 64;

fn student_values<'a>(
    s: &'a NewStudent,
    id: i64,
    birth: &'a str,
    now: &'a str,
    out: &mut Vec<Value<'a>>,
) {
    let b = |v: bool| Value::Int(i64::from(v));
    out.extend_from_slice(&[
        Value::Int(id),
        Value::Text(&s.id_type),
        Value::Text(&s.id_number),
        Value::Text(&s.name),
        Value::Text(&s.sex),
        Value::Text(birth),
        Value::Text(&s.ethnicity),
        Value::Text(&s.hukou_type),
        Value::Text(&s.hukou_division),
        Value::Text(&s.health),
        Value::Int(s.left_behind),
        b(s.migrant_child),
        b(s.orphan),
        Value::Text(&s.disability),
        b(s.inclusive_class),
        b(s.boarding),
        b(s.dibao),
        b(s.registered_poor),
        Value::Text(&s.address),
        Value::Text(&s.phone),
        Value::Text(&s.guardian_name),
        Value::Text(&s.guardian_relation),
        Value::Text(&s.guardian_phone),
        s.extra_json.as_deref().map_or(Value::Null, Value::Text),
        Value::Int(1),
        Value::Text(now),
        Value::Text(now),
    ]);
}

/// Multi-row prepared INSERTs through the raw handle: no copies of the
/// values, one set of cursors per 64 rows, and (OR ROLLBACK) no statement
/// journal for the students.
async fn load_sqlite(
    tx: &mut Tx,
    school_year: i64,
    rows: &[BulkRow],
    first: i64,
    now: &str,
) -> Result<(), DbError> {
    let k = SQLITE_ROWS_PER_INSERT;
    let statements = [
        insert_rows("students", STUDENT_COLUMNS, k),
        insert_rows("students", STUDENT_COLUMNS, 1),
        insert_rows("enrolments", ENROLMENT_COLUMNS, k),
        insert_rows("enrolments", ENROLMENT_COLUMNS, 1),
    ];
    let statements: Vec<&str> = statements.iter().map(String::as_str).collect();
    tx.sqlite_insert(&statements, |ins| {
        for (c, chunk) in rows.chunks(k).enumerate() {
            let dates: Vec<(String, String)> = chunk
                .iter()
                .map(|r| {
                    let (mut birth, mut entered) = (String::new(), String::new());
                    date_text(&mut birth, r.student.birth_date);
                    date_text(&mut entered, r.entered_on);
                    (birth, entered)
                })
                .collect();
            let mut students = Vec::with_capacity(chunk.len() * 27);
            let mut enrolments = Vec::with_capacity(chunk.len() * 8);
            for (n, (r, (birth, entered))) in chunk.iter().zip(&dates).enumerate() {
                let id = first + (c * k + n) as i64;
                student_values(&r.student, id, birth, now, &mut students);
                enrolments.extend_from_slice(&[
                    Value::Int(id),
                    Value::Int(r.institution.0),
                    Value::Int(school_year),
                    Value::Int(r.grade.0),
                    Value::Text(&r.class_name),
                    Value::Text("active"),
                    Value::Text(entered),
                    Value::Text(now),
                ]);
            }
            if chunk.len() == k {
                ins.insert(0, &students)?;
                ins.insert(2, &enrolments)?;
            } else {
                for one in students.chunks(students.len() / chunk.len()) {
                    ins.insert(1, one)?;
                }
                for one in enrolments.chunks(enrolments.len() / chunk.len()) {
                    ins.insert(3, one)?;
                }
            }
        }
        Ok(())
    })
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_rows_shape() {
        assert_eq!(
            insert_rows("t", "a, b", 2),
            "INSERT OR ROLLBACK INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }

    #[test]
    fn date_text_like_sqlx() {
        let mut b = String::new();
        let d = NaiveDate::from_ymd_opt(2014, 3, 7).unwrap();
        date_text(&mut b, d);
        assert_eq!(b, d.format("%F").to_string());
    }
}
