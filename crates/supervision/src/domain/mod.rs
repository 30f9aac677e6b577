//! Pure rules of the area: no I/O.

pub mod inspectors;
pub mod reviews;
