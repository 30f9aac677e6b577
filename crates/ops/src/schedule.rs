//! Scheduled backups (定时备份) made by the server itself: one a day at the
//! configured hour (China time), each verified as it is written (see
//! [`crate::backup::backup`]), then old ones pruned: the newest of each of
//! the last `keep_daily` days and the first of each of the last
//! `keep_monthly` months stay.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Utc};
use platform::db::Db;

use crate::config::Backup;

const PREFIX: &str = "edubureau-";
const SUFFIX: &str = ".bak";
const STAMP: &str = "%Y%m%d-%H%M%S";

fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8")
}

/// The file name of a backup taken at `at`.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!(
        "{PREFIX}{}{SUFFIX}",
        at.with_timezone(&china()).format(STAMP)
    )
}

/// When a file name says its backup was taken (China time), if it is one.
fn taken(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// Of the backups named in `names`, those to delete.
pub fn to_prune(names: &[String], keep_daily: usize, keep_monthly: usize) -> Vec<String> {
    let mut dated: Vec<(NaiveDateTime, &String)> =
        names.iter().filter_map(|n| Some((taken(n)?, n))).collect();
    dated.sort();
    let mut keep: BTreeSet<&String> = BTreeSet::new();
    let mut days = BTreeSet::new();
    for (at, name) in dated.iter().rev() {
        if days.len() < keep_daily && days.insert(at.date()) {
            keep.insert(name);
        }
    }
    let mut months = BTreeSet::new();
    let mut firsts: Vec<&String> = Vec::new();
    for (at, name) in &dated {
        if months.insert(at.format("%Y%m").to_string()) {
            firsts.push(name);
        }
    }
    keep.extend(firsts.iter().rev().take(keep_monthly));
    dated
        .into_iter()
        .filter(|(_, n)| !keep.contains(n))
        .map(|(_, n)| n.clone())
        .collect()
}

/// The next time the clock shows `hour`:00 in China, after `now`.
pub fn next_run(now: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    let local = now.with_timezone(&china());
    let today = local
        .date_naive()
        .and_hms_opt(hour, 0, 0)
        .unwrap_or_default();
    let mut at = today - Duration::hours(8);
    if at <= now.naive_utc() {
        at += Duration::days(1);
    }
    at.and_utc()
}

/// Takes one backup into `dir` and prunes the old ones; returns its path.
pub async fn run_once(db: &Db, dir: &Path, settings: &Backup) -> anyhow::Result<PathBuf> {
    let job = platform::jobs::start("scheduled_backup");
    std::fs::create_dir_all(dir)?;
    let out = dir.join(file_name(Utc::now()));
    let m = crate::backup::backup(db, &out).await?;
    job.rows(m.total_rows() as usize);
    job.succeeded();
    tracing::info!(file = %out.display(), rows = m.total_rows(), "scheduled backup written and verified");
    let names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    for old in to_prune(&names, settings.keep_daily, settings.keep_monthly) {
        std::fs::remove_file(dir.join(&old))?;
        tracing::info!(file = old, "old backup removed");
    }
    Ok(out)
}

/// Runs for the life of the server: a backup a day at the configured hour.
pub async fn run(db: Db, settings: Backup) {
    let Some(dir) = settings.dir.clone() else {
        return;
    };
    loop {
        let at = next_run(Utc::now(), settings.hour);
        let wait = (at - Utc::now()).to_std().unwrap_or_default();
        tokio::time::sleep(wait).await;
        if let Err(e) = run_once(&db, &dir, &settings).await {
            tracing::error!(error = %e, "scheduled backup failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(stamp: &str) -> String {
        format!("{PREFIX}{stamp}{SUFFIX}")
    }

    #[test]
    fn keeps_the_newest_of_each_day_and_the_first_of_each_month() {
        let names: Vec<String> = [
            "20261001-020000",
            "20261015-020000",
            "20261101-020000",
            "20261130-020000",
            "20261205-020000",
            "20261206-020000",
            "20261206-140000",
            "20261207-020000",
        ]
        .map(name)
        .into_iter()
        .chain([
            "notes.txt".to_string(),
            "edubureau-x.bak.partial-9".to_string(),
        ])
        .collect();
        let mut gone = to_prune(&names, 2, 2);
        gone.sort();
        // Days kept: 12-07 and 12-06 (its later one); months: 12-05, 11-01.
        assert_eq!(
            gone,
            [
                "20261001-020000",
                "20261015-020000",
                "20261130-020000",
                "20261206-020000"
            ]
            .map(name)
        );
    }

    #[test]
    fn the_next_run_is_at_the_hour_in_china() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T05:00:00Z")
            .expect("time")
            .to_utc();
        // 13:00 in China; 02:00 China is 18:00 UTC the same day.
        assert_eq!(next_run(now, 2).to_rfc3339(), "2026-12-07T18:00:00+00:00");
        assert_eq!(next_run(now, 14).to_rfc3339(), "2026-12-07T06:00:00+00:00");
        assert_eq!(file_name(now), "edubureau-20261207-130000.bak");
    }
}
