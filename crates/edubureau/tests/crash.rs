//! A large import killed in the middle leaves no partial rows, and the
//! database passes its integrity check after restart.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_edubureau");

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("run edubureau");
    assert!(
        out.status.success(),
        "edubureau {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sqlite(db: &std::path::Path, sql: &str) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("sqlite3 is installed");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn killing_an_import_midway_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("crash.db");
    let url = format!("sqlite://{}", db.display());
    let csv = dir.path().join("students.csv");
    run(&["demo", "--db", &url]);
    let before = sqlite(&db, "SELECT COUNT(*) FROM students");
    run(&[
        "sample-csv",
        "--db",
        &url,
        "--rows",
        "300000",
        "--out",
        csv.to_str().expect("path"),
    ]);

    let mut child = Command::new(BIN)
        .args([
            "import",
            "students",
            csv.to_str().expect("path"),
            "--db",
            &url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start import");
    // Kill it once it has written a good part of its transaction.
    let wal = dir.path().join("crash.db-wal");
    let started = Instant::now();
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 8 * 1024 * 1024 {
        assert!(
            child.try_wait().expect("poll").is_none(),
            "the import finished before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the import wrote nothing in two minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("kill -9");
    child.wait().expect("reap");

    // After restart: no partial rows, a sound database.
    assert_eq!(sqlite(&db, "PRAGMA integrity_check"), "ok");
    assert_eq!(
        sqlite(&db, "SELECT COUNT(*) FROM students"),
        before,
        "no student of the killed import remains"
    );
    assert_eq!(sqlite(&db, "SELECT COUNT(*) FROM students_enrolments e LEFT JOIN students s ON s.id = e.student_id WHERE s.id IS NULL"), "0");
    assert_eq!(sqlite(&db, "PRAGMA foreign_key_check"), "");
    // And the same file imports completely afterwards.
    let out = run(&[
        "import",
        "students",
        csv.to_str().expect("path"),
        "--db",
        &url,
    ]);
    assert!(out.contains("导入 300000 人"), "{out}");
    assert_eq!(
        sqlite(&db, "SELECT COUNT(*) FROM students")
            .parse::<i64>()
            .expect("n"),
        before.parse::<i64>().expect("n") + 300_000
    );
}
