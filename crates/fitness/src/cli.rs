//! `edubureau fitness …`: import a 体测成绩导入表, rescore a year, write a
//! sample file in the template for trials and benchmarks.

use std::path::PathBuf;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use platform::area::cli::CliRun;
use platform::auth::Caller;
use platform::db::Db;
use platform::vocab::{SchoolYear, Sex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::results::template::{headers, result_cells, Pupil};
use crate::domain::results::{range, Field, Sheet};
use crate::domain::{standard, Measure};
use crate::service::results::import::{import, source_of_file, Target};
use crate::service::results::rescore::{rescore, Mode};
use crate::store::results::{pupils_of_year, sex_of};

/// 体质健康: import, rescoring and sample files.
#[derive(Parser)]
#[command(name = "fitness")]
struct FitnessCli {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Import a 体测成绩导入表 (.csv in UTF-8 or GBK, or .xlsx) for every
    /// school of the district: each row joins its pupil by 学籍号.
    Import {
        file: PathBuf,
        /// The school year (2026 = 2026—2027学年); the current one by default.
        #[arg(long)]
        year: Option<i64>,
    },
    /// Score every test of a year again, in batches.
    Rescore {
        #[arg(long)]
        year: Option<i64>,
        /// Read and write back the stored scores without scoring (the
        /// benchmark's baseline).
        #[arg(long)]
        write_back_only: bool,
    },
    /// Write a 体测成绩导入表 CSV with plausible results for the pupils of
    /// a year in the database (at most --rows of them).
    SampleCsv {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        year: Option<i64>,
        #[arg(long)]
        rows: Option<usize>,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}

pub fn commands() -> Vec<clap::Command> {
    vec![FitnessCli::command()]
}

fn year_of(year: Option<i64>) -> SchoolYear {
    year.map_or_else(SchoolYear::current, SchoolYear)
}

pub async fn run(cli: &CliRun<'_>) -> anyhow::Result<()> {
    let caller = Caller::system("fitness");
    let started = Instant::now();
    match FitnessCli::from_arg_matches(cli.args)?.what {
        What::Import { file, year } => {
            let target = Target {
                institution: None,
                year: year_of(year),
            };
            let out = import(cli.db, &caller, source_of_file(&file)?, target)
                .await
                .map_err(|e| anyhow::anyhow!(e.to_string()))?;
            println!(
                "文件共 {} 行，导入 {} 条，已评分 {} 条，错误 {} 处，用时 {:.2} 秒",
                out.rows,
                out.imported,
                out.scored,
                out.errors.len(),
                started.elapsed().as_secs_f64()
            );
            for e in out.errors.iter().take(20) {
                println!("  第 {} 行 [{}] {}", e.row, e.column, e.reason);
            }
            anyhow::ensure!(out.applied, "文件有错误，未导入任何数据");
        }
        What::Rescore {
            year,
            write_back_only,
        } => {
            let mode = if write_back_only {
                Mode::WriteBackOnly
            } else {
                Mode::Score
            };
            let done = rescore(cli.db, &caller, year_of(year), mode)
                .await
                .map_err(|e| anyhow::anyhow!(e.to_string()))?;
            println!(
                "{} {} 条（完整并评分 {} 条），用时 {:.2} 秒",
                if write_back_only {
                    "读出并写回"
                } else {
                    "重新评分"
                },
                done.tests,
                done.scored,
                started.elapsed().as_secs_f64()
            );
        }
        What::SampleCsv {
            out,
            year,
            rows,
            seed,
        } => {
            let n = sample_csv(cli.db, &out, year_of(year), rows, seed).await?;
            println!("已写入 {n} 行到 {}", out.display());
        }
    }
    Ok(())
}

/// A plausible sheet: each item's result at a random step of its score
/// table (so scores spread over the whole table), 1 in 100 pupils 免测.
pub fn sample_sheet(rng: &mut ChaCha8Rng, grade: u8, sex: Sex) -> Sheet {
    let mut sheet = Sheet::default();
    if rng.gen_range(0..100) == 0 {
        sheet.exempt = true;
        return sheet;
    }
    let height = 1_100 + i64::from(grade) * 50 + rng.gen_range(-80..80);
    // A BMI of 14–26 for the height.
    let bmi = rng.gen_range(140..260);
    sheet.set(Field::Height, Some(Measure(height)));
    sheet.set(
        Field::Weight,
        Some(Measure(bmi * height * height / 1_000_000)),
    );
    for field in Field::taken_by(grade, sex) {
        let Field::Item(item) = field else { continue };
        let Some(steps) = standard().scores.get(&(grade, sex, item)) else {
            continue;
        };
        let step = steps[rng.gen_range(0..steps.len())];
        let (low, high) = range(field);
        sheet.set(field, Some(Measure(step.threshold.0.clamp(low, high))));
    }
    sheet
}

async fn sample_csv(
    db: &Db,
    out: &std::path::Path,
    year: SchoolYear,
    rows: Option<usize>,
    seed: u64,
) -> anyhow::Result<usize> {
    let pupils = pupils_of_year(db, None, year.0).await?;
    anyhow::ensure!(
        !pupils.is_empty(),
        "数据库中{}没有一至十二年级的在读学生",
        year.label()
    );
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let mut w = csv::Writer::from_writer(file);
    w.write_record(headers())?;
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    for p in &pupils {
        if rows.is_some_and(|max| n >= max) {
            break;
        }
        if !seen.insert(p.student_id) || p.test_id.is_some() {
            continue;
        }
        let (grade, sex) = (p.grade as u8, sex_of(&p.sex_code));
        let pupil = Pupil {
            grade,
            class_name: p.class_name.clone(),
            id_number: p.id_number.clone(),
            ethnicity: "01".into(),
            name: p.name.clone(),
            sex,
            birth_date: String::new(),
            address: String::new(),
        };
        w.write_record(result_cells(&pupil, &sample_sheet(&mut rng, grade, sex)))?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}
