//! Command-line subcommands an area adds to `edubureau` (import a file, run
//! an allocation). The program parses them, opens the database named by
//! `--db` (added to every area command) and hands both to the area.

use super::BoxFuture;
use crate::db::Db;

/// A top-level command of the area, as it was typed.
pub struct CliRun<'a> {
    pub db: &'a Db,
    /// The subcommand's name (`import`, `admissions`).
    pub name: &'a str,
    pub args: &'a clap::ArgMatches,
}

/// The area's commands and the function that runs one of them.
#[derive(Clone, Copy)]
pub struct AreaCli {
    /// The top-level subcommands, built with clap (derive's
    /// `CommandFactory::command()` or the builder).
    pub commands: fn() -> Vec<clap::Command>,
    pub run: for<'a> fn(&'a CliRun<'a>) -> BoxFuture<'a, anyhow::Result<()>>,
}
