//! Both payloads on a small database of every kind of column: an image and
//! a rows file of format version 1 (as earlier versions of the program
//! wrote them) restore the same rows.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use chrono::{TimeZone, Utc};
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use platform::db::migrate::{self, Migration};
use platform::db::Db;
use sha2::{Digest, Sha256};

use super::format::hex;
use super::*;

const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "kinds",
    sql: "CREATE TABLE kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born DATE, \
          at TIMESTAMPTZ, ok BOOLEAN, score INTEGER);",
}];

async fn database(path: &Path) -> Db {
    let db = Db::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("connect");
    migrate::run(&db, MIGRATIONS).await.expect("migrate");
    db
}

async fn with_rows(path: &Path) -> Db {
    let db = database(path).await;
    let Db::Sqlite(pool) = &db else {
        unreachable!("a SQLite database")
    };
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 5, 16, 0).unwrap();
    for (i, name) in ["张三", "tab\there", "line\nbreak \"quoted\" \\"]
        .iter()
        .enumerate()
    {
        sqlx::query(
            "INSERT INTO kinds (id, name, born, at, ok, score) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(i as i64 + 1)
        .bind(*name)
        .bind((i != 1).then_some("2015-03-04"))
        .bind(at + chrono::Duration::microseconds(i as i64 * 1_250))
        .bind(i % 2 == 0)
        .bind((i != 2).then_some(i as i64 * 100))
        .execute(pool)
        .await
        .expect("insert");
    }
    db
}

/// Rewrites the rows file `from` as format version 1 wrote it.
fn as_version_1(from: &Path, to: &Path) {
    let lines: Vec<String> =
        BufReader::new(MultiGzDecoder::new(std::fs::File::open(from).unwrap()))
            .lines()
            .map(|l| l.unwrap())
            .collect();
    let (manifest, data) = lines.split_last().unwrap();
    let mut data = data.to_vec();
    assert!(data[0].contains("\"format_version\":2"), "{}", data[0]);
    assert!(!data[0].contains("payload"), "{}", data[0]);
    data[0] = data[0].replace("\"format_version\":2", "\"format_version\":1");
    let mut hash = Sha256::new();
    for l in &data {
        hash.update(l.as_bytes());
        hash.update(b"\n");
    }
    let mut m: serde_json::Value = serde_json::from_str(manifest).unwrap();
    m["manifest"]["format_version"] = 1.into();
    m["manifest"]["data_sha256"] = hex(&hash.finalize()).into();
    let mut out = GzEncoder::new(std::fs::File::create(to).unwrap(), Default::default());
    for l in data.iter().chain([&m.to_string()]) {
        writeln!(out, "{l}").unwrap();
    }
    out.finish().unwrap();
}

#[tokio::test]
async fn an_image_and_an_old_rows_file_restore_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let source = with_rows(&dir.path().join("source.db")).await;
    let expected = contents(&source).await.unwrap();
    assert_eq!(expected["kinds"].rows, 3);

    let image = dir.path().join("image.bak");
    let m = backup(&source, &image).await.unwrap();
    assert!(image::is_image(&image).unwrap());
    assert_eq!(m.tables["kinds"].rows, 3);
    assert_eq!(verify(&image).unwrap().data_sha256, m.data_sha256);

    let rows = dir.path().join("rows.bak");
    dump::write(&source, &rows).await.unwrap();
    let old = dir.path().join("old.bak");
    as_version_1(&rows, &old);
    assert_eq!(verify(&old).unwrap().format_version, 1);

    for (n, file) in [image, old].iter().enumerate() {
        let target = database(&dir.path().join(format!("target{n}.db"))).await;
        restore(&target, file, MIGRATIONS).await.unwrap();
        assert_eq!(
            contents(&target).await.unwrap(),
            expected,
            "{}",
            file.display()
        );
    }
}

#[tokio::test]
async fn a_damaged_image_is_refused_and_its_copy_removed() {
    let dir = tempfile::tempdir().unwrap();
    let source = with_rows(&dir.path().join("source.db")).await;
    let file = dir.path().join("x.bak");
    backup(&source, &file).await.unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("x.bak"))
        .collect();
    assert_eq!(names, ["x.bak"], "no temporary copy is left");

    let mut bytes = std::fs::read(&file).unwrap();
    let header = bytes.iter().position(|&b| b == b'\n').unwrap();
    bytes[header + 40] ^= 0x55;
    std::fs::write(&file, &bytes).unwrap();
    let err = verify(&file).unwrap_err();
    assert!(matches!(err, BackupError::Damaged(_)), "{err}");
}
