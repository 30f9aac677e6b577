//! Time limits of documents: the receipt deadline (签收期限) in working
//! days (Saturdays and Sundays skipped; the bureau's holidays are not
//! known to the program), overdue checks and average durations.

use chrono::NaiveDate;

/// Working days an institution has to sign for a document (document_receipt).
pub const RECEIPT_DAYS: u32 = 3;

pub use crate::domain::limits::add_working_days;
use crate::domain::limits::Limit;

/// The day a document issued on `issued_on` must be signed for: `days`
/// working days later, or calendar days when `working_days` is false.
pub fn receipt_due(issued_on: NaiveDate, days: u32, working_days: bool) -> NaiveDate {
    Limit {
        days: i64::from(days),
        working_days,
    }
    .due(issued_on)
}

/// Whether something due on `due` is late: done after it, or not done and
/// `today` is past it.
pub fn is_overdue(due: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    done_on.unwrap_or(today) > due
}

/// The average of the days from each start to its end, `None` for none.
pub fn average_days(spans: &[(NaiveDate, NaiveDate)]) -> Option<f64> {
    if spans.is_empty() {
        return None;
    }
    let total: i64 = spans.iter().map(|(a, b)| (*b - *a).num_days()).sum();
    Some(total as f64 / spans.len() as f64)
}
