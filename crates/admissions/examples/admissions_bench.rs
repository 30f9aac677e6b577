//! Benchmark of the admissions engine (see bench/admissions/run.sh).
//!
//! ```text
//! admissions_bench gen --children N --schools S --choices K --seed SEED
//!                      [--gen-seed U64] [--runs R] [--instance-out FILE]
//! admissions_bench compare --instance FILE --theirs FILE
//! ```
//!
//! `gen` builds a random but realistic round, times `allocate` (median of R
//! runs), checks the result with `verify`, optionally writes the round as
//! JSON for bench/admissions/reference.py, and prints one JSON line of
//! figures. `compare` reads that JSON back, re-runs `allocate`, and checks
//! that the reference's assignment is the same child for child.

use admissions::domain::{
    allocate, input_hash, lottery_number, verify, ChildSpec, Choice, Instance, SchoolSpec,
};
use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::Instant;

type Args = HashMap<String, String>;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut args = Args::new();
    for pair in argv.get(1..).unwrap_or(&[]).chunks(2) {
        if let [k, v] = pair {
            args.insert(k.trim_start_matches("--").to_string(), v.clone());
        }
    }
    let result = match argv.first().map(String::as_str) {
        Some("gen") => gen(&args),
        Some("compare") => compare(&args),
        _ => Err("usage: admissions_bench gen|compare --key value ... (see the source)".into()),
    };
    if let Err(e) = result {
        eprintln!("admissions_bench: {e}");
        std::process::exit(1);
    }
}

fn num<T: std::str::FromStr>(args: &Args, name: &str, default: Option<T>) -> Result<T, String> {
    match args.get(name) {
        Some(v) => v
            .parse()
            .map_err(|_| format!("--{name}: not a number: {v}")),
        None => default.ok_or_else(|| format!("--{name} is required")),
    }
}

/// The round as written for the reference implementation.
#[derive(Serialize, Deserialize)]
struct RoundJson {
    seed: String,
    schools: Vec<SchoolSpec>,
    children: Vec<ChildJson>,
}

#[derive(Serialize, Deserialize)]
struct ChildJson {
    key: String,
    /// `lottery_number(seed, key)`, so both sides order applicants alike.
    lottery: u64,
    /// `[school, tier]` pairs, first choice first.
    choices: Vec<(u32, u8)>,
}

#[derive(Deserialize)]
struct TheirResult {
    assigned: Vec<Option<u32>>,
}

/// A round shaped like a district's: schools of unequal popularity (Zipf
/// 0.8 over a random order), seats independent of popularity and summing
/// to about 95% of the children, 8% private schools (公民同招: one tier for
/// all), each child living in the catchment of a public school (drawn by
/// its seats) with status 户籍+房产 45%, 户籍 20%, 居住证/随迁 30%, other
/// 5% giving tier 1–4 there and tier 4 at other public schools; 60% list
/// their catchment school first, the rest of the list follows popularity.
fn generate(
    children: usize,
    schools: usize,
    choices: usize,
    gen_seed: u64,
) -> Result<Instance, String> {
    if schools == 0 || children == 0 {
        return Err("need at least one school and one child".into());
    }
    let mut rng = ChaCha8Rng::seed_from_u64(gen_seed);
    let mut order: Vec<usize> = (0..schools).collect();
    for i in (1..schools).rev() {
        order.swap(i, rng.gen_range(0..=i));
    }
    let popularity: Vec<f64> = order
        .iter()
        .map(|&r| 1.0 / ((r + 1) as f64).powf(0.8))
        .collect();
    let size: Vec<f64> = (0..schools).map(|_| rng.gen_range(0.5..1.5)).collect();
    let per_size = 0.95 * children as f64 / size.iter().sum::<f64>();
    let seats: Vec<u32> = size
        .iter()
        .map(|f| ((per_size * f).round() as u32).max(1))
        .collect();
    let private: Vec<bool> = (0..schools).map(|_| rng.gen_bool(0.08)).collect();
    let home_weights: Vec<f64> = (0..schools)
        .map(|s| if private[s] { 0.0 } else { f64::from(seats[s]) })
        .collect();
    let home_pick = WeightedIndex::new(&home_weights).ok();
    let popular = WeightedIndex::new(&popularity).map_err(|e| e.to_string())?;
    let k = choices.min(schools);
    let mut out = Vec::with_capacity(children);
    for c in 0..children {
        let home = home_pick.as_ref().map(|w| w.sample(&mut rng));
        let status: u8 = match rng.gen_range(0..100) {
            0..=44 => 1,
            45..=64 => 2,
            65..=94 => 3,
            _ => 4,
        };
        let mut list: Vec<u32> = Vec::with_capacity(k);
        if let Some(h) = home.filter(|_| rng.gen_bool(0.6)) {
            list.push(h as u32);
        }
        while list.len() < k {
            let s = popular.sample(&mut rng) as u32;
            if !list.contains(&s) {
                list.push(s);
            }
        }
        let choices = list.iter().map(|&school| {
            let s = school as usize;
            let tier = if private[s] {
                1
            } else if Some(s) == home {
                status
            } else {
                4
            };
            Choice { school, tier }
        });
        out.push(ChildSpec {
            key: format!("C{c:07}"),
            choices: choices.collect(),
        });
    }
    Ok(Instance {
        schools: seats
            .into_iter()
            .map(|seats| SchoolSpec { seats })
            .collect(),
        children: out,
    })
}

