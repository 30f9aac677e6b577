//! Pure rules: no I/O.

pub mod distribution;
pub mod lines;
pub mod ranking;

pub use distribution::{distribution, Bin};
pub use lines::{over_line, rate_change, year_on_year, Change, RateChange, Score};
pub use ranking::competition_ranks;

pub mod quality;
pub mod results;
#[cfg(test)]
mod tests;
