use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use AssessmentGrade::*;

fn grades(list: &[(i64, AssessmentGrade)]) -> BTreeMap<i64, AssessmentGrade> {
    list.iter().copied().collect()
}

#[test]
fn the_quota_is_the_share_rounded_down() {
    assert_eq!(excellent_quota(100, 20), 20);
    assert_eq!(excellent_quota(49, 20), 9);
    assert_eq!(excellent_quota(50, 20), 10);
    assert_eq!(excellent_quota(54, 20), 10);
    assert_eq!(excellent_quota(55, 20), 11);
    assert_eq!(excellent_quota(7, 15), 1);
}

#[test]
fn a_small_institution_still_has_one_place() {
    assert_eq!(excellent_quota(4, 20), 1);
    assert_eq!(excellent_quota(1, 20), 1);
    assert_eq!(excellent_quota(5, 20), 1);
    assert_eq!(excellent_quota(10, 20), 2);
}

#[test]
fn no_staff_or_no_share_means_no_place() {
    assert_eq!(excellent_quota(0, 20), 0);
    assert_eq!(excellent_quota(-3, 20), 0);
    assert_eq!(excellent_quota(30, 0), 0);
    assert_eq!(excellent_quota(30, -5), 0);
}

#[test]
fn a_share_over_100_percent_is_everyone() {
    assert_eq!(excellent_quota(30, 150), 30);
    assert_eq!(excellent_quota(30, 100), 30);
}

#[test]
fn a_vetoed_teacher_may_only_be_incompetent() {
    assert_eq!(check_veto(Excellent, true), Err(Refusal::Vetoed));
    assert_eq!(check_veto(Competent, true), Err(Refusal::Vetoed));
    assert_eq!(check_veto(Basic, true), Err(Refusal::Vetoed));
    assert_eq!(check_veto(Incompetent, true), Ok(()));
    for g in AssessmentGrade::ALL {
        assert_eq!(check_veto(*g, false), Ok(()));
    }
    assert!(Refusal::Vetoed.message().contains("不合格"));
}

#[test]
fn excellent_after_counts_the_merged_year() {
    let existing = grades(&[(1, Excellent), (2, Excellent), (3, Competent)]);
    assert_eq!(excellent_after(&existing, &BTreeMap::new()), 2);
    assert_eq!(excellent_after(&existing, &grades(&[(1, Competent)])), 1);
    assert_eq!(excellent_after(&existing, &grades(&[(3, Excellent)])), 3);
    assert_eq!(
        excellent_after(&existing, &grades(&[(4, Excellent), (5, Basic)])),
        3
    );
}

#[test]
fn the_batch_reaching_the_quota_passes_and_one_more_is_refused() {
    let existing = grades(&[(1, Excellent)]);
    assert_eq!(
        check_quota(2, &existing, &grades(&[(2, Excellent)])),
        Ok(())
    );
    let refused = check_quota(2, &existing, &grades(&[(2, Excellent), (3, Excellent)]));
    assert_eq!(refused, Err(Refusal::OverQuota { quota: 2, count: 3 }));
    let msg = refused.unwrap_err().message();
    assert!(msg.contains("优秀名额为 2 名"), "{msg}");
    assert!(msg.contains("共有 3 名优秀"), "{msg}");
    assert!(msg.contains("减少 1 名"), "{msg}");
}

#[test]
fn a_year_already_over_quota_may_be_lowered_but_not_raised() {
    let existing = grades(&[(1, Excellent), (2, Excellent), (3, Excellent)]);
    assert_eq!(
        check_quota(1, &existing, &grades(&[(1, Competent)])),
        Ok(())
    );
    assert_eq!(
        check_quota(1, &existing, &grades(&[(4, Competent)])),
        Ok(())
    );
    assert_eq!(
        check_quota(1, &existing, &grades(&[(4, Excellent)])),
        Err(Refusal::OverQuota { quota: 1, count: 4 })
    );
}

#[test]
fn grade_counts_add_up_per_grade() {
    let mut c = GradeCounts::default();
    c.add(Excellent, 2);
    c.add(Competent, 5);
    c.add(Basic, 1);
    c.add(Incompetent, 3);
    c.add(Excellent, 1);
    assert_eq!(
        (c.excellent, c.competent, c.basic, c.incompetent),
        (3, 5, 1, 3)
    );
    assert_eq!(c.get(Excellent), 3);
    assert_eq!(c.get(Competent), 5);
    assert_eq!(c.get(Basic), 1);
    assert_eq!(c.get(Incompetent), 3);
    assert_eq!(c.total(), 12);
}

fn grade() -> impl Strategy<Value = AssessmentGrade> {
    prop::sample::select(AssessmentGrade::ALL.to_vec())
}

proptest! {
    #[test]
    fn the_quota_never_exceeds_the_share_except_the_one_place(staff in 0i64..5000, percent in 0i64..=100) {
        let q = excellent_quota(staff, percent);
        prop_assert!(q >= 0 && q <= staff.max(0));
        if staff > 0 && percent > 0 {
            prop_assert!(q >= 1);
            prop_assert!(q == (staff * percent / 100).max(1));
            prop_assert!(q * 100 <= staff * percent || q == 1);
        }
    }

    #[test]
    fn the_quota_grows_with_the_staff(staff in 1i64..5000, percent in 1i64..=100) {
        prop_assert!(excellent_quota(staff + 1, percent) >= excellent_quota(staff, percent));
    }

    #[test]
    fn an_accepted_batch_never_raises_excellent_past_the_quota(
        quota in 0i64..10,
        existing in prop::collection::btree_map(0i64..30, grade(), 0..30),
        entries in prop::collection::btree_map(0i64..30, grade(), 0..30),
    ) {
        let before = excellent_after(&existing, &BTreeMap::new());
        let after = excellent_after(&existing, &entries);
        match check_quota(quota, &existing, &entries) {
            Ok(()) => prop_assert!(after <= quota.max(before)),
            Err(Refusal::OverQuota { quota: q, count }) => {
                prop_assert_eq!(q, quota);
                prop_assert_eq!(count, after);
                prop_assert!(after > quota && after > before);
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
