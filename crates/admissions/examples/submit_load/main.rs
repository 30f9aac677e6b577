//! Open-loop load generator for the public application form
//! (`POST /api/v1/public/rounds/{id}/applications`).
//!
//! ```text
//! submit_load --base http://127.0.0.1:PORT --out DIR [--rate 500] [--secs 60]
//!             [--threads 1] [--round N] [--user admin --password district]
//! ```
//!
//! Without `--round` it logs in as the admin, creates a round open now
//! (primary1, school year 2027), gives it the first two primary schools with
//! 学校标识码 and a catchment. Then it sends `rate × secs` submissions at fixed
//! arrival times (request i is due at start + i / rate), each on its own task,
//! regardless of how many are still in flight (open loop). Every child has a
//! distinct, valid 18-digit ID number.
//!
//! Latency is measured from the request's *due* time to the end of the
//! response, so a generator or server that falls behind shows up in the
//! figures (no coordinated omission). Writes `DIR/refs.txt` (ref_no, one per
//! 201), `DIR/ids.txt` (the child IDs of the 201s), `DIR/summary.json`, and
//! prints a summary.

mod setup;

use setup::setup;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::Mutex;

struct Args {
    base: String,
    out: String,
    rate: f64,
    secs: f64,
    threads: usize,
    round: Option<i64>,
    user: String,
    password: String,
}

