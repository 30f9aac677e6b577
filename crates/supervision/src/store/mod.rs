//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub(crate) mod demo;
pub mod inspectors;
pub mod reviews;
