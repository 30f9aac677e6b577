//! Pure rules of the area: no I/O.

pub mod activities;
pub mod analytics;
pub mod cards;
pub mod courses;
pub mod network;
