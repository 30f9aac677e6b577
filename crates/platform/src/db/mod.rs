//! The database: one `Db` handle over SQLite or PostgreSQL, chosen only by the
//! URL scheme. Every query is written once, in portable SQL with `$n`
//! placeholders, as an [`Sql`] value; the backend is an implementation detail
//! of this module.

mod bulk;
mod conn;
mod connect;
mod dialect;
mod error;
mod ex;
pub mod migrate;
mod sql;
mod sqlite_bulk;

pub use bulk::{BulkTable, BulkWriter, Deferrable};
use conn::copy_field;
pub use conn::{BoxFut, Conn, Ints, Record, Tx};
pub use connect::{Backend, Db};
pub use error::DbError;
pub use ex::Ex;
pub use sql::{Arg, Sql, TypedId};
use sqlite_bulk::Inserter;
pub use sqlite_bulk::Value;

/// Outcome of an update that names the version it was based on.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Updated {
    Saved,
    /// Someone else saved in between; nothing was written.
    Stale,
}

impl Updated {
    /// From the number of rows an `UPDATE … WHERE version = $n` changed.
    pub fn from_rows(changed: u64) -> Updated {
        if changed == 0 {
            Updated::Stale
        } else {
            Updated::Saved
        }
    }
}
