//! Integration tests of every route, through a real server on a real
//! database, each run on SQLite and on PostgreSQL.

#[path = "../common/mod.rs"]
mod common;

mod admissions;
mod aid;
mod areas;
mod audit;
mod auth;
mod bulk_load;
mod dropout;
mod exports;
mod import;
mod institutions;
mod migrations;
mod personal_data;
mod scoping;
mod student_import;
mod students;
mod web_kit;