fn args() -> Args {
    let mut a = Args {
        base: "http://127.0.0.1:8080".into(),
        out: ".".into(),
        rate: 500.0,
        secs: 60.0,
        threads: 1,
        round: None,
        user: "admin".into(),
        password: "district".into(),
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let val = v.get(i + 1).cloned().unwrap_or_default();
        match v[i].as_str() {
            "--base" => a.base = val,
            "--out" => a.out = val,
            "--rate" => a.rate = val.parse().expect("--rate"),
            "--secs" => a.secs = val.parse().expect("--secs"),
            "--threads" => a.threads = val.parse().expect("--threads"),
            "--round" => a.round = Some(val.parse().expect("--round")),
            "--user" => a.user = val,
            "--password" => a.password = val,
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    a
}

/// The n-th distinct child ID: 330503, a birth date in 2021-01-01..=2021-08-31,
/// a 3-digit sequence and the check char. 243 days × 1000 = 243,000 IDs;
/// beyond that the division code changes (a few real county codes of Zhejiang).
fn child_id(n: usize) -> String {
    const DIVISIONS: [&str; 4] = ["330503", "330502", "330521", "330522"];
    const DAYS: usize = 243; // 2021-01-01 ..= 2021-08-31
    let seq = n % 1000;
    let day = (n / 1000) % DAYS;
    let div = DIVISIONS[(n / 1000 / DAYS) % DIVISIONS.len()];
    let date = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).expect("date")
        + chrono::Duration::days(day as i64);
    let body = format!("{div}{}{seq:03}", date.format("%Y%m%d"));
    let c = platform::vocab::identity::check_char(&body).expect("17 digits");
    format!("{body}{c}")
}

struct Outcome {
    /// HTTP status, or 0 for a transport error.
    status: u16,
    /// From the due time to the end of the response body.
    latency: Duration,
    /// How late the request left relative to its due time.
    send_lag: Duration,
    child_id: String,
    ref_no: Option<String>,
    body: String,
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[i.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn main() {
    let a = args();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(a.threads)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run(a));
}

async fn run(a: Args) {
    std::fs::create_dir_all(&a.out).expect("out dir");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .pool_max_idle_per_host(usize::MAX)
        .tcp_nodelay(true)
        .build()
        .expect("client");
    let (round, code) = match a.round {
        Some(r) => (r, String::new()),
        None => setup(&client, &a).await,
    };
    let choices = if code.is_empty() { vec![] } else { vec![code] };
    eprintln!("round {round}; sending {} req/s for {} s", a.rate, a.secs);

    let total = (a.rate * a.secs).round() as usize;
    let url = Arc::new(format!(
        "{}/api/v1/public/rounds/{round}/applications",
        a.base
    ));
    let results = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut max_in_flight = 0usize;
    let start = Instant::now();
    let mut handles = Vec::with_capacity(total);
    for i in 0..total {
        let due = start + Duration::from_secs_f64(i as f64 / a.rate);
        tokio::time::sleep_until(due.into()).await;
        let id = child_id(i);
        let body = json!({
            "child_name": format!("测试{i}"),
            "child_id_number": id,
            "guardian_name": "家长",
            "guardian_phone": "13800001111",
            "community": "东迁社区",
            "hukou_local": true,
            "owns_home": false,
            "residence_permit": false,
            "choices": choices,
        });
        let (client, url, results, in_flight) = (
            client.clone(),
            url.clone(),
            results.clone(),
            in_flight.clone(),
        );
        let n = in_flight.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        max_in_flight = max_in_flight.max(n);
        handles.push(tokio::spawn(async move {
            let send_lag = Instant::now().saturating_duration_since(due);
            let r = client.post(url.as_str()).json(&body).send().await;
            let (status, text) = match r {
                Ok(r) => {
                    let s = r.status().as_u16();
                    (s, r.text().await.unwrap_or_else(|e| format!("body: {e}")))
                }
                Err(e) => (0, format!("{e:?}")),
            };
            let latency = Instant::now().saturating_duration_since(due);
            in_flight.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            let ref_no = if status == 201 {
                serde_json::from_str::<Value>(&text)
                    .ok()
                    .and_then(|v| v["ref_no"].as_str().map(String::from))
            } else {
                None
            };
            results.lock().await.push(Outcome {
                status,
                latency,
                send_lag,
                child_id: id,
                ref_no,
                body: text,
            });
        }));
    }
    let send_secs = start.elapsed().as_secs_f64();
    for h in handles {
        h.await.expect("task");
    }
    let all_secs = start.elapsed().as_secs_f64();
    let results = std::mem::take(&mut *results.lock().await);

    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let mut samples: BTreeMap<u16, String> = BTreeMap::new();
    let mut refs = String::new();
    let mut ids = String::new();
    let mut created = 0usize;
    let mut created_without_ref = 0usize;
    for o in &results {
        *statuses.entry(o.status).or_default() += 1;
        if o.status != 201 {
            samples
                .entry(o.status)
                .or_insert_with(|| o.body.chars().take(300).collect());
        } else {
            created += 1;
            ids.push_str(&o.child_id);
            ids.push('\n');
            match &o.ref_no {
                Some(r) => {
                    refs.push_str(r);
                    refs.push('\n');
                }
                None => created_without_ref += 1,
            }
        }
    }
    std::fs::write(format!("{}/refs.txt", a.out), refs).expect("refs");
    std::fs::write(format!("{}/ids.txt", a.out), ids).expect("ids");
    let mut lat: Vec<Duration> = results.iter().map(|o| o.latency).collect();
    lat.sort();
    let mut lat_ok: Vec<Duration> = results
        .iter()
        .filter(|o| o.status == 201)
        .map(|o| o.latency)
        .collect();
    lat_ok.sort();
    let max_lag = results.iter().map(|o| o.send_lag).max().unwrap_or_default();
    let summary = json!({
        "round": round,
        "target_rate": a.rate,
        "secs": a.secs,
        "sent": results.len(),
        "created": created,
        "created_without_ref": created_without_ref,
        "statuses": statuses.iter().map(|(k, v)| (k.to_string(), *v)).collect::<BTreeMap<_, _>>(),
        "samples": samples.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>(),
        "p50_ms": pct(&lat, 50.0),
        "p90_ms": pct(&lat, 90.0),
        "p99_ms": pct(&lat, 99.0),
        "max_ms": lat.last().map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0),
        "p99_201_ms": pct(&lat_ok, 99.0),
        "send_secs": send_secs,
        "all_secs": all_secs,
        "send_rate": results.len() as f64 / send_secs,
        "completed_rate": created as f64 / all_secs,
        "max_send_lag_ms": max_lag.as_secs_f64() * 1000.0,
        "max_in_flight": max_in_flight,
    });
    std::fs::write(
        format!("{}/summary.json", a.out),
        serde_json::to_string_pretty(&summary).expect("json"),
    )
    .expect("summary");
    println!("round            {round}");
    println!("sent             {}", results.len());
    println!("201 Created      {created}");
    for (s, n) in &statuses {
        if *s != 201 {
            let label = if *s == 0 {
                "transport error".to_string()
            } else {
                s.to_string()
            };
            println!(
                "{label:<16} {n}   e.g. {}",
                samples.get(s).map(String::as_str).unwrap_or("")
            );
        }
    }
    println!(
        "latency ms       p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        pct(&lat, 50.0),
        pct(&lat, 90.0),
        pct(&lat, 99.0),
        summary["max_ms"].as_f64().unwrap_or(0.0)
    );
    println!(
        "rate             sent {:.1}/s over {:.1} s; 201s {:.1}/s over {:.1} s (last response)",
        results.len() as f64 / send_secs,
        send_secs,
        created as f64 / all_secs,
        all_secs
    );
    println!(
        "generator        max send lag {:.1} ms, max in flight {max_in_flight}",
        max_lag.as_secs_f64() * 1000.0
    );
}
