//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod estate;
pub mod progress;
pub mod projects;
