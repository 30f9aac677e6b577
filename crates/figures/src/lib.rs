//! Figures as bureau documents write them: "19人，比去年增加7人，增长率
//! 36.8%". `rate` holds the arithmetic (growth rate, percentage points,
//! share) with the rounding a reader expects; `number` reads the numbers
//! of Chinese text; `check` finds the figures of a text that do not follow
//! from each other and says what they should be.

pub mod check;
pub mod number;
pub mod rate;

pub use check::{check, Finding};
pub use number::{numbers, Number};
pub use rate::{growth_rate, share, Decimal};

#[cfg(test)]
mod check_tests;
