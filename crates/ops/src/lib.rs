//! Running edubureau for real (运维, the 信息中心's side of the program):
//! consistent backups and their restore into either database, health and
//! readiness checks, request metrics, the configuration file and
//! scheduled backups. Knows no work area: backups read the
//! tables from the database's own catalogue.

mod area;
pub mod backup;
pub mod config;
pub mod health;
pub mod metrics;
pub mod request_log;
pub mod schedule;
mod settings_page;

pub use area::AREA;
