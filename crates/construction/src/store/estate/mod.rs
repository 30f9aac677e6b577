//! Storage of school buildings (校舍) and the 危房 list, equipment and
//! assets, procurement and joint acceptance. Every read of an institution's
//! rows takes the caller's `Scope`.

pub mod assets;
pub mod buildings;
pub mod indicators;
pub mod procurement;
pub mod rebuild;

use platform::db::Sql;

/// Appends ` AND column = value` when `value` is given.
pub(crate) fn and_eq(q: Sql, column: &str, value: Option<impl Into<platform::db::Arg>>) -> Sql {
    match value {
        Some(v) => q.push(" AND ").push(column).push(" = ").bind(v),
        None => q,
    }
}
