//! Pure rules: no I/O.

pub mod distribution;
pub mod lines;
pub mod quality;
pub mod ranking;
pub mod report;
pub mod results;

pub use distribution::{distribution, Bin};
pub use lines::{over_line, rate_change, year_on_year, Change, RateChange, Score};
pub use ranking::competition_ranks;
pub use results::{parse_score, show_score, within_max, ExamKind, SchoolCounts};

#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod tests;
