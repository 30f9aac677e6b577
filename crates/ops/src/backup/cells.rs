//! Values on their way into the target database: from a backup's
//! canonical spelling to what the platform's bulk writer takes, batched
//! per table.

use chrono::{DateTime, NaiveDate, SecondsFormat};
use platform::db::{Backend, BulkTable, Tx, Value as Bulk};

use super::catalogue::quote;
use super::format::{Column, Kind, Value};
use super::BackupError;

/// One value as the target takes it: dates and times as text in the
/// spelling the program itself writes to that database.
#[derive(Debug, PartialEq)]
pub(super) enum Cell {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
}

impl Cell {
    fn bulk(&self) -> Bulk<'_> {
        match self {
            Cell::Null => Bulk::Null,
            Cell::Int(n) => Bulk::Int(*n),
            Cell::Bool(b) => Bulk::Bool(*b),
            Cell::Text(t) => Bulk::Text(t),
        }
    }
}

/// A value of a rows file, typed by its column.
pub(super) fn from_json(kind: Kind, v: serde_json::Value) -> Option<Value> {
    use serde_json::Value as J;
    Some(match (kind, v) {
        (_, J::Null) => Value::Null,
        (Kind::Int, v) => Value::Int(v.as_i64()?),
        (Kind::Float, v) => Value::Float(v.as_f64()?),
        (Kind::Bool, J::Bool(b)) => Value::Bool(b),
        (Kind::Text | Kind::Date | Kind::Time, J::String(s)) => Value::Text(s),
        _ => return None,
    })
}

/// `v` (canonical spelling, of column kind `kind`) for `target`; `None`
/// when it is not a value of that kind.
pub(super) fn cell(kind: Kind, v: Value, target: Backend) -> Option<Cell> {
    Some(match (kind, v) {
        (_, Value::Null) => Cell::Null,
        (Kind::Int, Value::Int(n)) => Cell::Int(n),
        (Kind::Float, Value::Float(f)) => Cell::Text(f.to_string()),
        (Kind::Float, Value::Int(n)) => Cell::Int(n),
        (Kind::Bool, Value::Bool(b)) => Cell::Bool(b),
        (Kind::Text, Value::Text(s)) => Cell::Text(s),
        (Kind::Date, Value::Text(s)) => {
            NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()?;
            Cell::Text(s)
        }
        (Kind::Time, Value::Text(s)) => {
            let t = DateTime::parse_from_rfc3339(&s).ok()?.to_utc();
            match target {
                // As sqlx writes a `DateTime<Utc>` to SQLite.
                Backend::Sqlite => Cell::Text(t.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
                Backend::Postgres => Cell::Text(s),
            }
        }
        _ => return None,
    })
}

/// Values per bulk write: large enough that a COPY or a run of prepared
/// inserts dominates its fixed cost, small enough to stay in the cache.
const BATCH_VALUES: usize = 60_000;

/// Rows of one table waiting for the bulk writer.
pub(super) struct Batch {
    table: String,
    names: Vec<String>,
    kinds: Vec<Kind>,
    cells: Vec<Cell>,
    target: Backend,
}

impl Batch {
    pub fn new(table: &str, columns: &[Column], target: Backend) -> Batch {
        Batch {
            table: quote(table),
            names: columns.iter().map(|c| quote(&c.name)).collect(),
            kinds: columns.iter().map(|c| c.kind).collect(),
            cells: Vec::with_capacity(BATCH_VALUES + columns.len()),
            target,
        }
    }

    fn bad(&self, column: usize) -> BackupError {
        BackupError::Damaged(format!(
            "表 {} 的列 {} 有无法识别的值",
            self.table, self.names[column]
        ))
    }

    /// Adds a row (its values in column order).
    pub fn push(&mut self, row: Vec<Value>) -> Result<(), BackupError> {
        for (k, v) in row.into_iter().enumerate() {
            let c = cell(self.kinds[k], v, self.target).ok_or_else(|| self.bad(k))?;
            self.cells.push(c);
        }
        Ok(())
    }

    /// Adds a row of a rows file.
    pub fn push_json(&mut self, row: Vec<serde_json::Value>) -> Result<(), BackupError> {
        let mut values = Vec::with_capacity(row.len());
        for (k, v) in row.into_iter().enumerate() {
            values.push(from_json(self.kinds[k], v).ok_or_else(|| self.bad(k))?);
        }
        self.push(values)
    }

    pub fn full(&self) -> bool {
        self.cells.len() >= BATCH_VALUES
    }

    /// Writes the waiting rows.
    pub async fn flush(&mut self, tx: &mut Tx) -> Result<(), BackupError> {
        if self.cells.is_empty() {
            return Ok(());
        }
        let columns: Vec<&str> = self.names.iter().map(String::as_str).collect();
        let table = BulkTable {
            name: &self.table,
            columns: &columns,
        };
        let values: Vec<Bulk<'_>> = self.cells.iter().map(Cell::bulk).collect();
        tx.bulk_insert(&[table], |w| w.rows(0, &values)).await?;
        self.cells.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_typed_by_the_column() {
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(
            cell(Kind::Date, text("2024-09-01"), Backend::Sqlite),
            Some(Cell::Text("2024-09-01".into()))
        );
        assert_eq!(cell(Kind::Date, text("2024-13-01"), Backend::Sqlite), None);
        assert_eq!(cell(Kind::Int, text("1"), Backend::Postgres), None);
        assert_eq!(
            cell(Kind::Bool, Value::Null, Backend::Sqlite),
            Some(Cell::Null)
        );
        assert_eq!(from_json(Kind::Int, "1".into()), None);
    }

    #[test]
    fn times_are_spelled_as_each_database_keeps_them() {
        let t = || Value::Text("2026-12-07T05:16:00.120000Z".into());
        assert_eq!(
            cell(Kind::Time, t(), Backend::Sqlite),
            Some(Cell::Text("2026-12-07T05:16:00.120+00:00".into()))
        );
        assert_eq!(
            cell(Kind::Time, t(), Backend::Postgres),
            Some(Cell::Text("2026-12-07T05:16:00.120000Z".into()))
        );
    }
}
