//! Services: permission, validation, one transaction, audit.

pub mod inspectors;
pub mod pending;
pub mod reviews;