fn gen(args: &Args) -> Result<(), String> {
    let children: usize = num(args, "children", None)?;
    let schools: usize = num(args, "schools", None)?;
    let choices: usize = num(args, "choices", Some(5))?;
    let runs: usize = num(args, "runs", Some(5))?;
    let gen_seed: u64 = num(args, "gen-seed", Some(1))?;
    let seed = args
        .get("seed")
        .cloned()
        .unwrap_or_else(|| "2026-seed".into());

    let t = Instant::now();
    let inst = generate(children, schools, choices, gen_seed)?;
    let gen_s = t.elapsed().as_secs_f64();
    let mut times = Vec::with_capacity(runs);
    let mut alloc = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let a = allocate(&inst, &seed).map_err(|e| e.to_string())?;
        times.push(t.elapsed().as_secs_f64());
        alloc = Some(a);
    }
    let alloc = alloc.ok_or("no run")?;
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let t = Instant::now();
    let verified = verify(&inst, &seed, &alloc).is_ok();
    let verify_s = t.elapsed().as_secs_f64();

    let applications: usize = inst.children.iter().map(|c| c.choices.len()).sum();
    let assigned = alloc.assigned.iter().flatten().count();
    let first_choice = inst
        .children
        .iter()
        .zip(&alloc.assigned)
        .filter(|(c, a)| c.choices.first().map(|ch| ch.school) == **a)
        .count();
    let full = alloc.cutoffs.iter().flatten().count();
    if let Some(path) = args.get("instance-out") {
        let json = RoundJson {
            seed: seed.clone(),
            schools: inst.schools.clone(),
            children: inst
                .children
                .iter()
                .map(|c| ChildJson {
                    key: c.key.clone(),
                    lottery: lottery_number(&seed, &c.key),
                    choices: c.choices.iter().map(|ch| (ch.school, ch.tier)).collect(),
                })
                .collect(),
        };
        let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?;
    }
    let figures = serde_json::json!({
        "children": children, "schools": schools, "choices": choices,
        "applications": applications, "seats": inst.schools.iter().map(|s| u64::from(s.seats)).sum::<u64>(),
        "runs": times.len(), "median_s": median, "min_s": times[0], "max_s": times[times.len() - 1],
        "ns_per_application": median * 1e9 / applications.max(1) as f64,
        "generate_s": gen_s, "verify_s": verify_s, "verified": verified,
        "assigned": assigned, "first_choice": first_choice, "schools_with_admissions": full,
        "input_hash": input_hash(&inst),
    });
    println!("{figures}");
    if verified {
        Ok(())
    } else {
        Err("verify() rejected the engine's own result".into())
    }
}

fn compare(args: &Args) -> Result<(), String> {
    let read = |name: &str| -> Result<String, String> {
        let path = args
            .get(name)
            .ok_or_else(|| format!("--{name} is required"))?;
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    };
    let round: RoundJson = serde_json::from_str(&read("instance")?).map_err(|e| e.to_string())?;
    let theirs: TheirResult = serde_json::from_str(&read("theirs")?).map_err(|e| e.to_string())?;
    let bad_lottery = round
        .children
        .iter()
        .filter(|c| lottery_number(&round.seed, &c.key) != c.lottery)
        .count();
    let inst = Instance {
        schools: round.schools,
        children: round
            .children
            .into_iter()
            .map(|c| ChildSpec {
                key: c.key,
                choices: c
                    .choices
                    .into_iter()
                    .map(|(school, tier)| Choice { school, tier })
                    .collect(),
            })
            .collect(),
    };
    let ours = allocate(&inst, &round.seed).map_err(|e| e.to_string())?;
    let differ = ours
        .assigned
        .iter()
        .zip(&theirs.assigned)
        .filter(|(a, b)| a != b)
        .count()
        + ours.assigned.len().abs_diff(theirs.assigned.len());
    println!(
        "{}",
        serde_json::json!({"children": ours.assigned.len(), "differ": differ, "bad_lottery": bad_lottery})
    );
    if differ == 0 && bad_lottery == 0 {
        Ok(())
    } else {
        Err(format!(
            "{differ} children placed differently, {bad_lottery} lottery numbers differ"
        ))
    }
}
