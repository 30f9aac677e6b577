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

use super::catalogue::{self, quote, Table};
use super::format::{Column, Header, Kind, Manifest, Value, Writer};
use super::BackupError;
use platform::db::Db;

/// The canonical spelling of a time (microseconds, as PostgreSQL keeps).
pub fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn select(table: &Table) -> String {
    let cols: Vec<String> = table.columns.iter().map(|c| quote(&c.name)).collect();
    let order: Vec<String> = table.key.iter().map(|c| quote(c)).collect();
    let mut sql = format!("SELECT {} FROM {}", cols.join(", "), quote(&table.name));
    if !order.is_empty() {
        sql.push_str(&format!(" ORDER BY {}", order.join(", ")));
    }
    sql
}

fn sqlite_values(row: &SqliteRow, columns: &[Column]) -> Result<Vec<Value>, sqlx::Error> {
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

fn header(schema_version: i64, source: &str) -> Header {
    Header {
        format: super::format::FORMAT.into(),
        format_version: super::format::FORMAT_VERSION,
        schema_version,
        source: source.into(),
        created_at: time_text(Utc::now()),
    }
}

const VERSION: &str = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";

/// Reads the version, the catalogue and every table inside the open
/// snapshot transaction `$tx`, decoding rows with `$values`.
macro_rules! write_snapshot {
    ($tx:expr, $catalogue:path, $values:path, $source:expr, $out:expr) => {{
        let (version,): (i64,) = sqlx::query_as(VERSION).fetch_one(&mut *$tx).await?;
        let tables = $catalogue(&mut $tx).await?;
        let mut w = Writer::create($out, header(version, $source))?;
        for t in &tables {
            w.table(&t.name, &t.columns)?;
            let sql = select(t);
            let mut rows = sqlx::query(&sql).fetch(&mut *$tx);
            while let Some(row) = rows.try_next().await? {
                w.row(&$values(&row, &t.columns)?)?;
            }
        }
        $tx.rollback().await?;
        w.finish()
    }};
}

/// Writes every table of `db` to `out` from one snapshot.
pub async fn write(db: &Db, out: &std::path::Path) -> Result<Manifest, BackupError> {
    match db {
        Db::Sqlite(pool) => {
            let mut conn = pool.acquire().await?;
            // The snapshot starts at the first read (the version).
            let mut tx = conn.begin().await?;
            write_snapshot!(tx, catalogue::sqlite, sqlite_values, "sqlite", out)
        }
        Db::Postgres(pool) => {
            let mut conn = pool.acquire().await?;
            let mut tx = conn
                .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await?;
            write_snapshot!(tx, catalogue::postgres, pg_values, "postgres", out)
        }
    }
}
