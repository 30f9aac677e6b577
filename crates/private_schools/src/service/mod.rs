//! Services: permission, validation, one transaction, audit.

pub mod closures;
pub mod indicators;
pub mod inspections;
pub mod overview;
pub mod pending;
pub mod unlicensed;
