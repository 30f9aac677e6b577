use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn bands_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<AgeBand>();
}

#[test]
fn age_counts_full_years_turning_on_the_birthday() {
    let born = day(1960, 3, 15);
    assert_eq!(age(born, day(2026, 3, 14)), 65);
    assert_eq!(age(born, day(2026, 3, 15)), 66);
    assert_eq!(age(born, day(2026, 2, 20)), 65);
    assert_eq!(age(born, day(2026, 4, 1)), 66);
    assert_eq!(age(born, day(1950, 1, 1)), 0);
    assert_eq!(age(day(2000, 2, 29), day(2001, 2, 28)), 0);
    assert_eq!(age(day(2000, 2, 29), day(2001, 3, 1)), 1);
}

#[test]
fn bands_have_their_edges() {
    use AgeBand::*;
    for (a, b) in [
        (0, Under18),
        (17, Under18),
        (18, Young),
        (34, Young),
        (35, Middle),
        (59, Middle),
        (60, Senior),
        (69, Senior),
        (70, Elder),
        (120, Elder),
    ] {
        assert_eq!(band(a), b, "{a}");
    }
}

#[test]
fn months_parse_and_span_their_days() {
    let m = Month::parse("2026-02").unwrap();
    assert_eq!(
        m,
        Month {
            year: 2026,
            month: 2
        }
    );
    assert_eq!(m.span(), (day(2026, 2, 1), day(2026, 2, 28)));
    assert_eq!(Month::parse(" 2024-2 ").unwrap().span().1, day(2024, 2, 29));
    assert_eq!(
        Month::parse("2026-12").unwrap().span(),
        (day(2026, 12, 1), day(2026, 12, 31))
    );
    assert_eq!(
        Month::parse("2026-12").unwrap().next(),
        Month {
            year: 2027,
            month: 1
        }
    );
    assert_eq!(
        Month::parse("2026-01").unwrap().next(),
        Month {
            year: 2026,
            month: 2
        }
    );
    for bad in [
        "", "2026", "2026-13", "2026-0", "26-01", "2026-001", "2026-", "abcd-01", "2026/01",
    ] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
    assert_eq!(m.key(), "2026-02");
    assert_eq!(m.label(), "2026年2月");
    assert_eq!(
        Month::of(day(2026, 7, 31)),
        Month {
            year: 2026,
            month: 7
        }
    );
}

#[test]
fn years_span_their_days_and_hours_round_to_a_tenth() {
    assert_eq!(year_span(2026), Some((day(2026, 1, 1), day(2026, 12, 31))));
    assert_eq!(year_span(i64::MAX), None);
    assert_eq!(hours(90), 1.5);
    assert_eq!(hours(0), 0.0);
    assert_eq!(hours(100), 1.7);
    assert_eq!(hours(60), 1.0);
}

proptest! {
    #[test]
    fn parsing_any_month_never_panics(s in ".{0,12}") {
        if let Some(m) = Month::parse(&s) {
            let (a, b) = m.span();
            prop_assert!(a <= b);
            prop_assert_eq!(Month::parse(&m.key()), Some(m));
        }
    }

    #[test]
    fn every_day_lies_in_its_month(y in 1900i32..2200, o in 0i64..366) {
        let d = day(y, 1, 1) + chrono::Duration::days(o);
        let (a, b) = Month::of(d).span();
        prop_assert!(a <= d && d <= b);
        prop_assert_eq!(Month::of(b).next().span().0, b.succ_opt().unwrap());
    }

    #[test]
    fn ages_never_go_down_as_days_pass(born in 0i64..40000, later in 0i64..40000) {
        let b = day(1920, 1, 1) + chrono::Duration::days(born);
        let on = b + chrono::Duration::days(later);
        prop_assert!(age(b, on) <= age(b, on + chrono::Duration::days(1)));
        prop_assert!(age(b, on) * 366 <= later + 366);
    }
}
