//! The area's command: `admissions run|verify --round ID`.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use platform::area::cli::CliRun;
use platform::auth::Caller;

use crate::domain::RoundId;
use crate::service::allocation;

/// Admission rounds: run the allocation, or check a stored one.
#[derive(Parser)]
#[command(name = "admissions")]
struct AdmissionsCli {
    #[command(subcommand)]
    command: Action,
}

#[derive(Subcommand)]
enum Action {
    /// Run a round's allocation once (after the window closed and the seed
    /// was published) and store it with its inputs' hash and the seed.
    Run {
        #[arg(long)]
        round: RoundId,
    },
    /// Recompute a stored allocation and check capacity, stability and
    /// identity with a fresh run. Exits non-zero if anything differs.
    Verify {
        #[arg(long)]
        round: RoundId,
    },
}

pub fn commands() -> Vec<clap::Command> {
    vec![AdmissionsCli::command()]
}

pub async fn run(cli: &CliRun<'_>) -> anyhow::Result<()> {
    let caller = Caller::system("admissions");
    let failed = |e: platform::AppError| anyhow::anyhow!(e.to_string());
    match AdmissionsCli::from_arg_matches(cli.args)?.command {
        Action::Run { round } => {
            let r = allocation::run(cli.db, &caller, round)
                .await
                .map_err(failed)?;
            println!(
                "分配完成（引擎 {}）：报名 {}，提前招生 {}，志愿录取 {}，统筹安排 {}，未安排 {}\n输入摘要 {}",
                r.engine_version, r.applications, r.early, r.by_choice, r.placed, r.unassigned, r.input_hash
            );
        }
        Action::Verify { round } => {
            let v = allocation::verify(cli.db, &caller, round)
                .await
                .map_err(failed)?;
            println!(
                "保存的输入摘要 {}\n重新计算摘要 {}",
                v.stored_hash, v.recomputed_hash
            );
            if !v.ok {
                anyhow::bail!("核验未通过：{}", v.problems.join("；"));
            }
            println!("核验通过：结果与重新计算完全一致，满足学位容量与稳定性");
        }
    }
    Ok(())
}
