use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, PgConnection, Postgres, Sqlite, SqliteConnection, Transaction};

use super::{Arg, DbError, Sql};

/// A row type that both backends can decode (derive `sqlx::FromRow` with
/// fields of types both support: i64, String, bool, NaiveDate, DateTime<Utc>).
pub trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static
{
}
impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin + 'static
{
}

/// One borrowed connection of either backend; every query runs through here.
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

macro_rules! bind_all {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for arg in $args {
            query = match arg {
                Arg::Int(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
                Arg::Bool(v) => query.bind(v),
                Arg::Date(v) => query.bind(v),
                Arg::Time(v) => query.bind(v),
            };
        }
        query
    }};
}

macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            Conn::Sqlite($c) => $body,
            Conn::Postgres($c) => $body,
        }
    };
}

/// A boxed, `Send` future: erasing the sqlx executor types here keeps
/// callers' futures provably `Send` (spawned imports, axum handlers).
pub type BoxFut<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

impl<'c> Conn<'c> {
    pub fn fetch_all<'a, T: Record>(&'a mut self, q: Sql) -> BoxFut<'a, Result<Vec<T>, DbError>> {
        Box::pin(async move {
            let Sql { text, args } = q;
            Ok(
                on_conn!(self, c => bind_all!(sqlx::query_as::<_, T>(&text), args).fetch_all(&mut **c).await?),
            )
        })
    }

    pub fn fetch_optional<'a, T: Record>(
        &'a mut self,
        q: Sql,
    ) -> BoxFut<'a, Result<Option<T>, DbError>> {
        Box::pin(async move {
            let Sql { text, args } = q;
            Ok(
                on_conn!(self, c => bind_all!(sqlx::query_as::<_, T>(&text), args).fetch_optional(&mut **c).await?),
            )
        })
    }

    pub async fn fetch_one<T: Record>(&mut self, q: Sql) -> Result<T, DbError> {
        self.fetch_optional(q).await?.ok_or(DbError::NotFound)
    }

    /// The first column of the first row as an integer (counts, ids, sums
    /// cast to BIGINT).
    pub fn scalar<'a>(&'a mut self, q: Sql) -> BoxFut<'a, Result<i64, DbError>> {
        Box::pin(async move {
            let Sql { text, args } = q;
            let v: Option<i64> = on_conn!(self, c => bind_all!(sqlx::query_scalar::<_, Option<i64>>(&text), args).fetch_one(&mut **c).await?);
            Ok(v.unwrap_or(0))
        })
    }

    pub fn execute<'a>(&'a mut self, q: Sql) -> BoxFut<'a, Result<u64, DbError>> {
        Box::pin(async move {
            let Sql { text, args } = q;
            Ok(
                on_conn!(self, c => bind_all!(sqlx::query(&text), args).execute(&mut **c).await?.rows_affected()),
            )
        })
    }

    pub fn execute_script<'a>(&'a mut self, script: &'a str) -> BoxFut<'a, Result<(), DbError>> {
        Box::pin(async move {
            // A plain `&str` without arguments runs as a multi-statement
            // script on both backends (PostgreSQL's simple query protocol).
            on_conn!(self, c => { sqlx::Executor::execute(&mut **c, script).await?; });
            Ok(())
        })
    }
}

