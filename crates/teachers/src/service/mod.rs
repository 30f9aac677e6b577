//! Services of the teachers area: permission, validation, one transaction,
//! audit.

pub mod assessment;
mod demo_rng;
pub mod pending;
pub mod recruitment;
pub mod reports;
pub mod staff;
pub mod teams;
pub mod titles;
pub mod training;
