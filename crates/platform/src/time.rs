//! China time (北京时间). The bureau, its schools and every user live in
//! Asia/Shanghai, which has kept UTC+8 without daylight saving since 1991, so
//! a fixed offset is exact for every date the system stores. Instants are
//! stored in UTC; every date or time a user sees or types is Beijing time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

const OFFSET_SECONDS: i32 = 8 * 3600;

/// The UTC+8 offset of Asia/Shanghai.
pub fn beijing() -> FixedOffset {
    FixedOffset::east_opt(OFFSET_SECONDS).unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero"))
}

/// The current instant (stored as UTC).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date in China.
pub fn today() -> NaiveDate {
    local(now()).date_naive()
}

/// An instant as Beijing wall-clock time.
pub fn local(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&beijing())
}

/// A Beijing wall-clock time a user typed, as the instant it means.
pub fn from_local(wall: NaiveDateTime) -> DateTime<Utc> {
    match beijing().from_local_datetime(&wall) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        // A fixed offset has exactly one mapping; this arm is never taken.
        _ => Utc.from_utc_datetime(&(wall - chrono::Duration::seconds(OFFSET_SECONDS.into()))),
    }
}

/// The date an instant falls on in China.
pub fn date_of(at: DateTime<Utc>) -> NaiveDate {
    local(at).date_naive()
}

/// "2026-09-01 08:30" in Beijing time: the one way times are shown.
pub fn show_minute(at: DateTime<Utc>) -> String {
    local(at).format("%Y-%m-%d %H:%M").to_string()
}

/// "2026-09-01 08:30:05" in Beijing time, for logs people read.
pub fn show_second(at: DateTime<Utc>) -> String {
    local(at).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// "2026-09-01": the one way dates are shown.
pub fn show_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The value of an `<input type="datetime-local">` for an instant.
pub fn input_value(at: DateTime<Utc>) -> String {
    local(at).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads what a `datetime-local` input (or a person) typed: "2026-09-01T08:30",
/// "2026-09-01 08:30" or with seconds, as Beijing time.
pub fn parse_local(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .map(from_local)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().expect("rfc3339")
    }

    #[test]
    fn a_typed_time_means_beijing_time() {
        let t = parse_local("2026-07-01T09:00").expect("parses");
        assert_eq!(t, utc("2026-07-01T01:00:00Z"));
        assert_eq!(
            parse_local("2026-07-01 09:00:30"),
            Some(utc("2026-07-01T01:00:30Z"))
        );
        assert_eq!(input_value(t), "2026-07-01T09:00");
        assert_eq!(show_minute(t), "2026-07-01 09:00");
        assert_eq!(show_second(t), "2026-07-01 09:00:00");
        assert_eq!(parse_local("7月1日"), None);
    }

    #[test]
    fn the_date_turns_at_beijing_midnight() {
        assert_eq!(
            date_of(utc("2026-08-31T15:59:59Z")).to_string(),
            "2026-08-31"
        );
        assert_eq!(
            date_of(utc("2026-08-31T16:00:00Z")).to_string(),
            "2026-09-01"
        );
        assert_eq!(
            show_date(date_of(utc("2026-08-31T16:00:00Z"))),
            "2026-09-01"
        );
    }

    #[test]
    fn round_trip_through_the_wall_clock() {
        let at = utc("2026-12-07T02:18:49Z");
        assert_eq!(from_local(local(at).naive_local()), at);
        assert_eq!(local(at).offset().local_minus_utc(), 8 * 3600);
        assert!(today() >= date_of(at) || now() < at);
    }
}
