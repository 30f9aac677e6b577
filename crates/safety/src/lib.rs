//! Work area 10 (校园安全): hazards through the rectification loop of the
//! inspection mechanism, emergency plans and drills, incidents and epidemic
//! reports, and school buses.

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
    870 "safety_hazards" "0870_safety_hazards.sql",
    877 "safety_drills" "0877_safety_drills.sql",
    885 "safety_incidents" "0885_safety_incidents.sql",
    893 "safety_buses" "0893_safety_buses.sql",
};
