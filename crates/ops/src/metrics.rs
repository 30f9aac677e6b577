//! Request metrics in Prometheus' text format, hand-written: a counter and
//! a latency histogram per route group and status class, and the database
//! pool's use. Aggregates only (no paths with ids, no user), so the page
//! can be public.

use platform::db::Db;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Mutex, OnceLock};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Groups beyond this many (a scanner trying random paths) count as "other".
const MAX_GROUPS: usize = 64;

#[derive(Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

type Key = (String, &'static str);

fn registry() -> &'static Mutex<BTreeMap<Key, Series>> {
    static R: OnceLock<Mutex<BTreeMap<Key, Series>>> = OnceLock::new();
    R.get_or_init(Default::default)
}

/// The route group of a path: its first segment (`/students/42` →
/// `students`), or the one after `/api/v1/` (`api_students`); `root` for
/// `/`, `other` for anything that is not a plain word.
pub fn group(path: &str) -> String {
    let mut parts = path.trim_start_matches('/').split('/');
    let first = parts.next().unwrap_or_default();
    let (prefix, word) = match first {
        "" => return "root".into(),
        "api" => {
            let mut next = parts.next().unwrap_or_default();
            if next == "v1" {
                next = parts.next().unwrap_or_default();
            }
            ("api_", next)
        }
        _ => ("", first),
    };
    let plain = !word.is_empty()
        && word.len() <= 24
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-' || b == b'.');
    if plain {
        format!("{prefix}{}", word.replace(['-', '.'], "_"))
    } else {
        format!("{prefix}other")
    }
}

fn status_class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// Records one request.
pub fn observe(group: String, status: u16, seconds: f64) {
    let Ok(mut r) = registry().lock() else {
        return;
    };
    let group = if r.len() >= MAX_GROUPS && !r.keys().any(|(g, _)| *g == group) {
        "other".to_string()
    } else {
        group
    };
    let s = r.entry((group, status_class(status))).or_default();
    s.count += 1;
    s.sum += seconds;
    for (i, le) in BUCKETS.iter().enumerate() {
        if seconds <= *le {
            s.buckets[i] += 1;
        }
    }
}

/// The metrics page's text.
pub fn render(db: &Db) -> String {
    let mut out = String::new();
    let series: Vec<(Key, Series)> = registry()
        .lock()
        .map(|r| r.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    out.push_str(
        "# HELP edubureau_http_requests_total Requests served, by route group and status class.\n",
    );
    out.push_str("# TYPE edubureau_http_requests_total counter\n");
    for ((g, st), s) in &series {
        let _ = writeln!(
            out,
            "edubureau_http_requests_total{{group=\"{g}\",status=\"{st}\"}} {}",
            s.count
        );
    }
    out.push_str("# HELP edubureau_http_request_duration_seconds Time to answer a request.\n");
    out.push_str("# TYPE edubureau_http_request_duration_seconds histogram\n");
    for ((g, st), s) in &series {
        let labels = format!("group=\"{g}\",status=\"{st}\"");
        for (le, n) in BUCKETS.iter().zip(s.buckets) {
            let _ = writeln!(
                out,
                "edubureau_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "edubureau_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
            s.count
        );
        let _ = writeln!(
            out,
            "edubureau_http_request_duration_seconds_sum{{{labels}}} {}",
            s.sum
        );
        let _ = writeln!(
            out,
            "edubureau_http_request_duration_seconds_count{{{labels}}} {}",
            s.count
        );
    }
    let (size, idle, max) = match db {
        Db::Sqlite(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
        Db::Postgres(p) => (p.size(), p.num_idle(), p.options().get_max_connections()),
    };
    for (name, help, v) in [
        (
            "edubureau_db_pool_connections",
            "Open database connections.",
            size as usize,
        ),
        ("edubureau_db_pool_idle", "Idle database connections.", idle),
        (
            "edubureau_db_pool_in_use",
            "Database connections in use.",
            (size as usize).saturating_sub(idle),
        ),
        (
            "edubureau_db_pool_max",
            "Most connections the pool opens.",
            max as usize,
        ),
    ] {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
    }
    render_jobs(&mut out);
    out
}

/// Imports, scheduled backups and other long work ([`platform::jobs`]).
fn render_jobs(out: &mut String) {
    let jobs = platform::jobs::snapshot();
    let mut family = |name: &str, kind: &str, help: &str, lines: Vec<(String, u64)>| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
        for (labels, v) in lines {
            let _ = writeln!(out, "{name}{{{labels}}} {v}");
        }
    };
    let by_kind = |value: fn(&platform::jobs::Counts) -> u64| -> Vec<(String, u64)> {
        jobs.iter()
            .map(|(k, c)| (format!("kind=\"{k}\""), value(c)))
            .collect()
    };
    family(
        "edubureau_jobs_running",
        "gauge",
        "Jobs under way, by kind.",
        by_kind(|c| c.running),
    );
    let ended = jobs
        .iter()
        .flat_map(|(k, c)| {
            [("succeeded", c.succeeded), ("failed", c.failed)]
                .map(|(o, n)| (format!("kind=\"{k}\",outcome=\"{o}\""), n))
        })
        .collect();
    family(
        "edubureau_jobs_total",
        "counter",
        "Jobs ended, by kind and outcome.",
        ended,
    );
    family(
        "edubureau_job_rows_total",
        "counter",
        "Rows handled by jobs, by kind.",
        by_kind(|c| c.rows),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_carry_no_ids() {
        assert_eq!(group("/"), "root");
        assert_eq!(group("/students/42/edit"), "students");
        assert_eq!(group("/api/v1/students/42"), "api_students");
        assert_eq!(group("/api/openapi.json"), "api_openapi_json");
        assert_eq!(group("/330503200901011234"), "other");
        assert_eq!(group("/学生"), "other");
    }

    #[test]
    fn latencies_fall_into_buckets() {
        observe("test_group".into(), 200, 0.02);
        let r = registry().lock().expect("lock");
        let s = &r[&("test_group".to_string(), "2xx")];
        assert_eq!(s.buckets[..3], [0, 0, 1]);
        assert_eq!(s.buckets[BUCKETS.len() - 1], 1);
    }
}
