//! Projects that need attention: stalled (no progress report for a set
//! number of days) and late phases (planned end passed, not finished).

use chrono::NaiveDate;

/// Days without a report after which an active project counts as stalled,
/// until the bureau sets another figure.
pub const DEFAULT_STALLED_DAYS: i64 = 30;

/// Whether a project last heard of on `last` (its latest report, or its
/// creation if it has none) is stalled on `today`: more than `days` days
/// have passed.
pub fn is_stalled(last: NaiveDate, today: NaiveDate, days: i64) -> bool {
    (today - last).num_days() > days
}

/// Whether a phase is late on `today`: its planned end has passed and it
/// has no actual end.
pub fn is_late(
    planned_end: Option<NaiveDate>,
    actual_end: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    actual_end.is_none() && planned_end.is_some_and(|p| p < today)
}

/// Whether a finished phase ended on time (by its planned end; no plan
/// counts as on time).
pub fn on_time(planned_end: Option<NaiveDate>, actual_end: NaiveDate) -> bool {
    planned_end.is_none_or(|p| actual_end <= p)
}
