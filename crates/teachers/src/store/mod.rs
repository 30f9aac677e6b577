//! Storage of the teachers area: SQL built with `Sql`; every read of
//! institution-owned rows takes a `Scope` and filters in SQL.

pub mod assessment;
pub mod recruitment;
pub mod reports;
pub mod staff;
pub mod staff_list;
pub mod teams;
pub mod titles;
pub mod training;
