use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn at(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    d.and_time(time(h, m))
}

fn tuesdays() -> WeeklyRule {
    WeeklyRule {
        weekday: Weekday::Tue,
        start: time(14, 0),
        end: time(16, 0),
    }
}

#[test]
fn weekly_rule_gives_every_matching_day_between_first_and_last() {
    // 2026-09-01 is a Tuesday.
    let m = tuesdays().meetings(day(2026, 9, 1), day(2026, 9, 29));
    let days: Vec<_> = m.iter().map(|s| s.0.date()).collect();
    assert_eq!(
        days,
        [
            day(2026, 9, 1),
            day(2026, 9, 8),
            day(2026, 9, 15),
            day(2026, 9, 22),
            day(2026, 9, 29)
        ]
    );
    assert_eq!(
        m[0],
        (at(day(2026, 9, 1), 14, 0), at(day(2026, 9, 1), 16, 0))
    );
    // Starting on a Wednesday, the first meeting is the next Tuesday.
    let m = tuesdays().meetings(day(2026, 9, 2), day(2026, 9, 8));
    assert_eq!(
        m,
        [(at(day(2026, 9, 8), 14, 0), at(day(2026, 9, 8), 16, 0))]
    );
    // Monday before: the next day.
    assert_eq!(
        tuesdays().meetings(day(2026, 8, 31), day(2026, 9, 1)).len(),
        1
    );
    assert!(tuesdays()
        .meetings(day(2026, 9, 2), day(2026, 9, 7))
        .is_empty());
    assert!(tuesdays()
        .meetings(day(2026, 9, 8), day(2026, 9, 1))
        .is_empty());
    let sundays = WeeklyRule {
        weekday: Weekday::Sun,
        ..tuesdays()
    };
    assert_eq!(
        sundays.meetings(day(2026, 9, 1), day(2026, 9, 6))[0]
            .0
            .date(),
        day(2026, 9, 6)
    );
}

#[test]
fn weekly_rule_stops_at_the_most_meetings() {
    let m = tuesdays().meetings(day(2020, 1, 1), day(2030, 1, 1));
    assert_eq!(m.len(), MAX_MEETINGS);
}

#[test]
fn rule_is_read_as_typed() {
    assert_eq!(WeeklyRule::parse("", " ", "").unwrap(), None);
    assert_eq!(
        WeeklyRule::parse("2", "14:00", "16:00").unwrap(),
        Some(tuesdays())
    );
    assert_eq!(
        WeeklyRule::parse("周二", "14:00:00", "16:00").unwrap(),
        Some(tuesdays())
    );
    assert_eq!(tuesdays().describe(), "每周二 14:00–16:00");
    let e = WeeklyRule::parse("8", "1400", "").unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["weekday", "starts", "ends"]);
    let e = WeeklyRule::parse("2", "16:00", "16:00").unwrap_err();
    assert_eq!(e[0].field, "ends");
    assert!(e[0].message.contains("晚于"));
    assert!(WeeklyRule::parse("2", "17:00", "16:00").is_err());
}

#[test]
fn weekdays_by_number_and_name() {
    let all = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    for (k, w) in all.iter().enumerate() {
        assert_eq!(parse_weekday(&(k + 1).to_string()), Some(*w));
    }
    for (s, w) in [
        ("一", Weekday::Mon),
        ("星期三", Weekday::Wed),
        ("每周五", Weekday::Fri),
        ("六", Weekday::Sat),
        ("日", Weekday::Sun),
        ("天", Weekday::Sun),
        ("七", Weekday::Sun),
    ] {
        assert_eq!(parse_weekday(s), Some(w), "{s}");
    }
    for s in ["0", "8", "", "x", "-1"] {
        assert_eq!(parse_weekday(s), None, "{s}");
    }
}

