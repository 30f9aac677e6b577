//! Integration tests of every route, through a real server on a real
//! database, each run on SQLite and on PostgreSQL.

#[path = "../common/mod.rs"]
mod common;

mod accounts;
mod admissions;
mod aid;
mod areas;
mod audit;
mod auth;
mod bulk_load;
mod bulk_writer;
mod bureau_settings;
mod cli_user;
mod community;
mod construction;
mod db_cancel;
mod dropout;
mod exams;
mod exports;
mod fitness;
mod import;
mod import_limits;
mod inspection;
mod institutions;
mod least_privilege;
mod login_throttle;
mod migrations;
mod ops_backup;
mod ops_config;
mod ops_health;
mod ops_logs;
mod ops_security;
mod personal_data;
mod private;
mod public_service;
mod records;
mod safety;
mod schema;
mod scoping;
mod student_import;
mod students;
mod supervision;
mod teachers;
mod web_kit;
