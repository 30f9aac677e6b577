//! Work area 8 (教育督导): responsible inspectors (责任督学) and their
//! visits; development and special supervision (发展性督导, 专项督导) run as
//! campaigns of the inspection mechanism, with their rectification orders.

mod area;
pub mod audit_labels;
pub mod demo;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    830 "supervision_inspectors" "0830_supervision_inspectors.sql",
};
