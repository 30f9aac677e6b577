//! The bulk loader under imports: on SQLite a large load drops the
//! random-order indexes and builds them again before its commit; the
//! indexes come back whether the load commits or fails, and the database
//! stays consistent. Run with a low threshold so a small load crosses it.

use chrono::NaiveDate;
use platform::db::{Backend as DbBackend, Sql};
use platform::InstitutionId;
use students::domain::Grade;
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
    let n = bulk::load_stream_deferring(&mut tx, 2025, recv, 10)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(n)
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
        .scalar(Sql::new("SELECT COUNT(*) FROM enrolments e JOIN students s ON s.id = e.student_id WHERE e.status <> 'left'"))
        .await
        .expect("count");
    assert!(after >= before + 4800);
    let found = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM students WHERE name = '学生900123'",
        ))
        .await
        .expect("by name");
    assert_eq!(found, 1);
    // A load that fails after dropping them (a repeated ID number in its
    // last batch) leaves nothing and the indexes in place.
    let mut batches: Vec<Vec<BulkRow>> = (0..8)
        .map(|k| rows(950_000 + k * 600, 600, school))
        .collect();
    batches.push(rows(900_000, 1, school));
    let err = load(&app, batches).await.expect_err("a repeated ID number");
    assert!(
        err.to_lowercase().contains("unique") || err.contains("唯一"),
        "{err}"
    );
    assert_eq!(indexes(&app).await, 4);
    let none = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM students WHERE name = '学生950001'",
        ))
        .await
        .expect("count");
    assert_eq!(none, 0, "nothing of the failed load is left");
    // A load that ends on a row the database refuses outright (a grade out
    // of range: on SQLite its `INSERT OR ROLLBACK` ends the transaction on
    // the spot) fails the same way.
    let mut batches: Vec<Vec<BulkRow>> = (0..8)
        .map(|k| rows(970_000 + k * 600, 600, school))
        .collect();
    let mut bad = rows(979_000, 1, school);
    bad[0].grade = Grade(99);
    batches.push(bad);
    let err = load(&app, batches).await.expect_err("a grade out of range");
    assert!(
        err.to_lowercase().contains("check") || err.contains("检查"),
        "{err}"
    );
    assert_eq!(indexes(&app).await, 4);
    let none = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM students WHERE name = '学生970001'",
        ))
        .await
        .expect("count");
    assert_eq!(none, 0, "nothing of the second failed load is left");
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
