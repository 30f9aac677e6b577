//! Services: permission, validation, one transaction, audit.

pub mod closures;
pub mod inspections;
pub mod pending;
pub mod unlicensed;
