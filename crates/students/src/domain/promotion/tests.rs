use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn w(opens: &str, closes: &str) -> Window {
    Window {
        opens: MonthDay::parse(opens).expect("opens"),
        closes: MonthDay::parse(closes).expect("closes"),
    }
}

#[test]
fn month_days_parse_as_people_write_them() {
    assert_eq!(
        MonthDay::parse("07-01"),
        Some(MonthDay { month: 7, day: 1 })
    );
    assert_eq!(
        MonthDay::parse("8月31日").map(MonthDay::key),
        Some("08-31".into())
    );
    assert_eq!(
        MonthDay::parse("2-29").map(MonthDay::key),
        Some("02-29".into())
    );
    for bad in ["", "07", "13-01", "02-30", "x-1", "06-31"] {
        assert_eq!(MonthDay::parse(bad), None, "{bad}");
    }
    assert_eq!(
        MonthDay::parse("02-29").expect("day").in_year(2027),
        d("2027-02-28")
    );
}

#[test]
fn the_summer_window_holds_its_ends_and_nothing_else() {
    let summer = w("07-01", "08-31");
    assert!(summer.contains(d("2026-07-01")));
    assert!(summer.contains(d("2026-08-31")));
    assert!(!summer.contains(d("2026-06-30")));
    assert!(!summer.contains(d("2026-09-01")));
    assert!(!summer.contains(d("2026-12-07")));
    assert_eq!(summer.next_opening(d("2026-12-07")), d("2027-07-01"));
    assert_eq!(summer.next_opening(d("2026-03-01")), d("2026-07-01"));
    assert_eq!(summer.next_opening(d("2026-07-15")), d("2026-07-15"));
}

#[test]
fn a_window_may_run_over_the_new_year() {
    let winter = w("12-20", "01-10");
    assert!(winter.contains(d("2026-12-31")));
    assert!(winter.contains(d("2027-01-10")));
    assert!(!winter.contains(d("2027-01-11")));
    assert_eq!(winter.next_opening(d("2027-02-01")), d("2027-12-20"));
}

#[test]
fn outside_the_window_the_refusal_names_the_next_opening() {
    let summer = w("07-01", "08-31");
    assert_eq!(refusal_outside(summer, d("2026-08-01")), None);
    let refused = refusal_outside(summer, d("2026-12-07")).expect("refused");
    assert!(refused.contains("7月1日至8月31日"), "{refused}");
    assert!(refused.contains("2027-07-01"), "{refused}");
}

#[test]
fn final_grades_graduate_and_others_move_up() {
    assert_eq!(move_of(Grade(6)), Move::Graduate);
    assert_eq!(move_of(Grade(9)), Move::Graduate);
    assert_eq!(move_of(Grade(0)), Move::Graduate);
    assert_eq!(move_of(Grade(12)), Move::Graduate);
    assert_eq!(move_of(Grade(5)), Move::Promote(Grade(6)));
    assert_eq!(move_of(Grade(-2)), Move::Promote(Grade(-1)));
}

#[test]
fn reaches_are_stored_by_key() {
    assert_eq!(final_grades_sql(), "(0, 6, 9, 12)");
    assert_eq!(Reach::District.key(), "district");
    assert_eq!(Reach::Stage(Stage::Junior).key(), "stage:junior");
    assert_eq!(
        Reach::Institution(InstitutionId(12)).key(),
        "institution:12"
    );
}

#[test]
fn a_reach_is_chosen_by_scope_and_its_detail() {
    assert_eq!(Reach::choose("", "", None), Ok(None));
    assert_eq!(
        Reach::choose("district", "", Some(3)),
        Ok(Some(Reach::District))
    );
    assert_eq!(
        Reach::choose("stage", "primary", None),
        Ok(Some(Reach::Stage(Stage::Primary)))
    );
    assert_eq!(
        Reach::choose("institution", "", Some(3)),
        Ok(Some(Reach::Institution(InstitutionId(3))))
    );
    assert_eq!(
        Reach::choose("stage", "", None).map_err(|e| e.0),
        Err("stage")
    );
    assert_eq!(
        Reach::choose("institution", "", None).map_err(|e| e.0),
        Err("institution_id")
    );
    assert_eq!(
        Reach::choose("all", "", None).map_err(|e| e.0),
        Err("scope")
    );
}

#[test]
fn a_run_is_undone_only_in_its_own_school_year() {
    assert!(may_undo(2025, d("2026-08-31")));
    assert!(!may_undo(2025, d("2026-09-01")));
    assert!(may_undo(2026, d("2026-12-07")));
}

#[test]
fn the_typed_count_must_match_the_preview() {
    assert_eq!(confirmation_refusal(" 120 ", 120), None);
    assert!(confirmation_refusal("12", 120)
        .expect("refused")
        .contains("不一致"));
    assert!(confirmation_refusal("", 120).is_some());
}

proptest! {
    /// Every day is either inside the window or before its next opening,
    /// which is itself inside and less than a year and a day away.
    #[test]
    fn the_next_opening_is_inside_and_not_before_the_day(
        om in 1u32..=12, od in 1u32..=28, cm in 1u32..=12, cd in 1u32..=28,
        offset in 0i64..3000,
    ) {
        let window = Window {
            opens: MonthDay { month: om, day: od },
            closes: MonthDay { month: cm, day: cd },
        };
        let day = d("2024-01-01") + chrono::Duration::days(offset);
        let next = window.next_opening(day);
        prop_assert!(next >= day);
        prop_assert!(window.contains(next));
        prop_assert!((next - day).num_days() <= 366);
        prop_assert_eq!(window.contains(day), next == day);
        prop_assert_eq!(refusal_outside(window, day).is_none(), window.contains(day));
    }
}
