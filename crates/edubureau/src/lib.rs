//! edubureau: the information system of a district education bureau. This
//! crate wires the work areas into one program: the command line, the web
//! server and the demo district. It names each area exactly once, in
//! [`AREAS`].

pub mod app;
pub mod cli;
pub mod demo;
mod openapi;

use platform::area::{Area, Areas};
use platform::db::migrate::{self, Migration};
use platform::db::{Db, DbError};

/// Every work area of the program, the platform first. Adding an area is
/// one line here (and its crate as a dependency); see
/// docs/architecture.md, "How to add a work area".
pub static AREAS: Areas = Areas(&[
    &platform::AREA,
    &institutions::AREA,
    &students::AREA,
    &admissions::AREA,
    &aid::AREA,
    &teachers::AREA,
    &construction::AREA,
    &exams::AREA,
    &fitness::AREA,
    &inspection::AREA,
    &supervision::AREA,
    &private_schools::AREA,
    &safety::AREA,
    &community::AREA,
    &public_service::AREA,
    &ops::AREA,
]);

/// Every migration of every work area, in one list.
pub fn migrations() -> Vec<Migration> {
    AREAS.migrations()
}

/// Checks the area list against the contract (disjoint migration ranges and
/// table prefixes, unique keys); the program refuses to start otherwise.
pub fn check_areas() -> anyhow::Result<()> {
    let list: Vec<&Area> = AREAS.iter().collect();
    platform::area::check_areas(&list).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("work-area contract broken:\n{}", lines.join("\n"))
    })
}

/// Opens the database at `url` and brings its schema up to date.
pub async fn open(url: &str) -> Result<Db, DbError> {
    let db = Db::connect(url).await?;
    migrate::run(&db, &migrations()).await?;
    Ok(db)
}
