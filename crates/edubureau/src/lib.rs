//! edubureau: the information system of a district education bureau. This
//! crate wires the work areas into one program: the command line, the web
//! server and the demo district.

pub mod app;
pub mod demo;
mod home;
mod openapi;

use platform::db::migrate::{self, Migration};
use platform::db::{Db, DbError};

/// Every migration of every work area, in one list.
pub fn migrations() -> Vec<Migration> {
    [
        platform::MIGRATIONS,
        institutions::MIGRATIONS,
        students::MIGRATIONS,
        admissions::MIGRATIONS,
        aid::MIGRATIONS,
    ]
    .concat()
}

/// Opens the database at `url` and brings its schema up to date.
pub async fn open(url: &str) -> Result<Db, DbError> {
    let db = Db::connect(url).await?;
    migrate::run(&db, &migrations()).await?;
    Ok(db)
}
