//! Backup and restore (备份与恢复): a backup of either database restores
//! into the other and back with the same rows; damaged files, newer
//! schemas and non-empty targets are refused with a reason; a backup taken
//! during an import holds all of it or none.
//!
//! The round trip crosses backends, so both variants need the PostgreSQL
//! server of scripts/test.sh.

use std::path::{Path, PathBuf};

use ops::backup::{self, BackupError, Manifest};
use platform::db::Db;
use reqwest::StatusCode;

use super::students::{child, id_for};
use crate::both_backends;
use crate::common::{fresh_db_url, spawn_app, Backend, Client, TestApp};

fn other(b: Backend) -> Backend {
    match b {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    }
}

async fn take(db: &Db, dir: &Path, name: &str) -> (PathBuf, Manifest) {
    let file = dir.join(name);
    let m = backup::backup(db, &file).await.expect("backup");
    (file, m)
}

/// Restores `file` into a fresh database of `backend`.
async fn restore_fresh(backend: Backend, dir: &Path, file: &Path) -> Result<Db, BackupError> {
    let sub = tempfile::tempdir_in(dir).expect("dir").keep();
    let db = Db::connect(&fresh_db_url(backend, &sub).await)
        .await
        .expect("connect");
    backup::restore(&db, file, &edubureau::migrations()).await?;
    Ok(db)
}

/// The row counts only (checksums left out), table by table.
fn counts(m: &Manifest) -> Vec<(String, u64)> {
    m.tables.iter().map(|(t, s)| (t.clone(), s.rows)).collect()
}

both_backends!(round_trip_across_backends, |b: Backend| async move {
    let app = spawn_app(b).await;
    let dir = tempfile::tempdir().expect("dir");
    let (first, m1) = take(&app.db, dir.path(), "1.bak").await;
    assert!(m1.total_rows() > 1000, "the demo district is backed up");
    assert!(
        !m1.tables.contains_key(backup::MIGRATIONS_TABLE),
        "the migrations' bookkeeping is made by migrating, not restored"
    );

    let there = restore_fresh(other(b), dir.path(), &first)
        .await
        .expect("restore into the other database");
    let (second, m2) = take(&there, dir.path(), "2.bak").await;
    assert_eq!(counts(&m2), counts(&m1), "same rows in the other database");
    // A SQLite backup is an image, whose manifest counts rows only: the
    // databases themselves are compared, value by value.
    let original = backup::contents(&app.db).await.expect("contents");
    assert_eq!(
        backup::contents(&there).await.expect("contents"),
        original,
        "same rows and checksums in the other database"
    );

    let back = restore_fresh(b, dir.path(), &second)
        .await
        .expect("restore back");
    let (_, m3) = take(&back, dir.path(), "3.bak").await;
    assert_eq!(counts(&m3), counts(&m1), "same rows after the round trip");
    assert_eq!(
        backup::contents(&back).await.expect("contents"),
        original,
        "same rows and checksums after the round trip"
    );

    // The restored database is in use at once: new records get fresh ids
    // (PostgreSQL's identity counters were moved past the loaded ids).
    let school = code(&app).await;
    for (n, db) in [&there, &back].into_iter().enumerate() {
        let mut c = serve(db).await;
        let r = c.api_login("jijiao", edubureau::demo::DEMO_PASSWORD).await;
        assert_eq!(
            r.status(),
            StatusCode::OK,
            "sign in on the restored database"
        );
        let id = id_for("20160101", 7 + n as u32);
        let (s, body) = c
            .post_json("/api/v1/students", &child("恢复后", &id, &school, "三年级"))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{body}");
    }
});

