//! Rows of a width known only at run time: a key, a label and counts, or
//! any run of nullable integers, decoded by position on both backends.

use sqlx::{ColumnIndex, Decode, Row, Type};

use crate::domain::reports::Counts;

/// A group's key and label with its counts.
#[derive(Clone, Debug)]
pub struct CountsRow {
    pub key: String,
    pub label: String,
    pub counts: Counts,
}

fn other(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(what.to_string().into())
}

impl<'r, R> sqlx::FromRow<'r, R> for CountsRow
where
    R: Row,
    usize: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        let values = (2..row.len())
            .map(|k| row.try_get::<i64, _>(k))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CountsRow {
            key: row.try_get(0)?,
            label: row.try_get(1)?,
            counts: Counts::from_values(&values).ok_or_else(|| other("counts row width"))?,
        })
    }
}

/// Every column of a row as a nullable integer, by position.
#[derive(Clone, Debug)]
pub struct Wide(pub Vec<Option<i64>>);

impl<'r, R> sqlx::FromRow<'r, R> for Wide
where
    R: Row,
    usize: ColumnIndex<R>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        (0..row.len())
            .map(|k| row.try_get::<Option<i64>, _>(k))
            .collect::<Result<Vec<_>, _>>()
            .map(Wide)
    }
}
