//! Services: permission, validation, one transaction, audit.

pub mod estate;
pub mod indicators;
pub mod pending;
pub mod progress;
pub mod projects;
