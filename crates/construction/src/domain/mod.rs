//! Pure rules of the area: no I/O.

pub mod kinds;

pub use kinds::*;

pub mod estate;
pub mod progress;
pub mod projects;
