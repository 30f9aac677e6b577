use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn line(id: i64, inspector: &str, last: Option<NaiveDate>) -> Covered {
    Covered {
        institution_id: id,
        institution_name: format!("学校{id}"),
        inspector_name: inspector.into(),
        last_visit: last,
    }
}

#[test]
fn terms_begin_on_the_first_of_september_and_february() {
    assert_eq!(term_start(d(2026, 9, 1)), d(2026, 9, 1));
    assert_eq!(term_start(d(2026, 12, 31)), d(2026, 9, 1));
    assert_eq!(term_start(d(2027, 1, 31)), d(2026, 9, 1));
    assert_eq!(term_start(d(2027, 2, 1)), d(2027, 2, 1));
    assert_eq!(term_start(d(2027, 8, 31)), d(2027, 2, 1));
}

#[test]
fn a_month_begins_on_its_first_day() {
    assert_eq!(Period::Month.start(d(2026, 12, 7)), d(2026, 12, 1));
    assert_eq!(Period::Month.start(d(2026, 12, 1)), d(2026, 12, 1));
    assert_eq!(Period::Term.start(d(2026, 12, 7)), d(2026, 9, 1));
}

#[test]
fn a_new_inspector_ends_the_current_one_the_day_before() {
    assert_eq!(
        end_of_current(d(2026, 3, 1), d(2026, 9, 1)),
        Ok(d(2026, 8, 31))
    );
    assert_eq!(
        end_of_current(d(2026, 3, 1), d(2026, 3, 2)),
        Ok(d(2026, 3, 1))
    );
    let refused = InspectorError::StartsBeforeCurrent {
        current: d(2026, 3, 1),
    };
    assert_eq!(
        end_of_current(d(2026, 3, 1), d(2026, 3, 1)),
        Err(refused.clone())
    );
    assert_eq!(end_of_current(d(2026, 3, 1), d(2026, 2, 1)), Err(refused));
}

#[test]
fn a_visit_is_dated_within_the_last_year() {
    let today = d(2026, 12, 7);
    assert_eq!(check_visit_day(today, today), Ok(()));
    assert_eq!(
        check_visit_day(d(2026, 12, 8), today),
        Err(InspectorError::VisitInFuture(d(2026, 12, 8)))
    );
    let earliest = today - chrono::Duration::days(VISIT_BACK_DAYS);
    assert_eq!(check_visit_day(earliest, today), Ok(()));
    let older = earliest.pred_opt().unwrap();
    assert_eq!(
        check_visit_day(older, today),
        Err(InspectorError::VisitTooOld {
            day: older,
            earliest
        })
    );
}

#[test]
fn an_order_from_a_visit_needs_a_finding() {
    assert_eq!(
        check_order_finding("  "),
        Err(InspectorError::OrderWithoutFinding)
    );
    assert_eq!(check_order_finding("消防通道堆放杂物"), Ok(()));
}

#[test]
fn unvisited_institutions_are_grouped_by_inspector() {
    let since = d(2026, 12, 1);
    let lines = [
        line(1, "施老师", Some(d(2026, 12, 1))),
        line(2, "施老师", Some(d(2026, 11, 30))),
        line(3, "", None),
        line(4, "王督学", Some(d(2026, 12, 5))),
        line(5, "施老师", None),
        line(6, " 施老师 ", None),
    ];
    let groups = unvisited(&lines, since);
    let names: Vec<&str> = groups.iter().map(|g| g.inspector_name.as_str()).collect();
    assert_eq!(names, ["施老师", NOBODY]);
    assert_eq!(groups[0].assigned, 4);
    let ids: Vec<i64> = groups[0]
        .institutions
        .iter()
        .map(|c| c.institution_id)
        .collect();
    assert_eq!(ids, [2, 5, 6]);
    assert_eq!(groups[1].assigned, 1);
    assert_eq!(groups[1].institutions[0].institution_id, 3);
}

#[test]
fn everyone_visited_leaves_nothing() {
    let lines = [line(1, "施老师", Some(d(2026, 12, 2)))];
    assert!(unvisited(&lines, d(2026, 12, 1)).is_empty());
    assert!(unvisited(&[], d(2026, 12, 1)).is_empty());
}

proptest! {
    #[test]
    fn every_term_start_is_on_or_before_the_day_and_within_seven_months(
        days in 0i64..20_000
    ) {
        let day = d(2000, 1, 1) + chrono::Duration::days(days);
        let start = term_start(day);
        prop_assert!(start <= day);
        prop_assert!((day - start).num_days() < 7 * 31);
        prop_assert_eq!(start.day(), 1);
        prop_assert!(start.month() == 9 || start.month() == 2);
        prop_assert_eq!(term_start(start), start);
    }

    #[test]
    fn unvisited_counts_every_institution_once(
        seen in proptest::collection::vec((0u8..3, proptest::option::of(0i64..60)), 0..30)
    ) {
        let since = d(2026, 12, 1);
        let base = d(2026, 10, 15);
        let lines: Vec<Covered> = seen
            .iter()
            .enumerate()
            .map(|(i, (who, off))| line(
                i as i64,
                ["", "甲", "乙"][*who as usize],
                off.map(|o| base + chrono::Duration::days(o)),
            ))
            .collect();
        let groups = unvisited(&lines, since);
        let missing: usize = groups.iter().map(|g| g.institutions.len()).sum();
        let expected = lines.iter().filter(|l| !l.visited_since(since)).count();
        prop_assert_eq!(missing, expected);
        for g in &groups {
            prop_assert!(g.institutions.len() <= g.assigned);
        }
    }
}
