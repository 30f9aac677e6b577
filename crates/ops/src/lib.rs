//! Running edubureau for real (运维, the 信息中心's side of the program):
//! consistent backups and their restore into either database, health and
//! readiness checks, request metrics, the program's log, the
//! configuration file and scheduled backups. Knows no work area: backups read the
//! tables from the database's own catalogue.

mod area;
pub mod backup;
pub mod config;
pub mod health;
pub mod logging;
pub mod metrics;
pub mod request_log;
pub mod schedule;
pub mod security;
mod security_page;
mod settings_page;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    900 "security_events" "0900_security_events.sql",
};
