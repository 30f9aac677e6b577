//! Work area 12 (体质健康): students' physical fitness tests scored under
//! the 国家学生体质健康标准 (2014年修订), whose tables are compiled in from
//! `data/standards/fitness/` and never retyped; test results imported and
//! exported in the national template; report cards and reports.

mod area;
pub mod audit_labels;
mod cli;
mod demo;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    450 "fitness" "0450_fitness.sql",
};