/// A server on `db`, and a client of it that is not signed in.
async fn serve(db: &Db) -> Client {
    let state = edubureau::app::state(db.clone(), Default::default()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(edubureau::app::serve(listener, state));
    Client {
        base: format!("http://{addr}"),
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        session: None,
        csrf: None,
        forwarded_for: None,
    }
}

async fn code(app: &TestApp) -> String {
    super::students::code_of(app, "school001").await
}

both_backends!(damaged_files_are_refused, |b: Backend| async move {
    let app = spawn_app(b).await;
    let dir = tempfile::tempdir().expect("dir");
    let (file, _) = take(&app.db, dir.path(), "good.bak").await;
    let bytes = std::fs::read(&file).expect("read");

    let truncated = dir.path().join("truncated.bak");
    std::fs::write(&truncated, &bytes[..bytes.len() * 2 / 3]).expect("write");
    let err = restore_fresh(b, dir.path(), &truncated)
        .await
        .expect_err("a truncated file is refused");
    assert!(err.to_string().contains("备份文件"), "{err}");

    let mut flipped = bytes.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x55;
    let corrupt = dir.path().join("corrupt.bak");
    std::fs::write(&corrupt, &flipped).expect("write");
    let err = backup::verify(&corrupt).expect_err("a corrupted file is refused");
    assert!(
        matches!(err, BackupError::Damaged(_) | BackupError::Incomplete),
        "{err}"
    );
    assert!(err.to_string().starts_with("备份文件"), "{err}");

    let text = dir.path().join("other.bak");
    std::fs::write(&text, "姓名,身份证件号\n").expect("write");
    let err = backup::verify(&text).expect_err("not a backup");
    assert!(
        err.to_string().contains("不是 edubureau 的备份文件"),
        "{err}"
    );

    // A refused restore leaves the target empty: the good file still goes in.
    let sub = tempfile::tempdir_in(dir.path()).expect("dir");
    let target = Db::connect(&fresh_db_url(b, sub.path()).await)
        .await
        .expect("connect");
    backup::restore(&target, &truncated, &edubureau::migrations())
        .await
        .expect_err("refused");
    let m = backup::restore(&target, &file, &edubureau::migrations())
        .await
        .expect("the good file restores");
    assert!(m.total_rows() > 0);
});

both_backends!(
    newer_schema_and_full_targets_are_refused,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let dir = tempfile::tempdir().expect("dir");
        let (file, m) = take(&app.db, dir.path(), "x.bak").await;

        let older: Vec<_> = edubureau::migrations()
            .into_iter()
            .filter(|x| x.version < m.schema_version)
            .collect();
        let sub = tempfile::tempdir_in(dir.path()).expect("dir");
        let target = Db::connect(&fresh_db_url(b, sub.path()).await)
            .await
            .expect("connect");
        let err = backup::restore(&target, &file, &older)
            .await
            .expect_err("a backup of a newer schema is refused");
        assert!(matches!(err, BackupError::NewerSchema { .. }), "{err}");
        assert!(err.to_string().contains("比本程序认识的最高版本"), "{err}");

        let err = backup::restore(&app.db, &file, &edubureau::migrations())
            .await
            .expect_err("a database with records is refused");
        assert!(err.to_string().contains("不是空的"), "{err}");
        let (_, after) = take(&app.db, dir.path(), "y.bak").await;
        assert_eq!(counts(&after), counts(&m), "nothing was written");
    }
);

fn import_file(school: &str, rows: u32) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "姓名",
        "身份证件号",
        "出生日期",
        "学校标识码",
        "年级",
        "班级",
        "入学年月",
    ])
    .expect("header");
    for i in 0..rows {
        let day = 1 + i % 28;
        let birth = format!("2015{:02}{day:02}", 1 + (i / 28) % 12);
        let id = id_for(&birth, 100 + i / 336);
        w.write_record([
            format!("导入{i}"),
            id,
            birth,
            school.to_string(),
            "五年级".into(),
            "1班".into(),
            "202209".into(),
        ])
        .expect("row");
    }
    w.into_inner().expect("bytes")
}

both_backends!(
    backup_during_an_import_has_all_or_none_of_it,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let dir = tempfile::tempdir().expect("dir");
        let mut c = app.login("jijiao").await;
        let file = import_file(&code(&app).await, 3000);
        let (_, before) = take(&app.db, dir.path(), "before.bak").await;

        let upload = tokio::spawn(async move {
            c.upload("/api/v1/students/import", "学生.csv", file, &[])
                .await
        });
        let mut during = Vec::new();
        while !upload.is_finished() {
            let (_, m) = take(&app.db, dir.path(), &format!("during{}.bak", during.len())).await;
            during.push(m);
        }
        let (s, outcome) = upload.await.expect("upload task");
        assert_eq!(s, StatusCode::OK, "{outcome}");
        assert_eq!(outcome["imported"], 3000, "{outcome}");
        let (_, after) = take(&app.db, dir.path(), "after.bak").await;
        assert_ne!(counts(&after), counts(&before));
        for m in &during {
            let n = counts(m);
            assert!(
                n == counts(&before) || n == counts(&after),
                "a backup holds a partial import: {n:?}"
            );
        }
    }
);

both_backends!(
    a_killed_backup_leaves_no_complete_looking_file,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let dir = tempfile::tempdir().expect("dir");
        let out = dir.path().join("killed.bak");
        for delay_ms in [5, 40, 120] {
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_edubureau"))
                .args(["backup", "--db", &app.db_url, "--out"])
                .arg(&out)
                .env("RUST_LOG", "off")
                .spawn()
                .expect("start edubureau backup");
            tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
            child.kill().expect("kill -9");
            child.wait().expect("reaped");
            if out.exists() {
                // It finished before the kill: then it is complete.
                backup::verify(&out).expect("a file under the final name is complete");
                std::fs::remove_file(&out).expect("remove");
            }
            for left in std::fs::read_dir(dir.path()).expect("list") {
                let path = left.expect("entry").path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                assert!(
                    name.contains(".partial-"),
                    "only a temporary name is left: {name}"
                );
                assert!(
                    backup::verify(&path).is_err(),
                    "{name} does not pass as complete"
                );
                std::fs::remove_file(&path).expect("remove");
            }
        }
    }
);
