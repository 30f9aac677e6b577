//! Work area 11 (考试与质量): exam results against the year's score lines
//! (分数线), the change on last year in 人数 with its growth rate and in
//! 达线率 with its percentage points, rankings with ties, score
//! distributions, and quality-monitoring results.

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
    400 "exams" "0400_exams.sql",
};
