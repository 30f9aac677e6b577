use proptest::prelude::*;

use super::*;

#[test]
fn ten_hours_make_one_credit_rounded_down_to_tenths() {
    let r = CreditRules::default();
    assert_eq!(r.credits_tenths(600), 10);
    assert_eq!(r.credits_tenths(599), 9);
    assert_eq!(r.credits_tenths(60), 1);
    assert_eq!(r.credits_tenths(59), 0);
    assert_eq!(r.credits_tenths(0), 0);
    assert_eq!(r.credits_tenths(-60), 0);
    assert_eq!(r.credits_tenths(1230), 20);
    let r = CreditRules {
        hours_per_credit: 5,
        ..r
    };
    assert_eq!(r.credits_tenths(300), 10);
    let none = CreditRules {
        hours_per_credit: 0,
        ..r
    };
    assert_eq!(none.credits_tenths(6000), 0);
    assert!(r.describe().contains("每 5 学时"));
}

#[test]
fn settings_are_read_with_their_defaults() {
    let d = CreditRules::default();
    assert_eq!(CreditRules::from_settings("10", "80"), d);
    assert_eq!(
        CreditRules::from_settings(" 5 ", "100"),
        CreditRules {
            hours_per_credit: 5,
            completion_percent: 100
        }
    );
    assert_eq!(
        CreditRules::from_settings("1", "1"),
        CreditRules {
            hours_per_credit: 1,
            completion_percent: 1
        }
    );
    assert_eq!(
        CreditRules::from_settings("1000", "50").hours_per_credit,
        1000
    );
    for (h, p) in [("0", "0"), ("1001", "101"), ("x", ""), ("-5", "-1")] {
        assert_eq!(CreditRules::from_settings(h, p), d, "{h} {p}");
    }
}

#[test]
fn certificate_needs_the_share_of_meetings() {
    let r = CreditRules::default();
    assert!(r.completes(8, 10));
    assert!(!r.completes(7, 10));
    assert!(r.completes(10, 10));
    assert!(r.completes(4, 5));
    assert!(!r.completes(3, 5));
    assert!(!r.completes(0, 0));
    assert!(r.completes(1, 1));
    assert!(!r.completes(0, 1));
}

#[test]
fn levels_carry_their_credits() {
    let got: Vec<i64> = CertificateLevel::ALL
        .iter()
        .map(|l| l.credits_tenths())
        .collect();
    assert_eq!(got, [20, 40, 60, 80, 100, 10]);
}

#[test]
fn credits_read_as_typed() {
    for (s, v) in [
        ("1.5", 15),
        ("2", 20),
        ("-0.5", -5),
        ("−1", -10),
        ("+3.0", 30),
        (" 100 ", 1000),
        ("0", 0),
        ("0.1", 1),
    ] {
        assert_eq!(parse_credits(s), Some(v), "{s}");
    }
    for s in [
        "", "-", "1.55", "1.", ".5", "abc", "100.1", "1e2", "1,5", "--1", "12345",
    ] {
        assert_eq!(parse_credits(s), None, "{s}");
    }
}

#[test]
fn credits_and_numbers_are_shown() {
    assert_eq!(show_credits(15), "1.5");
    assert_eq!(show_credits(20), "2.0");
    assert_eq!(show_credits(-5), "-0.5");
    assert_eq!(show_credits(0), "0.0");
    assert_eq!(certificate_number(ISSUED_PREFIX, 2026, 12), "SQ2026-00012");
    assert_eq!(
        certificate_number(RECOGNISED_PREFIX, 2027, 3),
        "RD2027-00003"
    );
}

proptest! {
    #[test]
    fn parse_never_panics_and_round_trips(s in ".{0,12}") {
        if let Some(v) = parse_credits(&s) {
            prop_assert!(v.abs() <= MAX_BOOKING_TENTHS);
            prop_assert_eq!(parse_credits(&show_credits(v)), Some(v));
        }
    }

    #[test]
    fn credits_grow_with_minutes(a in 0i64..100_000, b in 0i64..100_000) {
        let r = CreditRules::default();
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(r.credits_tenths(lo) <= r.credits_tenths(hi));
        prop_assert!(r.credits_tenths(hi) * 60 <= hi);
        prop_assert!((r.credits_tenths(hi) + 1) * 60 > hi);
    }
}
