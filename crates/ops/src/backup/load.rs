//! Loading a backup into an empty database of either kind, in one
//! transaction, through the platform's bulk writer (prepared multi-row
//! inserts on SQLite, COPY on PostgreSQL), as the student import loads:
//! rows go in table by table, the database's own guards (the append-only
//! triggers of the audit log and the aid ledger, and on SQLite the foreign
//! keys, checked once at the end instead) are set aside for the load and
//! put back before the commit, and the rows are checked against the
//! backup's manifest before anything is kept.
//!
//! Three sources: a rows file (either database); an image's database
//! opened as a temporary SQLite database (into PostgreSQL); and an image
//! attached to the target SQLite database and copied with `INSERT …
//! SELECT` (into SQLite: the database's own fastest load).

use std::collections::BTreeMap;
use std::path::Path;

use futures_util::TryStreamExt;
use platform::db::{Backend, Db, Sql, Tx};
use sqlx::{Executor, PgConnection, SqliteConnection};

use super::catalogue::{self, quote, Table};
use super::cells::Batch;
use super::dump::{select, sqlite_values};
use super::format::{Column, Manifest};
use super::read::{Item, Reader};
use super::BackupError;

/// A load under way: its transaction, the target's tables, and on SQLite
/// the triggers to put back.
struct Load {
    tx: Tx,
    tables: BTreeMap<String, Table>,
    triggers: Vec<String>,
}

impl Load {
    /// Starts the load on `db`; on SQLite with the database file `attach`
    /// attached as `image` (which must happen outside a transaction).
    async fn begin(db: &Db, attach: Option<&Path>) -> Result<Load, BackupError> {
        let mut tx = match db {
            Db::Sqlite(pool) => {
                let mut conn = pool.acquire().await?;
                // The pragmas work only outside a transaction; the
                // connection is closed afterwards, never returned to the
                // pool without its foreign keys.
                conn.close_on_drop();
                conn.execute("PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144")
                    .await?;
                if let Some(path) = attach {
                    sqlx::query("ATTACH DATABASE $1 AS image")
                        .bind(path.to_string_lossy())
                        .execute(&mut *conn)
                        .await?;
                }
                Tx::Sqlite(sqlx::Transaction::begin(conn, Some("BEGIN IMMEDIATE".into())).await?)
            }
            Db::Postgres(_) => db.begin().await?,
        };
        let (tables, triggers) = match &mut tx {
            Tx::Sqlite(t) => {
                let tables = catalogue::sqlite(t).await?;
                (tables, drop_sqlite_triggers(t).await?)
            }
            Tx::Postgres(t) => {
                let tables = catalogue::postgres(t).await?;
                set_user_triggers(t, &tables, "DISABLE").await?;
                (tables, Vec::new())
            }
        };
        Ok(Load {
            tx,
            tables: tables.into_iter().map(|t| (t.name.clone(), t)).collect(),
            triggers,
        })
    }

    fn backend(&self) -> Backend {
        self.tx.backend()
    }

    /// The table of the backup must exist here with the same columns.
    fn check_table<'a>(
        &self,
        name: &str,
        columns: impl IntoIterator<Item = &'a str>,
    ) -> Result<&Table, BackupError> {
        let Some(t) = self.tables.get(name) else {
            return Err(BackupError::Schema(format!(
                "备份中的表 {name} 在数据库中不存在"
            )));
        };
        let mut ours: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        let mut theirs: Vec<&str> = columns.into_iter().collect();
        ours.sort_unstable();
        theirs.sort_unstable();
        if ours != theirs {
            return Err(BackupError::Schema(format!(
                "备份中表 {name} 的列与数据库不一致"
            )));
        }
        Ok(t)
    }

    /// Every table holds as many rows as the manifest says.
    async fn check_counts(&mut self, manifest: &Manifest) -> Result<(), BackupError> {
        for (table, sum) in &manifest.tables {
            let sql = format!("SELECT COUNT(*) FROM {}", quote(table));
            let rows = self.tx.scalar(Sql::new(sql)).await?;
            if rows as u64 != sum.rows {
                return Err(BackupError::Damaged(format!(
                    "表 {table} 恢复了 {rows} 行，清单为 {} 行",
                    sum.rows
                )));
            }
        }
        Ok(())
    }

    /// Puts the guards back, checks the keys and commits.
    async fn finish(mut self) -> Result<(), BackupError> {
        match &mut self.tx {
            Tx::Sqlite(t) => {
                for sql in &self.triggers {
                    t.execute(sql.as_str()).await?;
                }
                check_sqlite_keys(t).await?;
            }
            Tx::Postgres(t) => {
                let tables: Vec<Table> = self.tables.values().cloned().collect();
                set_user_triggers(t, &tables, "ENABLE").await?;
                move_identities(t, &tables).await?;
            }
        }
        self.tx.commit().await?;
        Ok(())
    }
}

