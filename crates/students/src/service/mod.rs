//! What users do to student records, each in one transaction with its audit
//! entry; pages, the API, the command line and imports come through here.

pub mod dropout;
pub mod import;
pub mod left_behind;
pub mod lifecycle;

use chrono::{Datelike, NaiveDate, Utc};

/// Today, in China Standard Time.
pub fn today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(8)).date_naive()
}

/// The school year (学年) running on `day`: it starts on 1 September.
pub fn school_year_of(day: NaiveDate) -> i64 {
    if day.month() >= 9 {
        day.year() as i64
    } else {
        day.year() as i64 - 1
    }
}
