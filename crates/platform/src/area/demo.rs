//! The demo district: each area fills its own part, in the order of the
//! area list, after the platform has created the district and its
//! townships.

use super::BoxFuture;
use crate::audit::{self, Entry, Who};
use crate::db::{Db, DbError, Tx};

/// The password of every demo account (demo passwords are public).
pub const DEMO_PASSWORD: &str = "district";

/// How large a demo district to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoSize {
    /// The institutions, accounts and histories, and about 3,000 students (seconds).
    Small,
    /// About 120,000 students, like a real county.
    City,
    /// About 1,000,000 students, for benchmarks.
    Province,
}

impl DemoSize {
    /// How many students the demo district enrols.
    pub fn students(self) -> u64 {
        match self {
            DemoSize::Small => 3_000,
            DemoSize::City => 120_000,
            DemoSize::Province => 1_000_000,
        }
    }
}

/// What an area's demo step is given.
pub struct DemoRun<'a> {
    pub db: &'a Db,
    pub size: DemoSize,
    /// The argon2 hash of [`DEMO_PASSWORD`], computed once for every account.
    pub password_hash: &'a str,
    /// Called with the number of records made so far, for a progress bar.
    pub progress: &'a (dyn Fn(u64) + Send + Sync),
}

/// What a step made, as (what, how many) lines: ("机构", 137).
pub type DemoMade = Vec<(&'static str, u64)>;

/// An area's demo step.
pub type DemoStep = for<'a> fn(&'a DemoRun<'a>) -> BoxFuture<'a, anyhow::Result<DemoMade>>;

/// Records what a demo step made (`summary`, e.g. "生成演示机构：137 个机构")
/// in the audit log, as the system, and commits the step with it.
pub async fn commit_recorded(mut tx: Tx, summary: String) -> Result<(), DbError> {
    let entry = Entry::new("create", "district", summary);
    audit::record(&mut tx, &Who::system("demo"), entry).await?;
    tx.commit().await?;
    Ok(())
}
