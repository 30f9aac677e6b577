//! Storage of admission rounds, applications and allocation runs.

pub mod applications;
pub mod rounds;
pub mod runs;
