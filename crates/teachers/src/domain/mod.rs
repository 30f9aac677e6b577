//! Pure rules of the teachers area: no I/O.

pub mod kinds;

pub use kinds::*;

pub mod assessment;
pub mod recruitment;
pub mod reports;
pub mod staff;
pub mod teams;
pub mod titles;
pub mod training;
