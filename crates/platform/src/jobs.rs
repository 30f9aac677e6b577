//! Long work in progress — imports, scheduled backups, aid runs — counted
//! for monitoring (`/metrics`): how many of each kind are running, how many
//! ended and how, and how many rows they have handled.
//!
//! ```ignore
//! let job = jobs::start("students_import");
//! job.rows(table.rows.len());
//! … // on success:
//! job.succeeded();
//! // dropped without `succeeded` (an error, a refused file, a panic): failed
//! ```

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The counts of one kind of job.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub running: u64,
    pub succeeded: u64,
    pub failed: u64,
    /// Rows handled by jobs of this kind, finished or not.
    pub rows: u64,
}

fn registry() -> MutexGuard<'static, BTreeMap<&'static str, Counts>> {
    static R: OnceLock<Mutex<BTreeMap<&'static str, Counts>>> = OnceLock::new();
    R.get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One job under way; counted as failed if dropped before [`Job::succeeded`].
#[must_use = "a job dropped at once counts as failed"]
pub struct Job {
    kind: &'static str,
    done: bool,
}

/// Starts counting a job of `kind` (a fixed snake_case name).
pub fn start(kind: &'static str) -> Job {
    registry().entry(kind).or_default().running += 1;
    Job { kind, done: false }
}

impl Job {
    /// Adds rows handled so far.
    pub fn rows(&self, n: usize) {
        registry().entry(self.kind).or_default().rows += n as u64;
    }

    pub fn succeeded(mut self) {
        self.end(true);
    }

    fn end(&mut self, ok: bool) {
        if self.done {
            return;
        }
        self.done = true;
        let mut r = registry();
        let c = r.entry(self.kind).or_default();
        c.running = c.running.saturating_sub(1);
        if ok {
            c.succeeded += 1;
        } else {
            c.failed += 1;
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.end(false);
    }
}

/// Every kind's counts, by kind.
pub fn snapshot() -> Vec<(&'static str, Counts)> {
    registry().iter().map(|(k, c)| (*k, *c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(kind: &str) -> Counts {
        snapshot()
            .into_iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| c)
            .unwrap_or_default()
    }

    #[test]
    fn a_job_runs_then_succeeds_or_fails() {
        let job = start("test_ok");
        job.rows(40);
        job.rows(2);
        assert_eq!(
            counts("test_ok"),
            Counts {
                running: 1,
                succeeded: 0,
                failed: 0,
                rows: 42
            }
        );
        job.succeeded();
        assert_eq!(
            counts("test_ok"),
            Counts {
                running: 0,
                succeeded: 1,
                failed: 0,
                rows: 42
            }
        );
        drop(start("test_failed"));
        assert_eq!(
            counts("test_failed"),
            Counts {
                running: 0,
                succeeded: 0,
                failed: 1,
                rows: 0
            }
        );
    }
}
