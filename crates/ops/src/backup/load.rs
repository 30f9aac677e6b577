//! Loading a backup into an empty database of either kind, in one
//! transaction: rows go in table by table (referenced tables first), the
//! database's own guards (the append-only triggers of the audit log and
//! the aid ledger) are set aside for the load and put back before the
//! commit, and the file's checksums are checked before anything is kept.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Connection, Executor, PgConnection, SqliteConnection};

use super::catalogue::{self, quote, Table};
use super::format::{Column, Kind, Manifest};
use super::read::{Item, Reader};
use super::BackupError;
use platform::db::Db;

/// One value as it is bound: typed by the column's kind.
enum Bound {
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Time(Option<DateTime<Utc>>),
}

fn bound(kind: Kind, v: serde_json::Value) -> Option<Bound> {
    use serde_json::Value as J;
    let null = v.is_null();
    Some(match kind {
        Kind::Int => Bound::Int(if null { None } else { Some(v.as_i64()?) }),
        Kind::Float => Bound::Float(if null { None } else { Some(v.as_f64()?) }),
        Kind::Bool => Bound::Bool(if null { None } else { Some(v.as_bool()?) }),
        Kind::Text => Bound::Text(match v {
            J::Null => None,
            J::String(s) => Some(s),
            _ => return None,
        }),
        Kind::Date => Bound::Date(if null {
            None
        } else {
            Some(NaiveDate::parse_from_str(v.as_str()?, "%Y-%m-%d").ok()?)
        }),
        Kind::Time => Bound::Time(if null {
            None
        } else {
            Some(DateTime::parse_from_rfc3339(v.as_str()?).ok()?.to_utc())
        }),
    })
}

/// Rows per INSERT statement: about 3,000 placeholders. Far below both
/// databases' limits (SQLite 32,766; PostgreSQL 65,535), because SQLite
/// looks `$n` parameters up by name: a statement of 27,000 took ten times
/// as long per row as one of 3,000.
fn batch_rows(columns: usize) -> usize {
    (3_000 / columns.max(1)).clamp(1, 1000)
}

fn insert_text(table: &str, columns: &[Column], rows: usize) -> String {
    let names: Vec<String> = columns.iter().map(|c| quote(&c.name)).collect();
    let mut sql = format!(
        "INSERT INTO {} ({}) VALUES ",
        quote(table),
        names.join(", ")
    );
    let mut n = 0;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns.len() {
            if c > 0 {
                sql.push_str(", ");
            }
            n += 1;
            sql.push_str(&format!("${n}"));
        }
        sql.push(')');
    }
    sql
}

macro_rules! run_insert {
    ($conn:expr, $sql:expr, $values:expr) => {{
        let mut q = sqlx::query($sql);
        for v in $values {
            q = match v {
                Bound::Int(v) => q.bind(v),
                Bound::Float(v) => q.bind(v),
                Bound::Bool(v) => q.bind(v),
                Bound::Text(v) => q.bind(v),
                Bound::Date(v) => q.bind(v),
                Bound::Time(v) => q.bind(v),
            };
        }
        q.execute($conn).await?;
    }};
}

/// Streams every table of the file through `insert(table, columns, rows)`,
/// in batches; returns the checked manifest.
macro_rules! load_all {
    ($reader:expr, $tables:expr, $conn:expr) => {{
        let mut current: Option<(String, Vec<Column>)> = None;
        let mut pending: Vec<Bound> = Vec::new();
        let mut statement = (0usize, String::new());
        loop {
            let item = $reader.next_item()?;
            let flush = !matches!(item, Item::Row(_));
            if flush {
                if let Some((name, columns)) = &current {
                    let rows = pending.len() / columns.len().max(1);
                    if rows > 0 {
                        let sql = insert_text(name, columns, rows);
                        run_insert!(&mut *$conn, &sql, pending.drain(..));
                    }
                }
            }
            match item {
                Item::Table { name, columns } => {
                    check_table($tables, &name, &columns)?;
                    statement = (0, String::new());
                    current = Some((name, columns));
                }
                Item::Row(values) => {
                    let Some((name, columns)) = &current else {
                        unreachable!("the reader checks that rows belong to a table")
                    };
                    for (v, c) in values.into_iter().zip(columns) {
                        pending.push(bound(c.kind, v).ok_or_else(|| {
                            BackupError::Damaged(format!(
                                "表 {name} 的列 {} 有无法识别的值",
                                c.name
                            ))
                        })?);
                    }
                    let batch = batch_rows(columns.len());
                    if pending.len() == batch * columns.len() {
                        if statement.0 != batch {
                            statement = (batch, insert_text(name, columns, batch));
                        }
                        run_insert!(&mut *$conn, &statement.1, pending.drain(..));
                    }
                }
                Item::End(manifest) => break manifest,
            }
        }
    }};
}

