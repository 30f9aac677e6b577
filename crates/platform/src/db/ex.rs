//! [`Ex`]: where a query runs — the pool or an open write transaction — so
//! a store function is written once and serves both: `get(&db, id)` reads
//! through the pool, `get(&mut tx, id)` reads the row a transaction is
//! changing.

use super::{Db, DbError, Record, Sql, Tx};

/// The executor of a store function: a pool (each call borrows a
/// connection) or a transaction (every call runs inside it).
///
/// Store functions take `ex: impl Into<Ex<'_>>`; pass `&db`, `db` (a
/// `&Db`), `&mut tx`, or `&mut *tx` (a `&mut Tx` used again afterwards).
/// A function that runs several queries converts once (`let mut ex =
/// ex.into();`) and calls them on `ex`.
pub enum Ex<'a> {
    Pool(&'a Db),
    Tx(&'a mut Tx),
}

impl<'a> From<&'a Db> for Ex<'a> {
    fn from(db: &'a Db) -> Self {
        Ex::Pool(db)
    }
}

impl<'a> From<&'a mut Tx> for Ex<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        Ex::Tx(tx)
    }
}

impl<'a, 'b> From<&'a mut Ex<'b>> for Ex<'a> {
    /// Reborrows, to hand the same executor to another store function.
    fn from(ex: &'a mut Ex<'b>) -> Self {
        match ex {
            Ex::Pool(db) => Ex::Pool(db),
            Ex::Tx(tx) => Ex::Tx(tx),
        }
    }
}

impl Ex<'_> {
    pub async fn fetch_all<T: Record>(&mut self, q: Sql) -> Result<Vec<T>, DbError> {
        match self {
            Ex::Pool(db) => db.fetch_all(q).await,
            Ex::Tx(tx) => tx.fetch_all(q).await,
        }
    }

    pub async fn fetch_optional<T: Record>(&mut self, q: Sql) -> Result<Option<T>, DbError> {
        match self {
            Ex::Pool(db) => db.fetch_optional(q).await,
            Ex::Tx(tx) => tx.fetch_optional(q).await,
        }
    }

    pub async fn fetch_one<T: Record>(&mut self, q: Sql) -> Result<T, DbError> {
        self.fetch_optional(q).await?.ok_or(DbError::NotFound)
    }

    /// The first column of the first row as an integer (see
    /// [`super::Conn::scalar`]).
    pub async fn scalar(&mut self, q: Sql) -> Result<i64, DbError> {
        match self {
            Ex::Pool(db) => db.scalar(q).await,
            Ex::Tx(tx) => tx.scalar(q).await,
        }
    }

    pub async fn execute(&mut self, q: Sql) -> Result<u64, DbError> {
        match self {
            Ex::Pool(db) => db.execute(q).await,
            Ex::Tx(tx) => tx.execute(q).await,
        }
    }

    pub fn backend(&self) -> super::Backend {
        match self {
            Ex::Pool(db) => db.backend(),
            Ex::Tx(tx) => tx.backend(),
        }
    }
}
