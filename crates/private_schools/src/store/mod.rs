//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod closures;
pub mod inspections;
pub mod overview;
pub mod unlicensed;
