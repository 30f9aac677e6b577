//! The tables of a database as its own catalogue lists them: names,
//! columns with their kinds, and which tables each one refers to. Nothing
//! here names a table of a work area; a backup holds whatever the
//! migrations made.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{PgConnection, SqliteConnection};

use super::format::{Column, Kind};
use super::BackupError;

/// The migrations' own bookkeeping; restore recreates it by migrating.
pub const MIGRATIONS_TABLE: &str = "schema_migrations";

#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    /// The tables its foreign keys point at (itself excluded).
    pub refers_to: BTreeSet<String>,
    /// Its primary key columns, to read rows in a stable order.
    pub key: Vec<String>,
    /// PostgreSQL identity columns (their sequences are moved past the
    /// highest value after a restore).
    pub identity: Vec<String>,
}

impl Table {
    fn new(
        name: String,
        columns: Vec<Column>,
        refs: Vec<(String,)>,
        key: Vec<String>,
        identity: Vec<String>,
    ) -> Table {
        Table {
            refers_to: refs
                .into_iter()
                .map(|(t,)| t)
                .filter(|t| *t != name)
                .collect(),
            key,
            identity,
            columns,
            name,
        }
    }
}

fn column(table: &str, name: String, declared: &str) -> Result<Column, BackupError> {
    let kind = Kind::of_declared(declared).ok_or_else(|| {
        BackupError::Schema(format!("表 {table} 的列 {name} 类型 {declared} 无法备份"))
    })?;
    Ok(Column { name, kind })
}

/// Every table of the database, by name.
pub const SQLITE_TABLES: &str = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
pub const POSTGRES_TABLES: &str = "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1";

/// Quotes an identifier read from the catalogue.
pub fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub async fn sqlite(conn: &mut SqliteConnection) -> Result<Vec<Table>, BackupError> {
    let names: Vec<(String,)> = sqlx::query_as(SQLITE_TABLES).fetch_all(&mut *conn).await?;
    let mut tables = Vec::new();
    for (name,) in names.into_iter().filter(|(n,)| n != MIGRATIONS_TABLE) {
        let cols: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT name, type, pk FROM pragma_table_xinfo($1) WHERE hidden = 0 ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&mut *conn)
        .await?;
        let mut key: Vec<(i64, String)> = cols
            .iter()
            .filter(|c| c.2 > 0)
            .map(|c| (c.2, c.0.clone()))
            .collect();
        key.sort();
        let refs: Vec<(String,)> =
            sqlx::query_as(r#"SELECT DISTINCT "table" FROM pragma_foreign_key_list($1)"#)
                .bind(&name)
                .fetch_all(&mut *conn)
                .await?;
        let columns = cols
            .into_iter()
            .map(|(c, declared, _)| column(&name, c, &declared))
            .collect::<Result<_, _>>()?;
        let key = key.into_iter().map(|(_, c)| c).collect();
        tables.push(Table::new(name, columns, refs, key, Vec::new()));
    }
    Ok(in_dependency_order(tables))
}

pub async fn postgres(conn: &mut PgConnection) -> Result<Vec<Table>, BackupError> {
    let names: Vec<(String,)> = sqlx::query_as(POSTGRES_TABLES)
        .fetch_all(&mut *conn)
        .await?;
    let mut tables = Vec::new();
    for (name,) in names.into_iter().filter(|(n,)| n != MIGRATIONS_TABLE) {
        let cols: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_identity::text, is_generated::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind(&name)
        .fetch_all(&mut *conn)
        .await?;
        let key: Vec<(String,)> = sqlx::query_as(
            "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)",
        )
        .bind(quote(&name))
        .fetch_all(&mut *conn)
        .await?;
        let refs: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT c.relname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.confrelid WHERE k.contype = 'f' AND k.conrelid = $1::regclass",
        )
        .bind(quote(&name))
        .fetch_all(&mut *conn)
        .await?;
        let identity = cols
            .iter()
            .filter(|c| c.2 == "YES")
            .map(|c| c.0.clone())
            .collect();
        let columns = cols
            .into_iter()
            .filter(|c| c.3 != "ALWAYS")
            .map(|(c, declared, _, _)| column(&name, c, &declared))
            .collect::<Result<_, _>>()?;
        let key = key.into_iter().map(|(c,)| c).collect();
        tables.push(Table::new(name, columns, refs, key, identity));
    }
    Ok(in_dependency_order(tables))
}

/// Tables ordered so that each comes after the tables it refers to (by
/// name where the order is free); a cycle, which the migrations do not
/// make, keeps the rest in name order at the end.
pub fn in_dependency_order(tables: Vec<Table>) -> Vec<Table> {
    let mut left: BTreeMap<String, Table> =
        tables.into_iter().map(|t| (t.name.clone(), t)).collect();
    let mut out: Vec<Table> = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let ready: Vec<String> = left
            .values()
            .filter(|t| t.refers_to.iter().all(|r| !left.contains_key(r)))
            .map(|t| t.name.clone())
            .collect();
        if ready.is_empty() {
            out.extend(std::mem::take(&mut left).into_values());
            break;
        }
        for name in ready {
            out.extend(left.remove(&name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(name: &str, refers_to: &[&str]) -> Table {
        Table {
            name: name.into(),
            columns: Vec::new(),
            refers_to: refers_to.iter().map(|s| s.to_string()).collect(),
            key: Vec::new(),
            identity: Vec::new(),
        }
    }

    #[test]
    fn referenced_tables_come_first() {
        let order = in_dependency_order(vec![
            table("a_students", &["institutions"]),
            table("aid_ledger", &["a_students", "aid_batches"]),
            table("aid_batches", &[]),
            table("institutions", &["users"]),
            table("users", &[]),
        ]);
        let names: Vec<&str> = order.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "aid_batches",
                "users",
                "institutions",
                "a_students",
                "aid_ledger"
            ]
        );
    }

    #[test]
    fn declared_types_of_both_databases() {
        assert_eq!(Kind::of_declared("BIGINT"), Some(Kind::Int));
        assert_eq!(
            Kind::of_declared("timestamp with time zone"),
            Some(Kind::Time)
        );
        assert_eq!(Kind::of_declared("BOOLEAN"), Some(Kind::Bool));
        assert_eq!(Kind::of_declared("jsonb"), None);
    }
}
