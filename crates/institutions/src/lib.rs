//! Work area 1 (机构): the institutions registry: every kindergarten, school,
//! vocational, special, community school and training centre of the district,
//! with its designations over time and the tracking of unlicensed
//! kindergartens.

mod area;
pub mod audit_labels;
pub mod demo;
pub mod domain;
pub mod indicators;
pub mod service;
pub mod store;
pub mod web;

pub use area::{institution_username, AREA};

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    100 "institutions" "0100_institutions.sql",
    101 "institution table prefix" "0101_institution_table_prefix.sql",
};
