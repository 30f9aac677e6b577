//! The command line: the program's own commands (serve, demo, user, migrate)
//! and every command an area adds, each with `--db`.

use clap::{Arg, ArgMatches, Command};
use platform::area::cli::CliRun;

pub const DEFAULT_DB: &str = "sqlite://edubureau.db";

/// The `--db` option every command takes.
pub fn db_arg() -> Arg {
    Arg::new("db")
        .long("db")
        .env("EDUBUREAU_DB")
        .default_value(DEFAULT_DB)
        .global(true)
        .help("sqlite://PATH (created if missing) or postgres://…")
}

/// `base` (the program's own commands) with every area's commands added.
pub fn with_area_commands(base: Command) -> Command {
    crate::AREAS
        .iter()
        .filter_map(|a| a.cli)
        .flat_map(|cli| (cli.commands)())
        .fold(base, |cmd, sub| cmd.subcommand(sub.arg(db_arg())))
}

/// Runs the area command that was typed, if one was: Ok(false) when the
/// command is one of the program's own.
pub async fn run_area_command(matches: &ArgMatches) -> anyhow::Result<bool> {
    let Some((name, args)) = matches.subcommand() else {
        return Ok(false);
    };
    let owner = crate::AREAS
        .iter()
        .filter_map(|a| a.cli)
        .find(|cli| (cli.commands)().iter().any(|c| c.get_name() == name));
    let Some(cli) = owner else {
        return Ok(false);
    };
    let url = args
        .get_one::<String>("db")
        .map(String::as_str)
        .unwrap_or(DEFAULT_DB);
    let db = crate::open(url).await?;
    (cli.run)(&CliRun {
        db: &db,
        name,
        args,
    })
    .await?;
    Ok(true)
}