/// A write transaction. Dropped without `commit` it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(t) => Conn::Sqlite(&mut *t),
            Tx::Postgres(t) => Conn::Postgres(&mut *t),
        }
    }

    pub async fn commit(self) -> Result<(), DbError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub async fn fetch_all<T: Record>(&mut self, q: Sql) -> Result<Vec<T>, DbError> {
        self.conn().fetch_all(q).await
    }

    pub async fn fetch_optional<T: Record>(&mut self, q: Sql) -> Result<Option<T>, DbError> {
        self.conn().fetch_optional(q).await
    }

    pub async fn fetch_one<T: Record>(&mut self, q: Sql) -> Result<T, DbError> {
        self.conn().fetch_one(q).await
    }

    pub async fn scalar(&mut self, q: Sql) -> Result<i64, DbError> {
        self.conn().scalar(q).await
    }

    pub async fn execute(&mut self, q: Sql) -> Result<u64, DbError> {
        self.conn().execute(q).await
    }

    pub async fn execute_script(&mut self, script: &str) -> Result<(), DbError> {
        self.conn().execute_script(script).await
    }

    /// PostgreSQL's `COPY … FROM STDIN` with `data` in COPY text format;
    /// the fast path for bulk loads. `None` on SQLite, which has no COPY.
    pub(super) async fn copy_in(
        &mut self,
        statement: &str,
        data: Vec<u8>,
    ) -> Result<Option<u64>, DbError> {
        match self {
            Tx::Sqlite(_) => Ok(None),
            Tx::Postgres(t) => {
                let conn: &mut sqlx::PgConnection = t;
                let fut: BoxFut<'_, Result<u64, sqlx::Error>> = Box::pin(async move {
                    let mut copy = conn.copy_in_raw(statement).await?;
                    copy.send(data).await?;
                    copy.finish().await
                });
                Ok(Some(fut.await?))
            }
        }
    }

    /// SQLite only: prepares `statements` (INSERTs with `?` placeholders) on
    /// this transaction's connection and runs `f` with them, for bulk loads
    /// (see [`super::Inserter`] and [`Tx::bulk_insert`]). On a multi-threaded runtime `f` runs under
    /// `block_in_place`, so the worker's other tasks move elsewhere. `None` on
    /// PostgreSQL.
    pub(super) async fn sqlite_insert<R>(
        &mut self,
        statements: &[&str],
        f: impl FnOnce(&mut super::Inserter<'_>) -> Result<R, DbError>,
    ) -> Result<Option<R>, DbError> {
        let Tx::Sqlite(t) = self else {
            return Ok(None);
        };
        let conn: &mut SqliteConnection = t;
        let mut handle = conn.lock_handle().await?;
        let raw = handle.as_raw_handle();
        let run = move || {
            // SAFETY: `raw` is the handle of the connection locked by
            // `handle`, which outlives the inserter made here.
            let mut ins = unsafe { super::Inserter::new(raw, statements) }?;
            f(&mut ins)
        };
        let multi = tokio::runtime::Handle::try_current()
            .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
        let r = if multi {
            tokio::task::block_in_place(run)
        } else {
            run()
        };
        drop(handle);
        r.map(Some)
    }

    /// PostgreSQL only: one `COPY … FROM STDIN` fed with every chunk received
    /// from `chunks` (COPY text format) until its senders are gone; returns
    /// the rows copied. `chunks` is dropped when the COPY fails, which the
    /// sender sees as a closed channel. `None` on SQLite.
    pub(super) async fn copy_in_stream(
        &mut self,
        statement: &str,
        mut chunks: tokio::sync::mpsc::Receiver<Vec<u8>>,
    ) -> Result<Option<u64>, DbError> {
        match self {
            Tx::Sqlite(_) => Ok(None),
            Tx::Postgres(t) => {
                let conn: &mut sqlx::PgConnection = t;
                let fut: BoxFut<'_, Result<u64, sqlx::Error>> = Box::pin(async move {
                    let mut copy = conn.copy_in_raw(statement).await?;
                    while let Some(data) = chunks.recv().await {
                        copy.send(data).await?;
                    }
                    copy.finish().await
                });
                Ok(Some(fut.await?))
            }
        }
    }

    pub fn backend(&self) -> super::Backend {
        match self {
            Tx::Sqlite(_) => super::Backend::Sqlite,
            Tx::Postgres(_) => super::Backend::Postgres,
        }
    }
}

/// Appends one field in PostgreSQL COPY text format (tab-separated, `\N` for
/// NULL, backslash escapes).
pub(super) fn copy_field(buf: &mut Vec<u8>, value: Option<&str>) {
    match value {
        None => buf.extend_from_slice(b"\\N"),
        Some(v) => {
            for b in v.bytes() {
                match b {
                    b'\\' => buf.extend_from_slice(b"\\\\"),
                    b'\t' => buf.extend_from_slice(b"\\t"),
                    b'\n' => buf.extend_from_slice(b"\\n"),
                    b'\r' => buf.extend_from_slice(b"\\r"),
                    _ => buf.push(b),
                }
            }
        }
    }
}

/// A row of integers of any width, for queries whose column count is only
/// known at run time (e.g. one sum per program of a run).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ints(pub Vec<i64>);

macro_rules! ints_from_row {
    ($row:ty) => {
        impl<'r> FromRow<'r, $row> for Ints {
            fn from_row(row: &'r $row) -> Result<Self, sqlx::Error> {
                use sqlx::Row;
                (0..row.len())
                    .map(|i| {
                        row.try_get::<Option<i64>, _>(i)
                            .map(Option::unwrap_or_default)
                    })
                    .collect::<Result<_, _>>()
                    .map(Ints)
            }
        }
    };
}
ints_from_row!(SqliteRow);
ints_from_row!(PgRow);
