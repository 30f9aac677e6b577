//! Storage: SQL built with `Sql`; every read of institution-owned rows
//! takes a `Scope` and filters in SQL.

pub mod campaigns;
pub mod evidence;
pub mod frameworks;
pub mod orders;
