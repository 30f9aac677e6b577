//! Schema migrations on a database that already holds data: migration 202
//! rebuilds `students` on SQLite (its document-number uniqueness becomes a
//! named index) and must keep every row, every reference to a student, the
//! table's columns, checks and indexes, and the rule itself, with foreign
//! keys enforced again afterwards.

use platform::db::{migrate, Backend as DbBackend, Db, DbError, Sql};

use crate::both_backends;
use crate::common::{fresh_db_url, Backend};

async fn count(db: &Db, table: &str) -> i64 {
    db.scalar(Sql::new(format!("SELECT COUNT(*) FROM {table}")))
        .await
        .expect("count")
}

/// The shape of `students`: its columns (name, type, nullability,
/// default), its indexes (the document-number rule under one spelling,
/// whichever form it takes) and its other constraints (on SQLite the
/// table's definition apart from that one `UNIQUE`).
async fn shape(db: &Db) -> Vec<String> {
    let queries = match db.backend() {
        DbBackend::Sqlite => [
            "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || COALESCE(dflt_value, '-') FROM pragma_table_xinfo('students') ORDER BY cid",
            "SELECT COALESCE(sql, 'UNIQUE (id_number)') FROM sqlite_master WHERE type = 'index' AND tbl_name = 'students' ORDER BY 1",
            "SELECT substr(sql, instr(sql, '(')) FROM sqlite_master WHERE type = 'table' AND name = 'students'",
        ],
        DbBackend::Postgres => [
            "SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '-') FROM information_schema.columns WHERE table_name = 'students' ORDER BY ordinal_position",
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'students' ORDER BY 1",
            "SELECT string_agg(pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'students'::regclass AND contype <> 'u'",
        ],
    };
    let mut out = Vec::new();
    for sql in queries {
        let rows: Vec<(String,)> = db.fetch_all(Sql::new(sql)).await.expect("shape");
        out.extend(rows.into_iter().map(|(r,)| {
            r.replace(
                "CREATE UNIQUE INDEX students_id_number ON students (id_number)",
                "UNIQUE (id_number)",
            )
            .replace("students_id_number_key", "students_id_number")
            .replace(" UNIQUE,", ",")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
        }));
    }
    out
}

both_backends!(
    id_number_index_migration_keeps_the_data,
    |b: Backend| async move {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_db_url(b, dir.path()).await;
        // A database of the release before: every migration but 202, with the
        // demo district in it and rows elsewhere that point at its students.
        let before: Vec<migrate::Migration> = edubureau::migrations()
            .into_iter()
            .filter(|m| m.version != 202)
            .collect();
        let db = Db::connect(&url).await.expect("connect");
        migrate::run(&db, &before).await.expect("old schema");
        edubureau::demo::seed(&db, edubureau::demo::Size::Small)
            .await
            .expect("seed demo");
        db.execute(Sql::new(
            "INSERT INTO students_left_behind_archive (student_id, guardian, updated_at) \
             SELECT id, '祖母', created_at FROM students WHERE id % 100 = 0",
        ))
        .await
        .expect("archive");
        db.execute(Sql::new(
            "INSERT INTO students_care_records (student_id, cared_on, carer, content, created_at) \
             SELECT id, birth_date, '班主任', '家访', created_at FROM students WHERE id % 50 = 0",
        ))
        .await
        .expect("care records");
        let tables = [
            "students",
            "students_enrolments",
            "students_left_behind_archive",
            "students_care_records",
        ];
        let mut counts = Vec::new();
        for t in tables {
            counts.push(count(&db, t).await);
        }
        assert!(counts[0] > 1000, "the demo has students");
        assert!(counts[2] > 10 && counts[3] > 20, "{counts:?}");
        let old_shape = shape(&db).await;
        db.close().await;

        let db = edubureau::open(&url).await.expect("migrate to 202");
        for (t, n) in tables.iter().zip(&counts) {
            assert_eq!(count(&db, t).await, *n, "{t} keeps its rows");
        }
        assert_eq!(
            shape(&db).await,
            old_shape,
            "the same columns, checks and indexes"
        );
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
        for (n, table) in tables.iter().enumerate().skip(1) {
            let joined = db
                .scalar(Sql::new(format!(
                    "SELECT COUNT(*) FROM {table} t JOIN students s ON s.id = t.student_id"
                )))
                .await
                .expect("join");
            assert_eq!(joined, counts[n], "{table} still points at its students");
        }
        for _ in 0..3 {
            let orphan = db
                .execute(Sql::new(
                    "INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, status, entered_on, created_at) \
                     SELECT 999999999, institution_id, school_year, grade, status, entered_on, created_at FROM students_enrolments LIMIT 1",
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
