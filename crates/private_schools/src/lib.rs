//! Work area 9 (民办教育): annual inspection (年检) and grading of private
//! institutions on the inspection mechanism, the registry of unlicensed
//! kindergartens (无证幼儿园), notices of results and closures.

mod area;
pub mod audit_labels;
mod demo;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    850 "private_results" "0850_private_results.sql",
    857 "private_unlicensed" "0857_private_unlicensed.sql",
    864 "private_closures" "0864_private_closures.sql",
};
