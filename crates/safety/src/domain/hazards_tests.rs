use chrono::NaiveDate;
use inspection::domain::OrderStatus;
use platform::text_enum::assert_keys_and_labels_parse_back;
use proptest::prelude::*;

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn input() -> HazardInput {
    HazardInput {
        institution_id: Some(3),
        category: "fire".into(),
        risk_level: "major".into(),
        location: " 教学楼二层 ".into(),
        description: "灭火器过期".into(),
        found_on: "2026-03-14".into(),
        campaign_id: None,
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn codes_parse_back() {
    assert_keys_and_labels_parse_back::<HazardCategory>();
    assert_keys_and_labels_parse_back::<RiskLevel>();
    assert_keys_and_labels_parse_back::<HazardOrigin>();
    assert_keys_and_labels_parse_back::<HazardState>();
    assert_eq!(HazardCategory::ALL.len(), 7);
}

#[test]
fn a_hazard_follows_its_order() {
    assert_eq!(HazardState::of(None), HazardState::Reported);
    assert_eq!(
        HazardState::of(Some(OrderStatus::Issued)),
        HazardState::Ordered
    );
    assert_eq!(
        HazardState::of(Some(OrderStatus::Responded)),
        HazardState::Responded
    );
    assert_eq!(
        HazardState::of(Some(OrderStatus::Reopened)),
        HazardState::Reopened
    );
    assert_eq!(
        HazardState::of(Some(OrderStatus::Closed)),
        HazardState::Rectified
    );
    for s in HazardState::ALL {
        assert_eq!(HazardState::of(s.order_status()), *s);
        assert_eq!(s.is_open(), *s != HazardState::Rectified);
    }
}

#[test]
fn a_hazard_is_ordered_fixed_once() {
    assert_eq!(may_order(None), Ok(()));
    for s in OrderStatus::ALL {
        assert_eq!(may_order(Some(*s)), Err(HazardError::AlreadyOrdered));
    }
}

#[test]
fn the_deadline_shortens_with_the_risk() {
    let today = day("2026-12-28");
    assert_eq!(
        suggested_deadline(RiskLevel::Severe, today),
        day("2027-01-04")
    );
    assert_eq!(
        suggested_deadline(RiskLevel::Major, today),
        day("2027-01-12")
    );
    assert_eq!(
        suggested_deadline(RiskLevel::General, today),
        day("2027-01-27")
    );
    assert_eq!(
        suggested_deadline(RiskLevel::General, NaiveDate::MAX),
        NaiveDate::MAX
    );
}

#[test]
fn percent_of_nothing_is_none() {
    assert_eq!(percent(0, 0), None);
    assert_eq!(percent(1, 4), Some(25.0));
    assert_eq!(percent(3, 3), Some(100.0));
}

#[test]
fn a_good_report_is_trimmed_and_typed() {
    let d = input().parse(day("2026-03-14")).unwrap();
    assert_eq!(
        d,
        HazardDraft {
            category: HazardCategory::Fire,
            risk_level: RiskLevel::Major,
            location: "教学楼二层".into(),
            description: "灭火器过期".into(),
            found_on: day("2026-03-14"),
            origin: HazardOrigin::Report,
        }
    );
    let from_check = HazardInput {
        campaign_id: Some(9),
        found_on: String::new(),
        category: "消防".into(),
        ..input()
    };
    let d = from_check.parse(day("2026-04-01")).unwrap();
    assert_eq!(d.origin, HazardOrigin::Check);
    assert_eq!(d.found_on, day("2026-04-01"));
    assert_eq!(d.category, HazardCategory::Fire);
}

#[test]
fn every_bad_field_is_named_at_once() {
    let bad = HazardInput {
        institution_id: None,
        category: "water".into(),
        risk_level: String::new(),
        location: "  ".into(),
        description: String::new(),
        found_on: "2026-3-40".into(),
        campaign_id: None,
    };
    let errors = bad.parse(day("2026-03-14")).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            "category",
            "risk_level",
            "location",
            "description",
            "found_on"
        ]
    );
    assert!(
        errors[0].message.contains("消防、校舍"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[2].message, "请填写隐患位置");
}

#[test]
fn a_future_day_or_overlong_text_is_refused() {
    let today = day("2026-03-14");
    let future = HazardInput {
        found_on: "2026-03-15".into(),
        ..input()
    };
    let errors = future.parse(today).unwrap_err();
    assert_eq!(fields(&errors), ["found_on"]);
    assert_eq!(errors[0].message, "日期不能晚于今天");
    let long = HazardInput {
        location: "楼".repeat(MAX_LOCATION + 1),
        description: "水".repeat(MAX_DESCRIPTION),
        ..input()
    };
    let errors = long.parse(today).unwrap_err();
    assert_eq!(fields(&errors), ["location"]);
    assert_eq!(errors[0].message, "隐患位置不能超过 100 个字");
    let exact = HazardInput {
        location: "楼".repeat(MAX_LOCATION),
        ..input()
    };
    assert!(exact.parse(today).is_ok());
}

#[test]
fn one_bad_field_alone_refuses() {
    let today = day("2026-03-14");
    for bad in [
        HazardInput {
            category: "x".into(),
            ..input()
        },
        HazardInput {
            risk_level: "x".into(),
            ..input()
        },
        HazardInput {
            description: " ".into(),
            ..input()
        },
        HazardInput {
            found_on: "x".into(),
            ..input()
        },
    ] {
        assert_eq!(bad.parse(today).unwrap_err().len(), 1);
    }
}

proptest! {
    #[test]
    fn a_day_is_accepted_exactly_when_not_after_today(offset in -400i64..400) {
        let today = day("2026-06-30");
        let d = today + chrono::Duration::days(offset);
        let typed = HazardInput { found_on: d.to_string(), ..input() };
        let parsed = typed.parse(today);
        prop_assert_eq!(parsed.is_ok(), offset <= 0);
        if let Ok(draft) = parsed {
            prop_assert_eq!(draft.found_on, d);
        }
    }

    #[test]
    fn the_suggested_deadline_is_later_for_lower_risk(offset in 0i64..3000) {
        let today = day("2020-01-01") + chrono::Duration::days(offset);
        let severe = suggested_deadline(RiskLevel::Severe, today);
        let major = suggested_deadline(RiskLevel::Major, today);
        let general = suggested_deadline(RiskLevel::General, today);
        prop_assert!(today < severe && severe < major && major < general);
    }

    #[test]
    fn percent_stays_within_bounds(whole in 1i64..10_000, part_frac in 0.0f64..=1.0) {
        let part = (whole as f64 * part_frac) as i64;
        let p = percent(part, whole).unwrap();
        prop_assert!((0.0..=100.0).contains(&p));
        prop_assert_eq!(p == 100.0, part == whole);
    }
}
