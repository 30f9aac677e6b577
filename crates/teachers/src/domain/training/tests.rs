use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

#[test]
fn a_date_belongs_to_the_cycle_of_its_year() {
    assert_eq!(Cycle::containing(2022, d(2022, 1, 1)).first_year, 2022);
    assert_eq!(Cycle::containing(2022, d(2026, 12, 31)).first_year, 2022);
    assert_eq!(Cycle::containing(2022, d(2027, 1, 1)).first_year, 2027);
    assert_eq!(Cycle::containing(2022, d(2021, 12, 31)).first_year, 2017);
    assert_eq!(Cycle::containing(2022, d(2017, 1, 1)).first_year, 2017);
    assert_eq!(Cycle::containing(2022, d(2016, 6, 1)).first_year, 2012);
    let c = Cycle { first_year: 2022 };
    assert_eq!(c.last_year(), 2026);
    assert_eq!(c.starts_on(), d(2022, 1, 1));
    assert_eq!(c.ends_on(), d(2026, 12, 31));
    assert_eq!(c.label(), "2022—2026年周期");
    assert!(c.contains(d(2022, 1, 1)));
    assert!(c.contains(d(2026, 12, 31)));
    assert!(!c.contains(d(2021, 12, 31)));
    assert!(!c.contains(d(2027, 1, 1)));
}

#[test]
fn only_ended_years_count() {
    let c = Cycle { first_year: 2022 };
    assert_eq!(c.years_ended(d(2021, 5, 1)), 0);
    assert_eq!(c.years_ended(d(2022, 12, 31)), 0);
    assert_eq!(c.years_ended(d(2023, 1, 1)), 1);
    assert_eq!(c.years_ended(d(2026, 12, 31)), 4);
    assert_eq!(c.years_ended(d(2027, 1, 1)), 5);
    assert_eq!(c.years_ended(d(2040, 1, 1)), 5);
}

#[test]
fn hours_due_are_pro_rata_rounded_up() {
    assert_eq!(hours_due(360, 0), 0);
    assert_eq!(hours_due(360, 1), 72);
    assert_eq!(hours_due(360, 4), 288);
    assert_eq!(hours_due(360, 5), 360);
    assert_eq!(hours_due(361, 1), 73);
    assert_eq!(hours_due(362, 2), 145);
    assert_eq!(hours_due(365, 1), 73);
    assert_eq!(hours_due(360, 9), 360);
    assert_eq!(hours_due(360, -1), 0);
}

#[test]
fn progress_has_three_states_with_inclusive_thresholds() {
    assert_eq!(progress(360, 360, 288), Progress::Met);
    assert_eq!(progress(400, 360, 288), Progress::Met);
    assert_eq!(progress(359, 360, 288), Progress::OnTrack);
    assert_eq!(progress(288, 360, 288), Progress::OnTrack);
    assert_eq!(progress(287, 360, 288), Progress::Behind);
    assert_eq!(progress(0, 360, 0), Progress::OnTrack);
    assert_eq!(progress(0, 360, 72), Progress::Behind);
    assert_eq!(Progress::Met.label(), "达标");
    assert_eq!(Progress::OnTrack.label(), "进度正常");
    assert_eq!(Progress::Behind.label(), "进度落后");
}

#[test]
fn a_requirement_is_read_for_a_day() {
    let r = Requirement::on(2022, 360, d(2026, 12, 7));
    assert_eq!(r.cycle.first_year, 2022);
    assert_eq!(r.required, 360);
    assert_eq!(r.due, 288);
    assert_eq!(r.progress(300), Progress::OnTrack);
    assert_eq!(r.progress(200), Progress::Behind);
    assert_eq!(r.progress(360), Progress::Met);
    let next = Requirement::on(2022, 360, d(2027, 3, 1));
    assert_eq!(next.cycle.first_year, 2027);
    assert_eq!(next.due, 0);
}

#[test]
fn settings_are_checked_with_messages() {
    assert_eq!(parse_first_year(" 2022 "), Ok(2022));
    assert_eq!(parse_first_year("2000"), Ok(2000));
    assert_eq!(parse_first_year("2100"), Ok(2100));
    assert!(parse_first_year("1999").unwrap_err().contains("1999"));
    assert!(parse_first_year("2101").is_err());
    assert!(parse_first_year("二〇二二").is_err());
    assert_eq!(parse_required_hours("360"), Ok(360));
    assert_eq!(parse_required_hours("2000"), Ok(2000));
    let e = parse_required_hours("359").unwrap_err();
    assert!(e.contains("不少于 360"), "{e}");
    assert!(parse_required_hours("2001").is_err());
    assert!(parse_required_hours("abc").is_err());
}

#[test]
fn attendance_must_fit_the_session() {
    let s = SessionSpan {
        starts_on: d(2026, 3, 2),
        ends_on: d(2026, 3, 4),
        hours: 24,
    };
    let fields = |on, h| -> Vec<&str> {
        check_attendance(s, on, h)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    };
    assert!(fields(d(2026, 3, 2), 24).is_empty());
    assert!(fields(d(2026, 3, 4), 1).is_empty());
    assert_eq!(fields(d(2026, 3, 1), 8), ["attended_on"]);
    assert_eq!(fields(d(2026, 3, 5), 8), ["attended_on"]);
    assert_eq!(fields(d(2026, 3, 3), 0), ["hours"]);
    assert_eq!(fields(d(2026, 3, 3), -3), ["hours"]);
    assert_eq!(fields(d(2026, 3, 9), 25), ["attended_on", "hours"]);
    let (field, message) = check_attendance(s, d(2026, 3, 3), 25).remove(0);
    assert_eq!(field, "hours");
    assert!(message.contains("1 至 24"), "{message}");
    let (_, message) = check_attendance(s, d(2026, 3, 1), 8).remove(0);
    assert!(message.contains("2026-03-02 至 2026-03-04"), "{message}");
}

proptest! {
    #[test]
    fn every_date_is_in_exactly_its_cycle(anchor in 2000i32..2100, y in 1950i32..2150, doy in 1u32..365) {
        let date = NaiveDate::from_yo_opt(y, doy).expect("date");
        let c = Cycle::containing(anchor, date);
        prop_assert!(c.contains(date));
        prop_assert!(c.starts_on() <= date && date <= c.ends_on());
        prop_assert_eq!((c.first_year - anchor).rem_euclid(CYCLE_YEARS), 0);
    }

    #[test]
    fn hours_due_grow_with_time_and_never_pass_the_requirement(required in 0i64..3000, years in 0i32..5) {
        let now = hours_due(required, years);
        let later = hours_due(required, years + 1);
        prop_assert!(now <= later);
        prop_assert!(later <= required);
        prop_assert!(now * i64::from(CYCLE_YEARS) >= required * i64::from(years));
        prop_assert!((now - 1) * i64::from(CYCLE_YEARS) < required * i64::from(years));
    }

    #[test]
    fn more_hours_never_worsen_progress(h in 0i64..1000, extra in 0i64..100, years in 0i32..=5) {
        let due = hours_due(360, years);
        let rank = |p: Progress| match p { Progress::Behind => 0, Progress::OnTrack => 1, Progress::Met => 2 };
        prop_assert!(rank(progress(h, 360, due)) <= rank(progress(h + extra, 360, due)));
    }
}
