//! The area's commands: `import students FILE` and `sample-csv`.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use platform::area::cli::CliRun;
use platform::auth::{Caller, Scope};
use platform::db::Db;

use crate::service::import::{import, source_of_file, Mode, Outcome, Progress};

/// Import records from a file.
#[derive(Parser)]
#[command(name = "import")]
struct ImportCli {
    #[command(subcommand)]
    what: ImportWhat,
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Students in the national 学籍 template layout (.csv, UTF-8 or GBK; or .xlsx).
    Students {
        file: PathBuf,
        /// Import the valid rows even if some rows are bad (default: a file
        /// with any bad row changes nothing).
        #[arg(long)]
        valid_only: bool,
        /// Write the error report (.xlsx) here when there are bad rows.
        #[arg(long)]
        errors: Option<PathBuf>,
    },
}

/// Write a synthetic student file (national template layout, UTF-8 CSV)
/// for the schools in the database, for trials and benchmarks.
#[derive(Parser)]
#[command(name = "sample-csv")]
struct SampleCli {
    #[arg(long)]
    rows: u64,
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

pub fn commands() -> Vec<clap::Command> {
    vec![ImportCli::command(), SampleCli::command()]
}

pub async fn run(cli: &CliRun<'_>) -> anyhow::Result<()> {
    if cli.name == "sample-csv" {
        let s = SampleCli::from_arg_matches(cli.args)?;
        return sample_csv(cli.db, &s).await;
    }
    let ImportWhat::Students {
        file,
        valid_only,
        errors,
    } = ImportCli::from_arg_matches(cli.args)?.what;
    let outcome = import_with_bar(cli.db, &file, valid_only).await?;
    println!(
        "文件共 {} 行，导入 {} 人，错误 {} 处{}",
        outcome.rows,
        outcome.imported,
        outcome.errors.len(),
        if outcome.errors_truncated {
            "（仅列出前 10000 处）"
        } else {
            ""
        }
    );
    for e in outcome.errors.iter().take(20) {
        println!("  第 {} 行 [{}] {}", e.row, e.column, e.reason);
    }
    if let (Some(path), false) = (errors, outcome.errors.is_empty()) {
        std::fs::write(&path, platform::excel::error_workbook(&outcome.errors)?)?;
        println!("错误报告已写入 {}", path.display());
    }
    if !outcome.applied {
        anyhow::bail!("文件有错误，未导入任何数据（可加 --valid-only 只导入正确的行）");
    }
    Ok(())
}

async fn sample_csv(db: &Db, s: &SampleCli) -> anyhow::Result<()> {
    let all = institutions::store::list_all(db, &Scope::All, &Default::default()).await?;
    let schools = crate::demo::schools_with_grades(&all);
    anyhow::ensure!(
        !schools.is_empty(),
        "数据库中没有学校：请先运行 edubureau demo"
    );
    let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&s.out)?);
    crate::demo::write_template_csv(file, s.rows, &schools, s.seed)?;
    println!("已写入 {} 行到 {}", s.rows, s.out.display());
    Ok(())
}

/// Streams a CSV (or reads an .xlsx) into the database with a progress bar.
async fn import_with_bar(db: &Db, file: &Path, valid_only: bool) -> anyhow::Result<Outcome> {
    let progress = Arc::new(Progress::default());
    let bar = indicatif::ProgressBar::new(1000);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {bar:40} {percent}% 已读 {prefix} 行 剩余 {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let watcher = {
        let (progress, bar) = (progress.clone(), bar.clone());
        tokio::spawn(async move {
            loop {
                bar.set_position((progress.fraction() * 1000.0) as u64);
                bar.set_prefix(progress.rows.load(Ordering::Relaxed).to_string());
                bar.set_message(progress.phase_label());
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        })
    };
    let mode = if valid_only {
        Mode::ValidRowsOnly
    } else {
        Mode::AllOrNothing
    };
    let caller = Caller::system("import");
    let result = import(db, &caller, source_of_file(file)?, mode, &progress).await;
    watcher.abort();
    bar.finish_and_clear();
    result.map_err(|e| anyhow::anyhow!(e.to_string()))
}
