//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod activities;
pub mod analytics;
pub mod cards;
pub mod courses;
pub mod network;
