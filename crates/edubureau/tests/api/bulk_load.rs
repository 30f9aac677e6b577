//! The bulk loader under imports: on SQLite a large load drops the
//! random-order indexes and builds them again before its commit; the
//! indexes come back whether the load commits or fails, and the database
//! stays consistent. Run with a low threshold so a small load crosses it.

use chrono::NaiveDate;
use platform::db::{Backend as DbBackend, Sql};
use platform::vocab::Grade;
use platform::InstitutionId;
use students::store::bulk::{self, BulkRow};
use tokio::sync::mpsc;

use crate::aid::county::student;
use crate::both_backends;
use crate::common::{spawn_app_with, Backend, TestApp};

const DEFERRED: [&str; 4] = [
    "students_id_number",
    "students_name",
    "enrolments_current_by_institution",
    "enrolments_current_by_grade",
];

async fn indexes(app: &TestApp) -> i64 {
    let sql = match app.db.backend() {
        DbBackend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ",
        DbBackend::Postgres => "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ",
    };
    app.db
        .scalar(Sql::new(sql).push("(").bind_list(DEFERRED).push(")"))
        .await
        .expect("count indexes")
}

fn rows(from: u32, n: u32, institution: i64) -> Vec<BulkRow> {
    (from..from + n)
        .map(|seq| BulkRow {
            student: student(seq, false, false),
            institution: InstitutionId(institution),
            grade: Grade(3),
            class_name: "1班".into(),
            entered_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        })
        .collect()
}

/// Loads `batches` in one transaction with the index threshold at 10 rows.
async fn load(app: &TestApp, batches: Vec<Vec<BulkRow>>) -> Result<u64, String> {
    let mut tx = app.db.begin().await.expect("tx");
    let (send, recv) = mpsc::channel(batches.len().max(1));
    for b in batches {
        send.send(b).await.expect("queue");
    }
    drop(send);
    let loaded = bulk::load_stream_deferring(&mut tx, 2025, recv, 10)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    assert!(loaded.large, "thousands of rows past a threshold of 10");
    bulk::refresh_statistics(&app.db)
        .await
        .map_err(|e| e.to_string())?;
    Ok(loaded.rows)
}

both_backends!(a_large_load_rebuilds_its_indexes, |b: Backend| async move {
    let app = spawn_app_with(b, true).await;
    let school = app.institution_of("school001").await;
    let before = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM students"))
        .await
        .expect("count");
    let batches: Vec<Vec<BulkRow>> = (0..8)
        .map(|k| rows(900_000 + k * 600, 600, school))
        .collect();
    assert_eq!(load(&app, batches).await, Ok(4800));
    assert_eq!(
        indexes(&app).await,
        4,
        "the indexes are back after the commit"
    );
    let after = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM students_enrolments e JOIN students s ON s.id = e.student_id WHERE e.status <> 'left'"))
        .await
        .expect("count");
    assert!(after >= before + 4800);
    // The planner's statistics were refreshed after the load.
    let estimated = match app.db.backend() {
        DbBackend::Sqlite => {
            "SELECT CAST(stat AS INTEGER) FROM sqlite_stat1 WHERE idx = 'students_id_number'"
        }
        DbBackend::Postgres => {
            "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'students'"
        }
    };
    let estimated = app.db.scalar(Sql::new(estimated)).await.expect("stats");
    assert!(
        estimated >= before + 4800,
        "statistics see {estimated} students"
    );
    let found = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM students WHERE name = '学生900123'",
        ))
        .await
        .expect("by name");
    assert_eq!(found, 1);
    // A load that fails after dropping them leaves nothing and the indexes
    // in place: one whose last row repeats an ID number (caught when the
    // unique index is built again on SQLite), and one whose last row the
    // database refuses outright (a grade out of range: on SQLite its
    // `INSERT OR ROLLBACK` ends the transaction on the spot).
    let repeated = rows(900_000, 1, school);
    let mut out_of_range = rows(979_000, 1, school);
    out_of_range[0].grade = Grade(99);
    for (first, last, words) in [
        (950_000, repeated, ["unique", "唯一"]),
        (970_000, out_of_range, ["check", "检查"]),
    ] {
        let mut batches: Vec<Vec<BulkRow>> =
            (0..8).map(|k| rows(first + k * 600, 600, school)).collect();
        batches.push(last);
        let err = load(&app, batches).await.expect_err("a refused last row");
        assert!(
            words.iter().any(|w| err.to_lowercase().contains(w)),
            "{err}"
        );
        assert_eq!(indexes(&app).await, 4);
        let none = app
            .db
            .scalar(Sql::new(format!(
                "SELECT COUNT(*) FROM students WHERE name = '学生{}'",
                first + 1
            )))
            .await
            .expect("count");
        assert_eq!(none, 0, "nothing of the failed load is left");
    }
    // Every pooled connection still opens and commits transactions (a
    // failed `INSERT OR ROLLBACK` must not leave one thinking it is inside
    // a transaction), and the next load goes through.
    for _ in 0..12 {
        let mut tx = app.db.begin().await.expect("begin after a failed load");
        tx.scalar(Sql::new("SELECT COUNT(*) FROM students"))
            .await
            .expect("query");
        tx.commit().await.expect("commit after a failed load");
    }
    let batches: Vec<Vec<BulkRow>> = (0..8)
        .map(|k| rows(960_000 + k * 600, 600, school))
        .collect();
    assert_eq!(load(&app, batches).await, Ok(4800));
    if app.db.backend() == DbBackend::Sqlite {
        let ok: Vec<(String,)> = app
            .db
            .fetch_all(Sql::new("PRAGMA integrity_check"))
            .await
            .expect("check");
        assert_eq!(ok, vec![("ok".to_string(),)]);
    }
});
