//! Services: permission, validation, one transaction, audit.

pub mod buses;
pub mod drills;
pub mod hazards;
pub mod incidents;
pub mod pending;
