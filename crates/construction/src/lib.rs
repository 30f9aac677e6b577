//! Work area 7 (基建·校舍·资产·采购): construction projects through their
//! phases with funding, contracts and payments; progress reports; school
//! buildings and their safety grades; equipment, assets and procurement.

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
    700 "construction" "0700_construction.sql",
    701 "construction_funding" "0701_construction_funding.sql",
    730 "construction_progress" "0730_construction_progress.sql",
    760 "construction_estate" "0760_construction_estate.sql",
};
