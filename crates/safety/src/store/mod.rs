//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod buses;
pub mod drills;
pub mod hazards;
pub mod incidents;
