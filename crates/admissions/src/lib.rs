//! Work area 4 (招生入学): the bureau's compulsory-education admission round.
//!
//! `domain` holds the pure rules: the round as data (schools with seats,
//! children with ranked choices and their priority tier at each school), the
//! reproducible lottery (摇号) from a published seed, the allocation by
//! student-proposing deferred acceptance, an independent verifier, early
//! admission by exam (提前招生) and administrative placement (统筹安排) of
//! children left without a seat. No I/O happens there.

mod area;
pub mod audit_labels;
mod cli;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    300 "admissions" "0300_admissions.sql",
    301 "admissions table prefix" "0301_admissions_table_prefix.sql",
    302 "admissions round policy" "0302_admissions_round_policy.sql",
};
