//! Reading every table in one snapshot: a read transaction on SQLite (in
//! WAL mode it sees the database as of its first read, while writers go
//! on), `REPEATABLE READ READ ONLY` on PostgreSQL. A running import, which
//! writes in one transaction, is therefore either wholly in the backup or
//! not at all.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use futures_util::TryStreamExt;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Connection, Row, TypeInfo, ValueRef};

use std::collections::BTreeMap;
use std::path::Path;

use super::catalogue::{self, quote, Table};
use super::format::{
    encode_row, Column, Header, Kind, Manifest, Payload, RowSum, TableSum, Value, Writer,
};
use super::BackupError;
use platform::db::Db;

/// The canonical spelling of a time (microseconds, as PostgreSQL keeps).
pub fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn select(table: &Table) -> String {
    let cols: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
    let order: Vec<String> = table.key.iter().map(|c| quote(c)).collect();
    let mut sql = format!("SELECT {} FROM {}", cols.join(", "), quote(&table.name));
    if !order.is_empty() {
        sql.push_str(&format!(" ORDER BY {}", order.join(", ")));
    }
    sql
}

pub(super) fn sqlite_values(
    row: &SqliteRow,
    columns: &[Column],
) -> Result<Vec<Value>, sqlx::Error> {
    let mut out = Vec::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        if row.try_get_raw(i)?.is_null() {
            out.push(Value::Null);
            continue;
        }
        out.push(match c.kind {
            Kind::Int => Value::Int(row.try_get(i)?),
            Kind::Float => Value::Float(row.try_get(i)?),
            Kind::Bool => Value::Bool(row.try_get(i)?),
            Kind::Text | Kind::Date => Value::Text(row.try_get(i)?),
            Kind::Time => Value::Text(time_text(row.try_get(i)?)),
        });
    }
    Ok(out)
}

fn pg_values(row: &PgRow, columns: &[Column]) -> Result<Vec<Value>, sqlx::Error> {
    let mut out = Vec::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        let raw = row.try_get_raw(i)?;
        if raw.is_null() {
            out.push(Value::Null);
            continue;
        }
        let ty = raw.type_info().name().to_string();
        out.push(match c.kind {
            Kind::Int => Value::Int(match ty.as_str() {
                "INT2" => row.try_get::<i16, _>(i)?.into(),
                "INT4" => row.try_get::<i32, _>(i)?.into(),
                _ => row.try_get(i)?,
            }),
            Kind::Float => Value::Float(match ty.as_str() {
                "FLOAT4" => row.try_get::<f32, _>(i)?.into(),
                _ => row.try_get(i)?,
            }),
            Kind::Bool => Value::Bool(row.try_get(i)?),
            Kind::Text => Value::Text(row.try_get(i)?),
            Kind::Date => Value::Text(date_text(row.try_get(i)?)),
            Kind::Time => Value::Text(time_text(row.try_get(i)?)),
        });
    }
    Ok(out)
}

const VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

/// Where the rows of a snapshot go, table by table.
pub(super) trait RowSink {
    fn table(&mut self, name: &str, columns: &[Column]) -> Result<(), BackupError>;
    fn row(&mut self, values: &[Value]) -> Result<(), BackupError>;
}

impl RowSink for Writer {
    fn table(&mut self, name: &str, columns: &[Column]) -> Result<(), BackupError> {
        Writer::table(self, name, columns)
    }
    fn row(&mut self, values: &[Value]) -> Result<(), BackupError> {
        Writer::row(self, values)
    }
}

/// The per-table row counts and checksums of a snapshot, nothing written.
#[derive(Default)]
struct Sums {
    tables: BTreeMap<String, TableSum>,
    current: Option<(String, RowSum)>,
    line: Vec<u8>,
}

impl Sums {
    fn end_table(&mut self) {
        if let Some((name, sum)) = self.current.take() {
            self.tables.insert(name, sum.finish());
        }
    }
}

impl RowSink for Sums {
    fn table(&mut self, name: &str, _: &[Column]) -> Result<(), BackupError> {
        self.end_table();
        self.current = Some((name.to_string(), RowSum::default()));
        Ok(())
    }
    fn row(&mut self, values: &[Value]) -> Result<(), BackupError> {
        encode_row(&mut self.line, values)?;
        if let Some((_, sum)) = &mut self.current {
            sum.add(&self.line);
        }
        Ok(())
    }
}

/// Reads the version, the catalogue and every table inside the open
/// snapshot transaction `$tx` into the sink `$make(version)` returns,
/// decoding rows with `$values`; evaluates to the sink.
macro_rules! snapshot {
    ($tx:expr, $catalogue:path, $values:path, $make:expr) => {{
        let (version,): (i64,) = sqlx::query_as(VERSION).fetch_one(&mut *$tx).await?;
        let tables = $catalogue(&mut $tx).await?;
        let mut sink = $make(version)?;
        for t in &tables {
            sink.table(&t.name, &t.columns)?;
            let sql = select(t);
            let mut rows = sqlx::query(&sql).fetch(&mut *$tx);
            while let Some(row) = rows.try_next().await? {
                sink.row(&$values(&row, &t.columns)?)?;
            }
        }
        $tx.rollback().await?;
        sink
    }};
}

/// Runs `snapshot!` on `$db` in one consistent read.
macro_rules! on_snapshot {
    ($db:expr, |$source:ident, $version:ident| $make:expr) => {
        match $db {
            Db::Sqlite(pool) => {
                let mut conn = pool.acquire().await?;
                // The snapshot starts at the first read (the version).
                let mut tx = conn.begin().await?;
                let $source = "sqlite";
                snapshot!(tx, catalogue::sqlite, sqlite_values, |$version: i64| $make)
            }
            Db::Postgres(pool) => {
                let mut conn = pool.acquire().await?;
                let mut tx = conn
                    .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?;
                let $source = "postgres";
                snapshot!(tx, catalogue::postgres, pg_values, |$version: i64| $make)
            }
        }
    };
}

/// Writes every table of `db` to `out` as rows, from one snapshot.
pub async fn write(db: &Db, out: &Path) -> Result<Manifest, BackupError> {
    let w = on_snapshot!(db, |source, version| Writer::create(
        out,
        Header::new(version, source, Payload::Rows)
    ));
    w.finish()
}

/// The row count and checksum of every table of `db`, from one snapshot,
/// in the spelling of a rows backup: equal for the same rows in either
/// database.
pub async fn contents(db: &Db) -> Result<BTreeMap<String, TableSum>, BackupError> {
    let mut sums = on_snapshot!(
        db,
        |_source, _version| Ok::<_, BackupError>(Sums::default())
    );
    sums.end_table();
    Ok(sums.tables)
}
