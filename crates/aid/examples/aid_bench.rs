//! Benchmark of an eligibility run: defines 10 programs (once), then runs
//! eligibility + ledger write for one term over every student and prints
//! timings. `cargo run --release -p aid --example aid_bench -- --db URL`

use std::time::Instant;

use aid::domain::{ProgramInput, TermInput};
use aid::service::runs::{self, RunRequest};
use aid::store::{batches, programs};
use chrono::NaiveDate;
use clap::Parser;
use platform::auth::Caller;
use platform::db::{migrate, Db, Sql};
use serde_json::json;

#[derive(Parser)]
struct Args {
    /// sqlite://PATH or postgres://…
    #[arg(long)]
    db: String,
}

fn definitions() -> Vec<serde_json::Value> {
    let cond = |k: &str, f: &str, r: bool| json!({"kind": k, "flag": f, "required": r});
    vec![
        json!({"name": "基准-免学杂费", "period": "year", "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 320}, {"stage": "primary", "amount": 240}]}),
        json!({"name": "基准-免费教科书", "period": "year", "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 156}, {"stage": "primary", "amount": 71}]}),
        json!({"name": "基准-寄宿生生活补助", "period": "week", "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": "17.5"}, {"stage": "primary", "amount": "17.5"}], "conditions": [cond("flag", "boarding", true)]}),
        json!({"name": "基准-低保寄宿生加发", "period": "day", "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 2}, {"stage": "primary", "amount": 1}], "conditions": [cond("flag", "boarding", true), cond("flag", "dibao", true)]}),
        json!({"name": "基准-学前教育资助", "period": "year", "stages": ["preschool"], "amounts": [{"stage": "preschool", "amount": 1500}], "conditions": [{"kind": "any_flag", "flags": ["dibao", "registered_poor", "orphan", "disability"]}]}),
        json!({"name": "基准-普惠性民办幼儿园保教费补助", "period": "term", "stages": ["preschool"], "amounts": [{"stage": "preschool", "amount": 300}], "conditions": [{"kind": "ownership", "values": ["private_inclusive"]}]}),
        json!({"name": "基准-高中国家助学金", "period": "term", "stages": ["senior"], "amounts": [{"stage": "senior", "amount": 1000}], "conditions": [{"kind": "any_flag", "flags": ["dibao", "registered_poor", "orphan", "disability"]}]}),
        json!({"name": "基准-农村义务教育营养餐", "period": "day", "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 5}, {"stage": "primary", "amount": 5}], "conditions": [{"kind": "urban_rural", "values": ["rural"]}]}),
        json!({"name": "基准-残疾学生补助", "period": "term", "stages": ["preschool", "primary", "junior", "senior"], "amounts": [{"stage": "preschool", "amount": 500}, {"stage": "primary", "amount": 500}, {"stage": "junior", "amount": 500}, {"stage": "senior", "amount": 500}], "conditions": [cond("flag", "disability", true)]}),
        json!({"name": "基准-留守儿童关爱补助", "period": "term", "stages": ["primary", "junior"], "amounts": [{"stage": "primary", "amount": 200}, {"stage": "junior", "amount": 200}], "conditions": [cond("flag", "left_behind", true), cond("flag", "local_hukou", true)]}),
    ]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let db = Db::connect(&args.db).await?;
    migrate::run(&db, aid::MIGRATIONS).await?;
    let caller = Caller::system("aid_bench");
    let existing = programs::list(&db).await?;
    let mut ids = Vec::new();
    for d in definitions() {
        let input: ProgramInput = serde_json::from_value(d)?;
        let id = match existing.iter().find(|p| p.def.name == input.name) {
            Some(p) => p.id,
            None => {
                aid::service::programs::create(&db, &caller, &input)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?
                    .id
            }
        };
        ids.push(id);
    }
    let year = db
        .scalar(Sql::new(
            "SELECT COALESCE(MAX(school_year), 2025) FROM students_enrolments",
        ))
        .await?;
    let starts_on =
        NaiveDate::from_ymd_opt(year as i32, 9, 1).ok_or_else(|| anyhow::anyhow!("bad year"))?;
    let term = TermInput {
        school_year: year,
        half: 1,
        starts_on,
        weeks: 20,
        school_days: 100,
    };
    // Earlier drafts of this term are thrown away first, outside the timing.
    let mut tx = db.begin().await?;
    for draft in batches::drafts_for(&mut tx, year * 10 + 1, &ids).await? {
        batches::discard(&mut tx, draft).await?;
    }
    tx.commit().await?;
    let started = Instant::now();
    let out = runs::run(
        &db,
        &caller,
        &RunRequest {
            term,
            programs: ids,
            note: "benchmark".into(),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let total = started.elapsed().as_secs_f64();
    println!(
        "students={} rows={} programs=10 conflicts={}",
        out.batch.students_scanned, out.batch.row_count, out.batch.conflict_count
    );
    println!(
        "scan_eval_s={:.3} write_s={:.3} total_s={:.3}",
        out.eval_ms as f64 / 1000.0,
        out.write_ms as f64 / 1000.0,
        total
    );
    for p in &out.programs {
        println!(
            "program {}: {} students, {}",
            p.name,
            p.students,
            aid::domain::Fen(p.amount).wan_label()
        );
    }
    Ok(())
}