fn names(columns: &[Column]) -> impl Iterator<Item = &str> {
    columns.iter().map(|c| c.name.as_str())
}

/// Loads the rest of the rows file `reader` into `db`, whose schema is
/// already at the backup's version and whose tables are empty.
pub async fn rows_file(db: &Db, reader: &mut Reader) -> Result<Manifest, BackupError> {
    let mut load = Load::begin(db, None).await?;
    let mut batch: Option<Batch> = None;
    let manifest = loop {
        let item = reader.next_item()?;
        if !matches!(item, Item::Row(_)) {
            if let Some(b) = &mut batch {
                b.flush(&mut load.tx).await?;
            }
        }
        match item {
            Item::Table { name, columns } => {
                load.check_table(&name, names(&columns))?;
                batch = Some(Batch::new(&name, &columns, load.backend()));
            }
            Item::Row(values) => {
                let Some(b) = &mut batch else {
                    unreachable!("the reader checks that rows belong to a table")
                };
                b.push_json(values)?;
                if b.full() {
                    b.flush(&mut load.tx).await?;
                }
            }
            Item::End(manifest) => break manifest,
        }
    };
    load.finish().await?;
    Ok(manifest)
}

/// Loads every table of the SQLite database on `src` (an image's) into
/// `db`, checked against `manifest`.
pub async fn database(
    db: &Db,
    src: &mut SqliteConnection,
    manifest: &Manifest,
) -> Result<(), BackupError> {
    let mut load = Load::begin(db, None).await?;
    for t in catalogue::sqlite(src).await? {
        load.check_table(&t.name, names(&t.columns))?;
        let mut batch = Batch::new(&t.name, &t.columns, load.backend());
        let sql = select(&t);
        let mut rows = sqlx::query(&sql).fetch(&mut *src);
        while let Some(row) = rows.try_next().await? {
            batch.push(sqlite_values(&row, &t.columns)?)?;
            if batch.full() {
                batch.flush(&mut load.tx).await?;
            }
        }
        batch.flush(&mut load.tx).await?;
    }
    load.check_counts(manifest).await?;
    load.finish().await
}

/// Loads the SQLite database file `image` into the SQLite database `db`
/// by attaching it and copying each table with `INSERT … SELECT`, checked
/// against `manifest`.
pub async fn attached(db: &Db, image: &Path, manifest: &Manifest) -> Result<(), BackupError> {
    let mut load = Load::begin(db, Some(image)).await?;
    let theirs: Vec<(String,)> = load
        .tx
        .fetch_all(Sql::new(
            "SELECT name FROM image.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        ))
        .await?;
    for (name,) in theirs
        .into_iter()
        .filter(|(n,)| n != catalogue::MIGRATIONS_TABLE)
    {
        let columns: Vec<(String,)> = load
            .tx
            .fetch_all(
                Sql::new("SELECT name FROM pragma_table_xinfo(")
                    .bind(name.as_str())
                    .push(", 'image') WHERE hidden = 0"),
            )
            .await?;
        let t = load.check_table(&name, columns.iter().map(|(c,)| c.as_str()))?;
        let cols: Vec<String> = t.columns.iter().map(|c| quote(&c.name)).collect();
        let cols = cols.join(", ");
        let sql = format!(
            "INSERT INTO main.{t} ({cols}) SELECT {cols} FROM image.{t}",
            t = quote(&name)
        );
        load.tx.execute_script(&sql).await?;
    }
    load.check_counts(manifest).await?;
    load.finish().await
}

/// SQLite: drops every trigger; returns their definitions.
async fn drop_sqlite_triggers(conn: &mut SqliteConnection) -> Result<Vec<String>, BackupError> {
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (name, _) in &triggers {
        conn.execute(format!("DROP TRIGGER main.{}", quote(name)).as_str())
            .await?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
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
    tables: &[Table],
    what: &str,
) -> Result<(), BackupError> {
    for t in tables {
        conn.execute(format!("ALTER TABLE {} {what} TRIGGER USER", quote(&t.name)).as_str())
            .await?;
    }
    Ok(())
}

/// Moves each identity sequence past the highest id loaded, so the next
/// record gets a fresh id.
async fn move_identities(conn: &mut PgConnection, tables: &[Table]) -> Result<(), BackupError> {
    for t in tables {
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
