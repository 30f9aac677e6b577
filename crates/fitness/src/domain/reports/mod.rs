//! Pure rules of fitness reports: the counts of a class, school, township
//! or the district turned into shares, pass rates and trends, and what a
//! report card shows (each item's rating, results with their units, the
//! 毕业成绩's years).

mod card;
mod counts;

pub use card::{format_result, graduation, unit, GradeTotal};
pub use counts::{coverage, share, trend, Band, BmiCategory, Counts, TrendPoint, ITEM_PASS};

#[cfg(test)]
mod tests;
