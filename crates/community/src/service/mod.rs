//! Services: permission, validation, one transaction, audit.

pub mod activities;
pub mod analytics;
pub mod cards;
pub mod courses;
pub mod network;
pub mod pending;
