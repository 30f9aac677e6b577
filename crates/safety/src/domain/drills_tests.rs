use chrono::NaiveDate;
use platform::text_enum::assert_keys_and_labels_parse_back;
use proptest::prelude::*;

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn plan() -> PlanInput {
    PlanInput {
        institution_id: None,
        plan_type: "fire".into(),
        title: " 火灾事故应急预案 ".into(),
        approved_on: "2026-02-28".into(),
        review_on: String::new(),
    }
}

fn drill() -> DrillInput {
    DrillInput {
        institution_id: None,
        drilled_on: "2026-03-14".into(),
        drill_type: "earthquake".into(),
        participants: "1200".into(),
        duration_minutes: " 25 ".into(),
        evaluation: "疏散有序".into(),
    }
}

#[test]
fn types_parse_back() {
    assert_keys_and_labels_parse_back::<EmergencyType>();
    assert_keys_and_labels_parse_back::<ReviewState>();
    assert_eq!(EmergencyType::ALL.len(), 6);
}

#[test]
fn two_drills_a_year_meet_the_rule() {
    assert_eq!(shortfall(0), 2);
    assert_eq!(shortfall(1), 1);
    assert_eq!(shortfall(2), 0);
    assert_eq!(shortfall(5), 0);
    assert!(!compliant(1));
    assert!(compliant(2));
    assert!(compliant(3));
}

#[test]
fn the_last_quarter_is_late_in_the_year() {
    assert!(!late_in_year(day("2026-09-30")));
    assert!(late_in_year(day("2026-10-01")));
    assert!(late_in_year(day("2026-12-31")));
    assert!(!late_in_year(day("2026-01-01")));
    assert_eq!(
        year_span(2026),
        Some((day("2026-01-01"), day("2026-12-31")))
    );
    assert_eq!(year_span(i32::MAX), None);
}

#[test]
fn a_review_is_due_soon_within_thirty_days() {
    let today = day("2026-06-01");
    assert_eq!(review_state(day("2026-05-31"), today), ReviewState::Overdue);
    assert_eq!(review_state(day("2026-06-01"), today), ReviewState::DueSoon);
    assert_eq!(review_state(day("2026-07-01"), today), ReviewState::DueSoon);
    assert_eq!(review_state(day("2026-07-02"), today), ReviewState::Current);
}

#[test]
fn a_plan_is_reviewed_a_year_after_approval_by_default() {
    assert_eq!(default_review(day("2024-02-29")), day("2025-02-28"));
    assert_eq!(default_review(NaiveDate::MAX), NaiveDate::MAX);
    let p = plan().parse(day("2026-03-01")).unwrap();
    assert_eq!(
        p,
        PlanDraft {
            plan_type: EmergencyType::Fire,
            title: "火灾事故应急预案".into(),
            approved_on: day("2026-02-28"),
            review_on: day("2027-02-28"),
        }
    );
    let typed = PlanInput {
        review_on: "2026-09-01".into(),
        ..plan()
    };
    assert_eq!(
        typed.parse(day("2026-03-01")).unwrap().review_on,
        day("2026-09-01")
    );
}

#[test]
fn a_bad_plan_names_every_field() {
    let bad = PlanInput {
        institution_id: None,
        plan_type: "flood".into(),
        title: " ".into(),
        approved_on: String::new(),
        review_on: "soon".into(),
    };
    let errors = bad.parse(day("2026-03-01")).unwrap_err();
    assert_eq!(
        fields(&errors),
        ["plan_type", "title", "approved_on", "review_on"]
    );
    let early = PlanInput {
        review_on: "2026-02-28".into(),
        ..plan()
    };
    let errors = early.parse(day("2026-03-01")).unwrap_err();
    assert_eq!(fields(&errors), ["review_on"]);
    assert_eq!(errors[0].message, "修订日期应晚于批准日期");
    let future = PlanInput {
        approved_on: "2026-03-02".into(),
        ..plan()
    };
    assert_eq!(
        fields(&future.parse(day("2026-03-01")).unwrap_err()),
        ["approved_on"]
    );
    let no_date = PlanInput {
        approved_on: String::new(),
        ..plan()
    };
    assert_eq!(
        fields(&no_date.parse(day("2026-03-01")).unwrap_err()),
        ["approved_on"]
    );
    let long = PlanInput {
        title: "预".repeat(MAX_TEXT + 1),
        ..plan()
    };
    assert_eq!(
        fields(&long.parse(day("2026-03-01")).unwrap_err()),
        ["title"]
    );
}

#[test]
fn a_good_drill_is_typed() {
    let d = drill().parse(day("2026-03-14")).unwrap();
    assert_eq!(
        d,
        DrillDraft {
            drilled_on: day("2026-03-14"),
            drill_type: EmergencyType::Earthquake,
            participants: 1200,
            duration_minutes: 25,
            evaluation: "疏散有序".into(),
        }
    );
}

#[test]
fn a_bad_drill_names_every_field() {
    let bad = DrillInput {
        institution_id: None,
        drilled_on: String::new(),
        drill_type: String::new(),
        participants: "0".into(),
        duration_minutes: "601".into(),
        evaluation: "评".repeat(MAX_TEXT + 1),
    };
    let errors = bad.parse(day("2026-03-14")).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            "drilled_on",
            "drill_type",
            "participants",
            "duration_minutes",
            "evaluation"
        ]
    );
    assert_eq!(errors[2].message, "参加人数应为 1 到 100000 之间的整数");
    for (p, m, ok) in [
        ("1", "1", true),
        ("100000", "600", true),
        ("100001", "1", false),
        ("1", "0", false),
        ("x", "1", false),
    ] {
        let d = DrillInput {
            participants: p.into(),
            duration_minutes: m.into(),
            ..drill()
        };
        assert_eq!(d.parse(day("2026-03-14")).is_ok(), ok, "{p} {m}");
    }
    let longest = DrillInput {
        evaluation: "评".repeat(MAX_TEXT),
        ..drill()
    };
    assert!(longest.parse(day("2026-03-14")).is_ok());
    let future = DrillInput {
        drilled_on: "2026-03-15".into(),
        ..drill()
    };
    assert_eq!(
        fields(&future.parse(day("2026-03-14")).unwrap_err()),
        ["drilled_on"]
    );
}

proptest! {
    #[test]
    fn shortfall_and_drills_make_the_rule(drills in 0i64..50) {
        let short = shortfall(drills);
        prop_assert!((0..=REQUIRED_DRILLS).contains(&short));
        prop_assert_eq!(compliant(drills), drills >= REQUIRED_DRILLS);
        prop_assert_eq!(drills.min(REQUIRED_DRILLS) + short, REQUIRED_DRILLS);
    }

    #[test]
    fn review_state_moves_forward_with_time(offset in -100i64..100) {
        let review = day("2026-06-01");
        let today = review + chrono::Duration::days(offset);
        let s = review_state(review, today);
        let expected = if offset > 0 {
            ReviewState::Overdue
        } else if offset >= -DUE_SOON_DAYS {
            ReviewState::DueSoon
        } else {
            ReviewState::Current
        };
        prop_assert_eq!(s, expected);
    }
}
