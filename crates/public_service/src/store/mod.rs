//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod disclosure;
pub mod documents;
pub mod files;
pub mod notices;
pub mod petitions;
