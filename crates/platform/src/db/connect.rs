use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

use super::{Conn, DbError, Record, Sql, Tx};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A pool of connections to the bureau's database.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    /// Opens `sqlite://PATH` (created if missing) or `postgres://…`. Any other
    /// scheme is refused, so a typo never silently creates an empty database.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(DbError::BadUrl("sqlite:// 后缺少文件路径".into()));
            }
            let options = SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(15))
                .foreign_keys(true)
                .pragma("cache_size", "-4096")
                .pragma("temp_store", "memory");
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options =
                PgConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbError::BadUrl(format!(
                "不支持的数据库地址 “{url}”：应以 sqlite:// 或 postgres:// 开头"
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers queue instead of failing on upgrade.
    ///
    /// Starting one cannot be cancelled half-way. A request dropped while
    /// `BEGIN` waits for the lock (the client went away) would otherwise
    /// leave its pooled connection inside a transaction no guard rolls back,
    /// and every later use of that connection would fail. So the begin runs
    /// as a task of its own: if nobody waits for it any more, the finished
    /// transaction is dropped there, which rolls it back.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        let db = self.clone();
        tokio::spawn(async move { db.begin_here().await })
            .await
            .map_err(|e| DbError::Other(sqlx::Error::Protocol(e.to_string())))?
    }

    async fn begin_here(&self) -> Result<Tx, DbError> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    pub async fn fetch_all<T: Record>(&self, q: Sql) -> Result<Vec<T>, DbError> {
        with_pool_conn!(self, c => c.fetch_all(q).await)
    }

    pub async fn fetch_optional<T: Record>(&self, q: Sql) -> Result<Option<T>, DbError> {
        with_pool_conn!(self, c => c.fetch_optional(q).await)
    }

    pub async fn fetch_one<T: Record>(&self, q: Sql) -> Result<T, DbError> {
        with_pool_conn!(self, c => c.fetch_one(q).await)
    }

    pub async fn scalar(&self, q: Sql) -> Result<i64, DbError> {
        with_pool_conn!(self, c => c.scalar(q).await)
    }

    pub async fn execute(&self, q: Sql) -> Result<u64, DbError> {
        with_pool_conn!(self, c => c.execute(q).await)
    }

    /// Runs several statements without arguments (migrations, pragmas).
    pub async fn execute_script(&self, script: &str) -> Result<(), DbError> {
        with_pool_conn!(self, c => c.execute_script(script).await)
    }
}

macro_rules! with_pool_conn {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            Db::Sqlite(p) => {
                let mut pooled = p.acquire().await?;
                let mut $c = Conn::Sqlite(&mut pooled);
                $body
            }
            Db::Postgres(p) => {
                let mut pooled = p.acquire().await?;
                let mut $c = Conn::Postgres(&mut pooled);
                $body
            }
        }
    };
}
use with_pool_conn;
