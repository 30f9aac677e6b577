//! Services: permission, validation, one transaction, audit.

pub mod pending;
pub mod reports;
pub mod results;
