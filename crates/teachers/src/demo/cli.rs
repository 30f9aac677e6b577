//! `edubureau top-up-staff --to N`: generated staff added to a demo
//! district until it has N people, for the staff list benchmark.

use clap::{CommandFactory, FromArgMatches, Parser};
use platform::area::cli::CliRun;

/// Add generated staff to the demo district until it has `--to` people
/// (for benchmarks; ID numbers never meet the demo's).
#[derive(Parser)]
#[command(name = "top-up-staff")]
struct TopUpCli {
    #[arg(long)]
    to: u64,
}

pub fn commands() -> Vec<clap::Command> {
    vec![TopUpCli::command()]
}

pub async fn run(cli: &CliRun<'_>) -> anyhow::Result<()> {
    let t = TopUpCli::from_arg_matches(cli.args)?;
    let added = super::top_up(cli.db, t.to).await?;
    println!("已补充生成教职工 {added} 人");
    Ok(())
}
