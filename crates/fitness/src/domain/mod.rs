//! Pure rules: no I/O.

pub mod item;
pub mod measure;
pub mod score;
pub mod standard;

pub use item::Item;
pub use measure::Measure;
pub use score::{graduation_total, FitnessError, ItemScore, Measurements, Scored, Tenths};
pub use standard::{standard, Standard};

pub mod reports;
pub mod results;
#[cfg(test)]
mod score_cells_tests;
#[cfg(test)]
mod score_tests;
#[cfg(test)]
mod standard_tests;
