//! What users do to student records, each in one transaction with its audit
//! entry; pages, the API, the command line and imports come through here.

pub mod dropout;
pub mod import;
pub mod left_behind;
pub mod lifecycle;
pub mod promotion;

use chrono::NaiveDate;

/// Today, in China (the platform's one clock).
pub use platform::time::today;

/// The school year (学年) running on `day`, by the platform's one
/// definition ([`platform::vocab::SchoolYear`]), as its starting year.
pub fn school_year_of(day: NaiveDate) -> i64 {
    platform::vocab::SchoolYear::of(day).0
}
