//! Pure rules of the area: no I/O.

pub mod closures;
pub mod inspections;
pub mod unlicensed;