#[test]
fn overlapping_meetings_are_found_touching_ones_are_not() {
    let d = day(2026, 9, 1);
    let a = (at(d, 14, 0), at(d, 16, 0));
    assert!(overlaps(&a, &(at(d, 15, 0), at(d, 17, 0))));
    assert!(overlaps(&a, &(at(d, 13, 0), at(d, 14, 1))));
    assert!(overlaps(&a, &(at(d, 14, 30), at(d, 15, 0))));
    assert!(!overlaps(&a, &(at(d, 16, 0), at(d, 17, 0))));
    assert!(!overlaps(&a, &(at(d, 12, 0), at(d, 14, 0))));
    let list = [a, (at(d, 18, 0), at(d, 19, 0))];
    assert_eq!(
        first_overlap(&list, &(at(d, 18, 30), at(d, 20, 0))),
        Some(1)
    );
    assert_eq!(first_overlap(&list, &(at(d, 16, 0), at(d, 18, 0))), None);
    assert_eq!(overlap_within(&list), None);
    assert_eq!(
        overlap_within(&[list[1], a, (at(d, 15, 0), at(d, 15, 30))]),
        Some(1)
    );
    assert_eq!(overlap_within::<i32>(&[]), None);
}

#[test]
fn attendance_window_has_its_tolerance_on_both_sides() {
    let d = day(2026, 9, 1);
    let span = (at(d, 14, 0), at(d, 16, 0));
    assert!(within_window(&span, at(d, 13, 30)));
    assert!(!within_window(&span, at(d, 13, 29)));
    assert!(within_window(&span, at(d, 16, 30)));
    assert!(!within_window(&span, at(d, 16, 31)));
    assert!(within_window(&span, at(d, 15, 0)));
    assert_eq!(length_minutes(&span), 120);
}

#[test]
fn attended_minutes_default_to_the_meeting_and_never_exceed_it() {
    assert_eq!(attended_minutes(120, None), Ok(120));
    assert_eq!(attended_minutes(120, Some(120)), Ok(120));
    assert_eq!(attended_minutes(120, Some(1)), Ok(1));
    assert!(attended_minutes(120, Some(121))
        .unwrap_err()
        .contains("1 到 120"));
    assert!(attended_minutes(120, Some(0)).is_err());
    assert!(attended_minutes(0, None).is_err());
    assert!(attended_minutes(1, None).is_ok());
}

proptest! {
    #[test]
    fn generated_meetings_fall_on_the_weekday_within_the_days(
        first in 0i64..3000, len in 0i64..800, wd in 1u8..=7, h in 6u32..20, dur in 1u32..180,
    ) {
        let first = day(2020, 1, 1) + Duration::days(first);
        let last = first + Duration::days(len);
        let rule = WeeklyRule {
            weekday: parse_weekday(&wd.to_string()).unwrap(),
            start: time(h, 0),
            end: time(h, 0) + Duration::minutes(dur.into()),
        };
        let m = rule.meetings(first, last);
        prop_assert!(m.len() <= MAX_MEETINGS);
        prop_assert_eq!(overlap_within(&m), None);
        for (s, e) in &m {
            prop_assert!(s.date() >= first && s.date() <= last);
            prop_assert_eq!(chrono::Datelike::weekday(&s.date()), rule.weekday);
            prop_assert_eq!(length_minutes(&(*s, *e)), i64::from(dur));
        }
        let expected = ((len + 1) / 7) as usize;
        prop_assert!(m.len() == expected.min(MAX_MEETINGS) || m.len() == (expected + 1).min(MAX_MEETINGS));
    }

    #[test]
    fn overlap_is_symmetric(a in 0i32..100, b in 1i32..50, c in 0i32..100, d in 1i32..50) {
        let x = (a, a + b);
        let y = (c, c + d);
        prop_assert_eq!(overlaps(&x, &y), overlaps(&y, &x));
        prop_assert_eq!(overlaps(&x, &y), a < c + d && c < a + b);
    }

    #[test]
    fn rule_parsing_never_panics(w in ".{0,8}", s in ".{0,10}", e in ".{0,10}") {
        let _ = WeeklyRule::parse(&w, &s, &e);
    }
}
