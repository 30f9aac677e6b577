//! Schema migrations on a database that already holds data: migration 202
//! rebuilds `students` on SQLite (its document-number uniqueness becomes a
//! named index) and must keep every row, every reference to a student and
//! the rule itself, with foreign keys enforced again afterwards.

use platform::db::{migrate, Backend as DbBackend, Db, DbError, Sql};

use crate::both_backends;
use crate::common::{fresh_db_url, Backend};

async fn count(db: &Db, table: &str) -> i64 {
    db.scalar(Sql::new(format!("SELECT COUNT(*) FROM {table}")))
        .await
        .expect("count")
}

both_backends!(
    id_number_index_migration_keeps_the_data,
    |b: Backend| async move {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_db_url(b, dir.path()).await;
        // A database of the release before: every migration but 202, with the
        // demo district in it.
        let before: Vec<migrate::Migration> = edubureau::migrations()
            .into_iter()
            .filter(|m| m.version != 202)
            .collect();
        let db = Db::connect(&url).await.expect("connect");
        migrate::run(&db, &before).await.expect("old schema");
        edubureau::demo::seed(&db, edubureau::demo::Size::Small)
            .await
            .expect("seed demo");
        let tables = ["students", "enrolments", "transfers", "dropout_cases"];
        let mut counts = Vec::new();
        for t in tables {
            counts.push(count(&db, t).await);
        }
        assert!(counts[0] > 1000, "the demo has students");
        db.close().await;

        let db = edubureau::open(&url).await.expect("migrate to 202");
        for (t, n) in tables.iter().zip(&counts) {
            assert_eq!(count(&db, t).await, *n, "{t} keeps its rows");
        }
        let named = match db.backend() {
        DbBackend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'students_id_number' AND sql LIKE 'CREATE UNIQUE INDEX%'",
        DbBackend::Postgres => "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'students_id_number' AND indexdef LIKE 'CREATE UNIQUE INDEX%'",
    };
        assert_eq!(db.scalar(Sql::new(named)).await.expect("index"), 1);
        // The rule still holds: a second record with a document number taken.
        let copy = db
        .execute(Sql::new(
            "INSERT INTO students (id_type, id_number, name, sex, birth_date, created_at, updated_at) \
             SELECT id_type, id_number, name, sex, birth_date, created_at, updated_at FROM students LIMIT 1",
        ))
        .await;
        assert!(matches!(copy, Err(DbError::Unique(_))), "{copy:?}");
        // References to students resolve to the rebuilt table, and pooled
        // connections enforce foreign keys again.
        let joined = db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM enrolments e JOIN students s ON s.id = e.student_id",
            ))
            .await
            .expect("join");
        assert_eq!(joined, counts[1]);
        for _ in 0..3 {
            let orphan = db
            .execute(Sql::new(
                "INSERT INTO enrolments (student_id, institution_id, school_year, grade, status, entered_on, created_at) \
                 SELECT 999999999, institution_id, school_year, grade, status, entered_on, created_at FROM enrolments LIMIT 1",
            ))
            .await;
            assert!(matches!(orphan, Err(DbError::ForeignKey(_))), "{orphan:?}");
        }
        if db.backend() == DbBackend::Sqlite {
            let ok: Vec<(String,)> = db
                .fetch_all(Sql::new("PRAGMA integrity_check"))
                .await
                .expect("check");
            assert_eq!(ok, vec![("ok".to_string(),)]);
        }
    }
);
