//! `edubureau construction-projects --count N`: N generated projects with
//! every phase dated, added to a demo district for the timeline benchmark.

use clap::{CommandFactory, FromArgMatches, Parser};
use platform::area::cli::CliRun;

/// Add N generated construction projects (seven dated phases each, at the
/// district's institutions) for benchmarks.
#[derive(Parser)]
#[command(name = "construction-projects")]
struct ProjectsCli {
    #[arg(long, default_value_t = 500)]
    count: u64,
}

pub fn commands() -> Vec<clap::Command> {
    vec![ProjectsCli::command()]
}

pub async fn run(cli: &CliRun<'_>) -> anyhow::Result<()> {
    let c = ProjectsCli::from_arg_matches(cli.args)?;
    let made = crate::service::projects::generate(cli.db, c.count).await?;
    println!("已生成基建项目 {made} 个");
    Ok(())
}
