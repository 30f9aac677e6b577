//! Work area 9 (民办教育): annual inspection (年检) and grading of private
//! institutions on the inspection mechanism, the registry of unlicensed
//! kindergartens (无证幼儿园), notices of results and closures.

mod area;
pub mod audit_labels;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {};
