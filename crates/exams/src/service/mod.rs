//! Services: permission, validation, one transaction, audit.

pub mod pending;
pub mod quality;
pub mod results;
