//! Bulk writing: rows of values into one or more tables inside a write
//! transaction, as COPY (text format) on PostgreSQL and as prepared
//! multi-row INSERTs through the raw handle on SQLite ([`super::Inserter`]).
//! Areas hand rows over as flat slices of [`Value`]s and never branch on the
//! backend.

use std::io::Write as _;

use tokio::sync::mpsc;

use super::{copy_field, Backend, DbError, Sql, Tx, Value};

/// A table written in bulk: its name and the columns each row gives, in
/// order.
#[derive(Clone, Copy, Debug)]
pub struct BulkTable<'a> {
    pub name: &'a str,
    pub columns: &'a [&'a str],
}

impl BulkTable<'_> {
    /// `INSERT OR ROLLBACK INTO table (columns) VALUES (?, …), …` for `rows`
    /// rows. OR ROLLBACK: a constraint failure ends the whole transaction (a
    /// bulk load is all or nothing anyway), so SQLite keeps no statement
    /// journal for these multi-row statements. Anonymous `?` placeholders:
    /// numbered ones bind in quadratic time on SQLite.
    fn sqlite_insert(&self, rows: usize) -> String {
        let one = format!("({})", vec!["?"; self.columns.len()].join(", "));
        format!(
            "INSERT OR ROLLBACK INTO {} ({}) VALUES {}",
            self.name,
            self.columns.join(", "),
            vec![one.as_str(); rows].join(", ")
        )
    }

    fn copy_statement(&self) -> String {
        format!(
            "COPY {} ({}) FROM STDIN",
            self.name,
            self.columns.join(", ")
        )
    }
}

/// Rows per multi-row INSERT on SQLite: one statement execution opens the
/// table's and its indexes' cursors once for all of them.
const SQLITE_ROWS_PER_INSERT: usize = 64;

/// SQLite page cache while a stream loads (KiB, negative as PRAGMA wants
/// it): the indexes maintained row by row stay in it, and a large load's
/// index builds sort in it; the connection's own setting is restored
/// afterwards.
const SQLITE_LOAD_CACHE: i64 = -262_144;

/// Takes the rows of a bulk write (see [`Tx::bulk_insert`]).
pub struct BulkWriter<'w, 'h> {
    sink: Sink<'w, 'h>,
    widths: Vec<usize>,
    /// Rows written per table.
    rows: Vec<u64>,
}

