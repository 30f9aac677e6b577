use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::epidemic::{check_end, last_case_on, may_end_on, MAX_OBSERVATION_DAYS};
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn at(day: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    day.and_hms_opt(h, m, 0).expect("time")
}

fn incident() -> IncidentInput {
    IncidentInput {
        occurred_at: at(d(2026, 11, 20), 16, 40),
        kind: IncidentKind::Injury,
        injured: 1,
        deaths: 0,
        description: "课间追逐摔倒，左臂骨折".into(),
        measures: "送医，通知家长".into(),
        reported_by: "王老师".into(),
    }
}

fn keys(e: Vec<FieldError>) -> Vec<String> {
    e.into_iter().map(|e| e.field).collect()
}

#[test]
fn an_incident_needs_a_past_time_counts_a_description_and_a_reporter() {
    let now = at(d(2026, 12, 7), 9, 0);
    assert!(incident().check(now).is_empty());
    let mut i = incident();
    i.occurred_at = now;
    assert!(i.check(now).is_empty(), "now itself is not the future");
    i.occurred_at = now + Duration::minutes(1);
    i.injured = -1;
    i.deaths = -1;
    i.description = " ".into();
    i.reported_by = String::new();
    assert_eq!(
        keys(i.check(now)),
        [
            "occurred_at",
            "injured",
            "deaths",
            "description",
            "reported_by"
        ]
    );
}

#[test]
fn handling_goes_forward_one_step_and_closes_with_a_follow_up() {
    use IncidentStatus::*;
    assert_eq!(Reported.next(), Some(Handling));
    assert_eq!(Handling.next(), Some(Closed));
    assert_eq!(Closed.next(), None);
    assert!(Reported.advance(Handling, "").is_ok());
    assert!(Handling.advance(Closed, "已赔付，加强课间巡查").is_ok());
    assert_eq!(
        Handling.advance(Closed, "  ").unwrap_err(),
        "结案须写明处理结果"
    );
    let skip = Reported.advance(Closed, "处理完毕").unwrap_err();
    assert!(skip.contains("下一步只能是“处置中”"), "{skip}");
    assert!(Handling.advance(Reported, "").is_err());
    assert!(Reported.advance(Reported, "").is_err());
    assert_eq!(
        Closed.advance(Handling, "x").unwrap_err(),
        "事故已结案，不能再变更状态"
    );
}

#[test]
fn diseases_carry_their_observation_days() {
    let days: Vec<i64> = Disease::ALL.iter().map(|d| d.observation_days()).collect();
    assert_eq!(days, [7, 3, 10, 21, 25, 14]);
}

#[test]
fn an_event_starts_in_the_past_with_a_sane_observation() {
    let today = d(2026, 12, 7);
    let mut e = EpidemicInput {
        disease: Disease::Influenza,
        first_case_on: today,
        observation_days: None,
        note: String::new(),
    };
    assert!(e.check(today).is_empty());
    assert_eq!(e.observation(), 7);
    e.observation_days = Some(MAX_OBSERVATION_DAYS);
    assert!(e.check(today).is_empty());
    e.observation_days = Some(1);
    assert_eq!(e.observation(), 1);
    assert!(e.check(today).is_empty());
    e.observation_days = Some(0);
    e.first_case_on = today + Duration::days(1);
    assert_eq!(keys(e.check(today)), ["first_case_on", "observation_days"]);
    e.observation_days = Some(MAX_OBSERVATION_DAYS + 1);
    e.first_case_on = today;
    assert_eq!(keys(e.check(today)), ["observation_days"]);
}

#[test]
fn a_daily_report_falls_between_the_first_case_and_today() {
    let (first, today) = (d(2026, 12, 1), d(2026, 12, 7));
    let mut r = EpidemicReport {
        reported_on: first,
        new_cases: 0,
        absent: 0,
        classes: String::new(),
    };
    assert!(r.check(first, today).is_empty());
    r.reported_on = today;
    assert!(r.check(first, today).is_empty());
    r.reported_on = first - Duration::days(1);
    assert!(r.check(first, today)[0].message.contains("2026-12-01"));
    r.reported_on = today + Duration::days(1);
    r.new_cases = -1;
    r.absent = -2;
    assert_eq!(
        keys(r.check(first, today)),
        ["reported_on", "new_cases", "absent"]
    );
}

#[test]
fn the_last_case_is_the_latest_day_with_new_cases() {
    let first = d(2026, 12, 1);
    assert_eq!(last_case_on(first, &[]), first);
    let reports = [
        (d(2026, 12, 2), 3),
        (d(2026, 12, 4), 1),
        (d(2026, 12, 5), 0),
    ];
    assert_eq!(last_case_on(first, &reports), d(2026, 12, 4));
    assert_eq!(last_case_on(first, &[(d(2026, 11, 30), 2)]), first);
}

#[test]
fn an_event_ends_only_after_its_observation_days() {
    let last = d(2026, 12, 4);
    let today = d(2026, 12, 31);
    assert_eq!(may_end_on(last, 7), d(2026, 12, 11));
    assert!(check_end(last, 7, d(2026, 12, 11), today).is_ok());
    let early = check_end(last, 7, d(2026, 12, 10), today).unwrap_err();
    assert!(early.contains("最早 2026-12-11"), "{early}");
    assert_eq!(
        check_end(last, 7, d(2027, 1, 1), today).unwrap_err(),
        "结束日期不能晚于今天"
    );
    assert!(check_end(last, 7, today, today).is_ok());
}

proptest! {
    #[test]
    fn ending_is_allowed_exactly_from_the_last_case_plus_observation(
        gap in 0i64..60, days in 1i64..30, first in 0i64..20,
    ) {
        let start = d(2026, 10, 1) + Duration::days(first);
        let reports = [(start + Duration::days(gap), 1), (start + Duration::days(gap + 1), 0)];
        let last = last_case_on(start, &reports);
        prop_assert_eq!(last, start + Duration::days(gap));
        let earliest = may_end_on(last, days);
        let today = earliest + Duration::days(5);
        prop_assert!(check_end(last, days, earliest, today).is_ok());
        prop_assert!(check_end(last, days, earliest - Duration::days(1), today).is_err());
    }
}
