//! The one mechanism behind supervision (督导), private education (民办)
//! and campus safety (校园安全): inspect against an indicator framework
//! (评估标准和计分方法), record findings, order a fix by a deadline
//! (整改通知书), and verify it (复查). Each record belongs to one of the
//! three areas (its owner), whose sections write it; the areas build their
//! pages on this crate's services.

mod area;
pub mod audit_labels;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    800 "inspection" "0800_inspection.sql",
    801 "inspection_framework_versions" "0801_inspection_framework_versions.sql",
    810 "inspection_campaign_self_evaluations" "0810_campaign_self_evaluations.sql",
    820 "inspection_orders" "0820_inspection_orders.sql",
};