enum Sink<'w, 'h> {
    /// Two statements per table: `SQLITE_ROWS_PER_INSERT` rows, one row.
    Sqlite(&'w mut super::Inserter<'h>),
    /// One COPY text buffer per table.
    Copy(&'w mut [Vec<u8>]),
}

impl BulkWriter<'_, '_> {
    fn new<'w, 'h>(sink: Sink<'w, 'h>, tables: &[BulkTable<'_>]) -> BulkWriter<'w, 'h> {
        BulkWriter {
            sink,
            widths: tables.iter().map(|t| t.columns.len()).collect(),
            rows: vec![0; tables.len()],
        }
    }

    /// Writes rows into table number `table` (in the order the tables were
    /// given): `values` holds each row's columns in turn. Values are bound
    /// in place on SQLite, so pass many rows at a time (a few dozen or
    /// more) and reuse the slice.
    pub fn rows(&mut self, table: usize, values: &[Value<'_>]) -> Result<(), DbError> {
        let width = *self
            .widths
            .get(table)
            .ok_or_else(|| super::sqlite_bulk::other("no such table"))?;
        if width == 0 || !values.len().is_multiple_of(width) {
            return Err(super::sqlite_bulk::other("values do not fill whole rows"));
        }
        match &mut self.sink {
            Sink::Sqlite(ins) => {
                let mut full = values.chunks_exact(SQLITE_ROWS_PER_INSERT * width);
                for rows in &mut full {
                    ins.insert(2 * table, rows)?;
                }
                for row in full.remainder().chunks(width) {
                    ins.insert(2 * table + 1, row)?;
                }
            }
            Sink::Copy(buffers) => copy_rows(&mut buffers[table], width, values),
        }
        self.rows[table] += (values.len() / width) as u64;
        Ok(())
    }
}

/// Appends rows in COPY text format.
fn copy_rows(buf: &mut Vec<u8>, width: usize, values: &[Value<'_>]) {
    for row in values.chunks(width) {
        for (k, v) in row.iter().enumerate() {
            if k > 0 {
                buf.push(b'\t');
            }
            match *v {
                Value::Null => copy_field(buf, None),
                Value::Int(n) => {
                    let _ = write!(buf, "{n}");
                }
                Value::Bool(b) => buf.push(if b { b't' } else { b'f' }),
                Value::Text(t) => copy_field(buf, Some(t)),
            }
        }
        buf.push(b'\n');
    }
}

/// Indexes a large streamed load drops and builds again at its end, on
/// SQLite (see [`Tx::bulk_stream`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Deferrable<'a> {
    /// Secondary indexes whose keys arrive in random order.
    pub indexes: &'a [&'a str],
    /// Rows of the first table after which they are dropped.
    pub after_rows: u64,
}

impl Tx {
    /// Writes the rows `f` hands to its [`BulkWriter`] into `tables`, in
    /// table order (a later table's rows may refer to an earlier one's).
    /// Returns `f`'s result and the rows written to the first table.
    pub async fn bulk_insert<R>(
        &mut self,
        tables: &[BulkTable<'_>],
        f: impl FnOnce(&mut BulkWriter<'_, '_>) -> Result<R, DbError>,
    ) -> Result<(R, u64), DbError> {
        match self.backend() {
            Backend::Sqlite => {
                let statements: Vec<String> = tables
                    .iter()
                    .flat_map(|t| [t.sqlite_insert(SQLITE_ROWS_PER_INSERT), t.sqlite_insert(1)])
                    .collect();
                let statements: Vec<&str> = statements.iter().map(String::as_str).collect();
                let done = self
                    .sqlite_insert(&statements, |ins| {
                        let mut w = BulkWriter::new(Sink::Sqlite(ins), tables);
                        let r = f(&mut w)?;
                        Ok((r, w.rows.first().copied().unwrap_or(0)))
                    })
                    .await?;
                done.ok_or_else(|| super::sqlite_bulk::other("not SQLite"))
            }
            Backend::Postgres => {
                let mut buffers = vec![Vec::new(); tables.len()];
                // The writer is not `Send`: it ends before the await.
                let (r, rows) = {
                    let mut w = BulkWriter::new(Sink::Copy(&mut buffers), tables);
                    (f(&mut w)?, w.rows.first().copied().unwrap_or(0))
                };
                self.copy_tables(tables, buffers).await?;
                Ok((r, rows))
            }
        }
    }

    /// COPYs each non-empty buffer into its table, in order.
    async fn copy_tables(
        &mut self,
        tables: &[BulkTable<'_>],
        buffers: Vec<Vec<u8>>,
    ) -> Result<(), DbError> {
        for (table, data) in tables.iter().zip(buffers) {
            if !data.is_empty() {
                self.copy_in(&table.copy_statement(), data).await?;
            }
        }
        Ok(())
    }

    /// [`Tx::bulk_insert`] for batches received from `batches` until every
    /// sender is gone, each handed to `f` with the writer; batches are
    /// written as they arrive, so the sender can prepare the next ones
    /// meanwhile. On an error the receiver is dropped, which the sender sees
    /// as a closed channel. Returns the rows written to the first table.
    ///
    /// PostgreSQL: the first table's rows stream through one COPY while `f`
    /// encodes the next batch; the other tables' rows wait in memory for
    /// their own COPY at the end (keep the large rows in the first table).
    /// SQLite: with a larger page cache for the load; once the first table
    /// has `defer.after_rows` rows, `defer.indexes` are dropped and built
    /// again at the end, inside the transaction (building sorts once, which
    /// costs less than a million random B-tree inserts; readers keep the old
    /// schema until the commit).
    pub async fn bulk_stream<T>(
        &mut self,
        tables: &[BulkTable<'_>],
        defer: Deferrable<'_>,
        batches: mpsc::Receiver<T>,
        f: impl FnMut(&T, &mut BulkWriter<'_, '_>) -> Result<(), DbError>,
    ) -> Result<u64, DbError> {
        match self.backend() {
            Backend::Sqlite => {
                let old_cache = self.scalar(Sql::new("PRAGMA cache_size")).await?;
                self.execute_script(&format!("PRAGMA cache_size = {SQLITE_LOAD_CACHE}"))
                    .await?;
                let loaded = self.stream_sqlite(tables, defer, batches, f).await;
                let restored = self
                    .execute_script(&format!("PRAGMA cache_size = {old_cache}"))
                    .await;
                let n = loaded?;
                restored?;
                Ok(n)
            }
            Backend::Postgres => self.stream_postgres(tables, batches, f).await,
        }
    }

    async fn stream_sqlite<T>(
        &mut self,
        tables: &[BulkTable<'_>],
        defer: Deferrable<'_>,
        mut batches: mpsc::Receiver<T>,
        mut f: impl FnMut(&T, &mut BulkWriter<'_, '_>) -> Result<(), DbError>,
    ) -> Result<u64, DbError> {
        let mut deferred: Option<Vec<String>> = None;
        let mut n = 0u64;
        while let Some(batch) = batches.recv().await {
            let ((), rows) = self.bulk_insert(tables, |w| f(&batch, w)).await?;
            n += rows;
            if deferred.is_none() && !defer.indexes.is_empty() && n >= defer.after_rows {
                deferred = Some(self.drop_indexes(defer.indexes).await?);
            }
        }
        tracing::debug!(rows = n, "bulk load: rows written");
        for sql in deferred.unwrap_or_default() {
            self.execute_script(&sql).await?;
            tracing::debug!("bulk load: deferred index built");
        }
        Ok(n)
    }

    /// SQLite: drops `indexes`; returns their definitions.
    async fn drop_indexes(&mut self, indexes: &[&str]) -> Result<Vec<String>, DbError> {
        let mut definitions = Vec::new();
        for name in indexes {
            let sql: Option<(String,)> = self
                .fetch_optional(
                    Sql::new("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ")
                        .bind(*name),
                )
                .await?;
            if let Some((sql,)) = sql {
                self.execute_script(&format!("DROP INDEX {name}")).await?;
                definitions.push(sql);
            }
        }
        Ok(definitions)
    }

    async fn stream_postgres<T>(
        &mut self,
        tables: &[BulkTable<'_>],
        mut batches: mpsc::Receiver<T>,
        mut f: impl FnMut(&T, &mut BulkWriter<'_, '_>) -> Result<(), DbError>,
    ) -> Result<u64, DbError> {
        let Some(first) = tables.first() else {
            return Ok(0);
        };
        let mut buffers = vec![Vec::new(); tables.len()];
        let (chunks, chunks_rx) = mpsc::channel::<Vec<u8>>(2);
        let encode = async {
            let mut n = 0u64;
            let mut capacity = 0;
            while let Some(batch) = batches.recv().await {
                buffers[0] = Vec::with_capacity(capacity);
                // The writer is not `Send` (it may hold SQLite statements):
                // it ends before the next await.
                n += {
                    let mut w = BulkWriter::new(Sink::Copy(&mut buffers), tables);
                    f(&batch, &mut w)?;
                    w.rows[0]
                };
                let chunk = std::mem::take(&mut buffers[0]);
                capacity = chunk.len();
                if chunks.send(chunk).await.is_err() {
                    break; // the COPY failed; its error is reported
                }
            }
            drop(chunks);
            Ok::<_, DbError>(n)
        };
        let statement = first.copy_statement();
        let (copied, encoded) = tokio::join!(self.copy_in_stream(&statement, chunks_rx), encode);
        copied?;
        let n = encoded?;
        tracing::debug!(rows = n, "bulk load: first table copied");
        buffers[0].clear();
        self.copy_tables(tables, buffers).await?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_insert_shape() {
        let t = BulkTable {
            name: "t",
            columns: &["a", "b"],
        };
        assert_eq!(
            t.sqlite_insert(2),
            "INSERT OR ROLLBACK INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
        assert_eq!(t.copy_statement(), "COPY t (a, b) FROM STDIN");
    }

    #[test]
    fn copy_rows_escapes_and_types() {
        let mut buf = Vec::new();
        let values = [
            Value::Int(-7),
            Value::Text("a\tb\\"),
            Value::Null,
            Value::Bool(true),
        ];
        copy_rows(&mut buf, 2, &values);
        assert_eq!(buf, b"-7\ta\\tb\\\\\n\\N\tt\n");
    }
}