/// The table of the file must exist in the database with the same columns.
fn check_table(
    tables: &BTreeMap<String, Table>,
    name: &str,
    columns: &[Column],
) -> Result<(), BackupError> {
    let Some(t) = tables.get(name) else {
        return Err(BackupError::Schema(format!(
            "备份中的表 {name} 在数据库中不存在"
        )));
    };
    let mut ours: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    let mut theirs: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    ours.sort_unstable();
    theirs.sort_unstable();
    if ours != theirs {
        return Err(BackupError::Schema(format!(
            "备份中表 {name} 的列与数据库不一致"
        )));
    }
    Ok(())
}

fn by_name(tables: Vec<Table>) -> BTreeMap<String, Table> {
    tables.into_iter().map(|t| (t.name.clone(), t)).collect()
}

/// Loads the rest of `reader` into `db`, whose schema is already at the
/// backup's version and whose tables are empty.
pub async fn load(db: &Db, reader: &mut Reader) -> Result<Manifest, BackupError> {
    match db {
        Db::Sqlite(pool) => {
            let mut conn = pool.acquire().await?;
            // Foreign keys are checked once at the end instead (the pragma
            // works only outside a transaction); the connection is closed
            // afterwards, never returned to the pool without them.
            conn.close_on_drop();
            conn.execute("PRAGMA foreign_keys = OFF").await?;
            let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
            let tables = by_name(catalogue::sqlite(&mut tx).await?);
            let triggers: Vec<(String, String)> = sqlx::query_as(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
            )
            .fetch_all(&mut *tx)
            .await?;
            for (name, _) in &triggers {
                tx.execute(format!("DROP TRIGGER {}", quote(name)).as_str())
                    .await?;
            }
            let manifest = load_all!(reader, &tables, &mut *tx);
            for (_, sql) in &triggers {
                tx.execute(sql.as_str()).await?;
            }
            check_sqlite_keys(&mut tx).await?;
            tx.commit().await?;
            Ok(manifest)
        }
        Db::Postgres(pool) => {
            let mut tx = pool.begin().await?;
            let tables = by_name(catalogue::postgres(&mut tx).await?);
            set_user_triggers(&mut tx, &tables, "DISABLE").await?;
            let manifest = load_all!(reader, &tables, &mut *tx);
            set_user_triggers(&mut tx, &tables, "ENABLE").await?;
            move_identities(&mut tx, &tables).await?;
            tx.commit().await?;
            Ok(manifest)
        }
    }
}

async fn check_sqlite_keys(conn: &mut SqliteConnection) -> Result<(), BackupError> {
    let broken: Vec<(String, String)> =
        sqlx::query_as(r#"SELECT "table", parent FROM pragma_foreign_key_check"#)
            .fetch_all(&mut *conn)
            .await?;
    if let Some((table, parent)) = broken.first() {
        return Err(BackupError::Damaged(format!(
            "表 {table} 有 {} 处引用的 {parent} 记录不存在",
            broken.len()
        )));
    }
    Ok(())
}

/// The audit log's and the ledger's guards refuse some inserts of history
/// (a ledger row of a batch already paid); they are off for the load only.
async fn set_user_triggers(
    conn: &mut PgConnection,
    tables: &BTreeMap<String, Table>,
    what: &str,
) -> Result<(), BackupError> {
    for name in tables.keys() {
        conn.execute(format!("ALTER TABLE {} {what} TRIGGER USER", quote(name)).as_str())
            .await?;
    }
    Ok(())
}

/// Moves each identity sequence past the highest id loaded, so the next
/// record gets a fresh id.
async fn move_identities(
    conn: &mut PgConnection,
    tables: &BTreeMap<String, Table>,
) -> Result<(), BackupError> {
    for t in tables.values() {
        for c in &t.identity {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT MAX({}) AS m FROM {}) s WHERE m IS NOT NULL",
                quote(c),
                quote(&t.name)
            );
            sqlx::query(&sql)
                .bind(quote(&t.name))
                .bind(c)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_stay_within_placeholder_limits() {
        assert_eq!(batch_rows(1), 1000);
        assert!(batch_rows(72) * 72 <= 32_766);
        assert_eq!(batch_rows(100_000), 1);
    }

    #[test]
    fn values_are_typed_by_the_column() {
        assert!(matches!(
            bound(Kind::Date, "2024-09-01".into()),
            Some(Bound::Date(Some(_)))
        ));
        assert!(bound(Kind::Date, "2024-13-01".into()).is_none());
        assert!(bound(Kind::Int, "1".into()).is_none());
        assert!(matches!(
            bound(Kind::Bool, serde_json::Value::Null),
            Some(Bound::Bool(None))
        ));
    }
}
