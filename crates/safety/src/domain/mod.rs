//! Pure rules of the area: no I/O.

pub mod buses;
pub mod drills;
pub mod hazards;
pub mod incidents;
