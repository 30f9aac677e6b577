//! 办理时限: the time limits of the area (信访, 依申请公开) with their
//! defaults, and the deadline a limit gives from a starting day, in calendar
//! or working days (工作日: Monday to Friday; the bureau's settings in
//! `public_time_limits` override the defaults).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A time limit: so many days, counted as calendar or working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub days: i64,
    pub working_days: bool,
}

/// A limit's key, its default and its name.
pub struct Default {
    pub key: &'static str,
    pub limit: Limit,
    pub label: &'static str,
}

const fn limit(key: &'static str, days: i64, working_days: bool, label: &'static str) -> Default {
    Default {
        key,
        limit: Limit { days, working_days },
        label,
    }
}

/// 依申请公开: reply within 20 working days of receipt.
pub const DISCLOSURE_REPLY: &str = "disclosure.reply";
/// 依申请公开: 20 more working days when the reply is extended.
pub const DISCLOSURE_EXTENSION: &str = "disclosure.extension";

/// 电子公文: an institution signs for a document within 3 working days.
pub const DOCUMENT_RECEIPT: &str = "document.receipt";

/// Every limit of the area with its default (the keys `public_time_limits`
/// may override).
pub const DEFAULTS: &[Default] = &[
    limit("petition.accept", 15, false, "信访事项受理告知"),
    limit("petition.reply", 60, false, "信访事项办理答复"),
    limit("petition.extension", 30, false, "信访事项延期办理"),
    limit(DISCLOSURE_REPLY, 20, true, "依申请公开答复"),
    limit(DISCLOSURE_EXTENSION, 20, true, "依申请公开延期答复"),
    limit(DOCUMENT_RECEIPT, 3, true, "公文签收"),
];

/// The default of `key`, if it is one of the area's limits.
pub fn default_of(key: &str) -> Option<Limit> {
    DEFAULTS.iter().find(|d| d.key == key).map(|d| d.limit)
}

/// Whether `day` is a working day (Monday to Friday).
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day `n` working days after `start` (the start day itself does not
/// count; `n` ≤ 0 gives `start`; the calendar's last day stays the last).
pub fn add_working_days(start: NaiveDate, n: i64) -> NaiveDate {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => return day,
        }
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

impl Limit {
    /// The last day of the limit counted from `start`.
    pub fn due(self, start: NaiveDate) -> NaiveDate {
        if self.working_days {
            add_working_days(start, self.days)
        } else {
            start
                .checked_add_days(Days::new(self.days.max(0) as u64))
                .unwrap_or(NaiveDate::MAX)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-12-04 is a Friday.
        assert!(is_working_day(d(2026, 12, 4)));
        assert!(!is_working_day(d(2026, 12, 5)));
        assert!(!is_working_day(d(2026, 12, 6)));
        assert!(is_working_day(d(2026, 12, 7)));
        assert_eq!(add_working_days(d(2026, 12, 4), 1), d(2026, 12, 7));
        assert_eq!(add_working_days(d(2026, 12, 5), 1), d(2026, 12, 7));
        assert_eq!(add_working_days(d(2026, 12, 7), 4), d(2026, 12, 11));
        assert_eq!(add_working_days(d(2026, 12, 7), 5), d(2026, 12, 14));
        assert_eq!(add_working_days(d(2026, 12, 7), 20), d(2027, 1, 4));
        assert_eq!(add_working_days(d(2026, 12, 7), 0), d(2026, 12, 7));
        assert_eq!(add_working_days(d(2026, 12, 7), -3), d(2026, 12, 7));
    }

    #[test]
    fn limits_count_their_own_kind_of_day() {
        let calendar = Limit {
            days: 15,
            working_days: false,
        };
        assert_eq!(calendar.due(d(2026, 12, 4)), d(2026, 12, 19));
        let working = Limit {
            days: 20,
            working_days: true,
        };
        assert_eq!(working.due(d(2026, 12, 7)), d(2027, 1, 4));
        assert_eq!(
            Limit {
                days: -1,
                working_days: false
            }
            .due(d(2026, 1, 1)),
            d(2026, 1, 1)
        );
        assert_eq!(
            default_of(DISCLOSURE_REPLY),
            Some(Limit {
                days: 20,
                working_days: true
            })
        );
        assert_eq!(
            default_of("petition.reply"),
            Some(Limit {
                days: 60,
                working_days: false
            })
        );
        assert_eq!(default_of("nothing"), None);
    }

    proptest! {
        #[test]
        fn working_deadlines_land_on_working_days_after_start(
            offset in 0i64..3000, n in 1i64..60
        ) {
            let start = d(2024, 1, 1) + Days::new(offset as u64);
            let due = add_working_days(start, n);
            prop_assert!(is_working_day(due));
            prop_assert!(due > start);
            // n working days span at most n + 2·(n/5 + 1) calendar days.
            let span = (due - start).num_days();
            prop_assert!(span >= n && span <= n + 2 * (n / 5 + 1));
            let counted = (1..=span)
                .filter(|k| is_working_day(start + Days::new(*k as u64)))
                .count() as i64;
            prop_assert_eq!(counted, n);
        }
    }
}
