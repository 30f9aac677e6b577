//! Backup and restore (备份与恢复): a consistent snapshot of the database
//! in one file, written under a temporary name and renamed only once it is
//! complete and verified; and its restore into an empty database of either
//! kind. A SQLite database is saved as an image of its file (see
//! [`image`]), a PostgreSQL one as rows in a backend-neutral spelling (see
//! [`format`]); either restores into either database.

mod catalogue;
mod cells;
mod dump;
pub mod format;
pub mod image;
mod load;
mod read;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use platform::db::migrate::{self, Migration};
use platform::db::{Db, DbError};

pub use catalogue::MIGRATIONS_TABLE;
pub use dump::contents;
pub use format::{Manifest, TableSum};
pub use read::verify;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("无法读写文件 {path}：{source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("写入备份失败：{0}")]
    Io(#[from] std::io::Error),
    #[error("数据库出错：{0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    Platform(#[from] DbError),
    #[error("编码出错：{0}")]
    Encode(#[from] serde_json::Error),
    #[error("这不是 edubureau 的备份文件（或文件开头已损坏）")]
    NotABackup,
    #[error("备份文件格式版本 {0} 比本程序新，请用较新的程序恢复")]
    NewerFormat(i64),
    #[error("备份文件已损坏：{0}")]
    Damaged(String),
    #[error("备份文件不完整：缺少结尾的清单（可能是写入时中断或文件被截断）")]
    Incomplete,
    #[error("{} 是备份中断后留下的临时文件（名称含 .partial-），不是完成的备份；请删除它，使用其他备份", .0.display())]
    Unfinished(PathBuf),
    #[error("备份的数据库结构版本为 {backup}，比本程序认识的最高版本 {program} 新：请用与备份相同或更新的程序恢复")]
    NewerSchema { backup: i64, program: i64 },
    #[error("目标数据库的结构版本为 {target}，比备份的 {backup} 新：请恢复到一个新建的空数据库")]
    TargetNewer { target: i64, backup: i64 },
    #[error("目标数据库不是空的（表 {table} 已有 {rows} 行）：恢复只能写入空数据库")]
    NotEmpty { table: String, rows: i64 },
    #[error("数据库结构与备份不符：{0}")]
    Schema(String),
}

impl BackupError {
    fn io(path: &Path, source: std::io::Error) -> BackupError {
        BackupError::File {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// What marks the name of a backup still being written.
pub const TEMPORARY_MARK: &str = ".partial-";

/// The name a backup is written under until it is complete and verified.
pub fn temporary_name(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(format!("{TEMPORARY_MARK}{}", std::process::id()));
    out.with_file_name(name)
}

/// Writes a consistent backup of `db` to `out`: first under a temporary
/// name, then read back and checked, then renamed. A crash at any point
/// leaves no file under `out`.
pub async fn backup(db: &Db, out: &Path) -> Result<Manifest, BackupError> {
    let partial = temporary_name(out);
    let result = async {
        let written = match db {
            Db::Sqlite(pool) => image::write(pool, &partial).await?,
            Db::Postgres(_) => dump::write(db, &partial).await?,
        };
        let checked = read::check_contents(&partial)?;
        if checked.tables != written.tables || checked.data_sha256 != written.data_sha256 {
            return Err(BackupError::Damaged("写入后读回的内容与写入的不符".into()));
        }
        std::fs::rename(&partial, out).map_err(|e| BackupError::io(out, e))?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The rename itself survives a power cut only once the
            // directory is synced.
            std::fs::File::open(dir).and_then(|d| d.sync_all()).ok();
        }
        Ok(written)
    }
    .await;
    if result.is_err() {
        std::fs::remove_file(&partial).ok();
    }
    result
}

/// The row counts of every table but the migrations' own: a restore writes
/// only into a database where all are zero.
async fn ensure_empty(db: &Db) -> Result<(), BackupError> {
    let tables: Vec<(String,)> = match db {
        Db::Sqlite(p) => {
            sqlx::query_as(catalogue::SQLITE_TABLES)
                .fetch_all(p)
                .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(catalogue::POSTGRES_TABLES)
                .fetch_all(p)
                .await?
        }
    };
    for (table,) in tables.into_iter().filter(|(t,)| t != MIGRATIONS_TABLE) {
        let sql = format!("SELECT COUNT(*) FROM {}", catalogue::quote(&table));
        let rows: (i64,) = match db {
            Db::Sqlite(p) => sqlx::query_as(&sql).fetch_one(p).await?,
            Db::Postgres(p) => sqlx::query_as(&sql).fetch_one(p).await?,
        };
        if rows.0 > 0 {
            return Err(BackupError::NotEmpty {
                table,
                rows: rows.0,
            });
        }
    }
    Ok(())
}

/// The highest migration applied to `db` (0 for a database never migrated).
async fn schema_version(db: &Db) -> Result<i64, BackupError> {
    let exists = match db {
        Db::Sqlite(p) => sqlx::query_as::<_, (i64,)>(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        )
        .fetch_one(p)
        .await?,
        Db::Postgres(p) => sqlx::query_as::<_, (i64,)>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
        )
        .fetch_one(p)
        .await?,
    };
    if exists.0 == 0 {
        return Ok(0);
    }
    Ok(db
        .scalar(platform::db::Sql::new(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        ))
        .await?)
}

/// A backup file opened for restoring.
enum Opened {
    Rows(Box<read::Reader>),
    Image(Box<image::Image>),
}

/// Restores the backup at `file` into `db`, which must be empty: migrates
/// it to the backup's schema version, loads every row in one transaction
/// (checked against the manifest before the commit), then applies the
/// program's newer migrations.
pub async fn restore(
    db: &Db,
    file: &Path,
    migrations: &[Migration],
) -> Result<Manifest, BackupError> {
    read::refuse_temporary(file)?;
    let opened = if image::is_image(file)? {
        Opened::Image(Box::new(image::Image::open(file)?))
    } else {
        Opened::Rows(Box::new(read::Reader::open(file)?))
    };
    let backup = match &opened {
        Opened::Rows(r) => r.header.schema_version,
        Opened::Image(i) => i.header.schema_version,
    };
    let program = migrations.iter().map(|m| m.version).max().unwrap_or(0);
    if backup > program {
        return Err(BackupError::NewerSchema { backup, program });
    }
    let target = schema_version(db).await?;
    if target > backup {
        return Err(BackupError::TargetNewer { target, backup });
    }
    ensure_empty(db).await?;
    let older: Vec<Migration> = migrations
        .iter()
        .copied()
        .filter(|m| m.version <= backup)
        .collect();
    migrate::run(db, &older).await?;
    let manifest = match opened {
        Opened::Rows(mut reader) => load::rows_file(db, &mut reader).await?,
        Opened::Image(image) => restore_image(db, &image).await?,
    };
    migrate::run(db, migrations).await?;
    Ok(manifest)
}

/// Unpacks the image into a temporary file (checking it), then loads it:
/// attached, into SQLite; opened as a database of its own, into
/// PostgreSQL.
async fn restore_image(db: &Db, image: &image::Image) -> Result<Manifest, BackupError> {
    let unpacked = tempfile::Builder::new()
        .prefix("edubureau-restore-")
        .suffix(".sqlite")
        .tempfile()?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, unpacked.as_file());
        image.unpack(&mut out)?;
        std::io::Write::flush(&mut out)?;
    }
    let manifest = &image.manifest;
    match db {
        Db::Sqlite(_) => load::attached(db, unpacked.path(), manifest).await?,
        Db::Postgres(_) => {
            let mut src = image::open_read_only(unpacked.path()).await?;
            load::database(db, &mut src, manifest).await?;
        }
    }
    Ok(manifest.clone())
}
