use proptest::prelude::*;

use super::*;
use AssessmentGrade::*;
use TitleLevel as L;
use TitleSeries as S;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A 中学一级 teacher since 2015 who meets every condition of a 2026 round.
fn eligible() -> Candidate {
    Candidate {
        series: Some(S::Secondary),
        level: L::First,
        obtained_on: Some(d(2015, 9, 1)),
        ce_hours: 360,
        assessments: vec![(2023, Competent), (2024, Excellent), (2025, Competent)],
        veto_years: vec![],
    }
}

fn req() -> Requirements {
    Requirements {
        year: 2026,
        rules: RoundRules::default(),
        ce_hours: 360,
    }
}

const SENIOR: (TitleSeries, TitleLevel) = (S::Secondary, L::Senior);

#[test]
fn a_teacher_meeting_every_condition_is_eligible() {
    assert_eq!(check(&eligible(), SENIOR, &req()), Vec::<String>::new());
}

#[test]
fn a_promotion_that_skips_a_level_is_refused() {
    let c = Candidate {
        level: L::Second,
        ..eligible()
    };
    let failed = check(&c, SENIOR, &req());
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(
        failed[0],
        "不得越级申报：现任中学二级，申报中学高级，只能申报一级"
    );
    let same = check(&eligible(), (S::Secondary, L::First), &req());
    assert!(same[0].contains("只能申报高级"), "{same:?}");
    let top = Candidate {
        level: L::Professor,
        ..eligible()
    };
    let failed = check(&top, (S::Secondary, L::Professor), &req());
    assert!(failed[0].contains("无更高等级"), "{failed:?}");
    let new = Candidate {
        series: None,
        level: L::None,
        obtained_on: None,
        ..eligible()
    };
    assert!(check(&new, (S::Primary, L::Second), &req()).is_empty());
    let failed = check(&new, (S::Primary, L::First), &req());
    assert!(failed[0].contains("只能申报二级或三级"), "{failed:?}");
}

#[test]
fn years_in_the_title_count_to_the_end_of_the_round_year() {
    let c = Candidate {
        obtained_on: Some(d(2021, 12, 31)),
        ..eligible()
    };
    assert!(check(&c, SENIOR, &req()).is_empty());
    let c = Candidate {
        obtained_on: Some(d(2022, 1, 1)),
        ..eligible()
    };
    assert_eq!(
        check(&c, SENIOR, &req()),
        vec!["任现职年限不足：中学一级须任满 5 年，截至2026年底任职 4 年".to_string()]
    );
    let c = Candidate {
        obtained_on: None,
        ..eligible()
    };
    assert_eq!(
        check(&c, SENIOR, &req()),
        vec!["缺少现任中学一级的取得时间，无法核对任职年限".to_string()]
    );
    let future = Candidate {
        obtained_on: Some(d(2030, 1, 1)),
        ..eligible()
    };
    assert!(check(&future, SENIOR, &req())[0].contains("任职 0 年"));
}

#[test]
fn each_level_has_its_own_years() {
    let r = RoundRules::default();
    assert_eq!(r.years_for(L::Third, L::Second), 3);
    assert_eq!(r.years_for(L::Second, L::First), 4);
    assert_eq!(r.years_for(L::First, L::Senior), 5);
    assert_eq!(r.years_for(L::Senior, L::Professor), 5);
    assert_eq!(r.years_for(L::None, L::Second), 0);
    assert_eq!(r.years_for(L::None, L::Third), 0);
    assert_eq!(r.years_for(L::Second, L::Third), 0);
    assert_eq!(r.years_for(L::Second, L::None), 0);
    let custom = RoundRules {
        years_to_second: 1,
        years_to_first: 2,
        years_to_senior: 6,
        years_to_professor: 7,
        assessment_years: 2,
    };
    assert_eq!(custom.years_for(L::Third, L::Second), 1);
    assert_eq!(custom.years_for(L::Second, L::First), 2);
    assert_eq!(custom.years_for(L::First, L::Senior), 6);
    assert_eq!(custom.years_for(L::Senior, L::Professor), 7);
}

#[test]
fn too_few_hours_are_named_with_both_figures() {
    let c = Candidate {
        ce_hours: 359,
        ..eligible()
    };
    assert_eq!(
        check(&c, SENIOR, &req()),
        vec!["继续教育学时不足：本周期截至2026年底须达到 360 学时，已完成 359 学时".to_string()]
    );
}

#[test]
fn each_missing_or_weak_assessment_is_named() {
    let c = Candidate {
        // Outside the window: 2022 and the round's own year.
        assessments: vec![(2022, Basic), (2023, Basic), (2025, Incompetent)],
        ..eligible()
    };
    assert_eq!(
        check(&c, SENIOR, &req()),
        vec![
            "2023年度考核为“基本合格”，须为合格及以上".to_string(),
            "缺少2024年度考核结果".to_string(),
            "2025年度考核为“不合格”，须为合格及以上".to_string(),
        ]
    );
    let two = Requirements {
        rules: RoundRules {
            assessment_years: 1,
            ..RoundRules::default()
        },
        ..req()
    };
    let c = Candidate {
        assessments: vec![(2023, Basic), (2025, Competent)],
        ..eligible()
    };
    assert!(check(&c, SENIOR, &two).is_empty());
}

#[test]
fn a_veto_in_the_last_five_years_blocks_the_application() {
    for (years, blocked) in [
        (vec![2022], true),
        (vec![2026], true),
        (vec![2021], false),
        (vec![2027], false),
    ] {
        let c = Candidate {
            veto_years: years.clone(),
            ..eligible()
        };
        assert_eq!(!check(&c, SENIOR, &req()).is_empty(), blocked, "{years:?}");
    }
    let c = Candidate {
        veto_years: vec![2023, 2025],
        ..eligible()
    };
    assert_eq!(
        check(&c, SENIOR, &req()),
        vec!["师德一票否决：2023、2025年有师德失范记录，近五年内不得申报".to_string()]
    );
}

#[test]
fn every_failed_condition_is_listed() {
    let c = Candidate {
        series: Some(S::Primary),
        level: L::Second,
        obtained_on: Some(d(2025, 1, 1)),
        ce_hours: 0,
        assessments: vec![],
        veto_years: vec![2024],
    };
    assert_eq!(check(&c, SENIOR, &req()).len(), 1 + 1 + 1 + 3 + 1);
}

#[test]
fn the_cycle_rolls_every_five_years() {
    assert_eq!(ce_cycle(2022, 2022), (2022, 2026));
    assert_eq!(ce_cycle(2026, 2022), (2022, 2026));
    assert_eq!(ce_cycle(2027, 2022), (2027, 2031));
    assert_eq!(ce_cycle(2021, 2022), (2017, 2021));
    assert_eq!(ce_cycle(2017, 2022), (2017, 2021));
    assert_eq!(ce_cycle(2016, 2022), (2012, 2016));
}

#[test]
fn hours_are_required_pro_rata_rounded_up() {
    assert_eq!(ce_required_by(2022, 2022, 360), 72);
    assert_eq!(ce_required_by(2024, 2022, 360), 216);
    assert_eq!(ce_required_by(2026, 2022, 360), 360);
    assert_eq!(ce_required_by(2027, 2022, 360), 72);
    assert_eq!(ce_required_by(2022, 2022, 361), 73);
    assert_eq!(ce_required_by(2023, 2022, 1), 1);
    assert_eq!(ce_required_by(2023, 2022, -10), 0);
}

#[test]
fn full_years_turn_on_the_anniversary() {
    assert_eq!(full_years(d(2020, 9, 1), d(2025, 8, 31)), 4);
    assert_eq!(full_years(d(2020, 9, 1), d(2025, 9, 1)), 5);
    assert_eq!(full_years(d(2020, 9, 1), d(2025, 9, 2)), 5);
    assert_eq!(full_years(d(2020, 9, 1), d(2025, 10, 1)), 5);
    assert_eq!(full_years(d(2020, 9, 15), d(2025, 9, 14)), 4);
}

#[test]
fn passing_grades_are_competent_or_better() {
    assert!(passes(Excellent));
    assert!(passes(Competent));
    assert!(!passes(Basic));
    assert!(!passes(Incompetent));
}

#[test]
fn a_pass_over_the_quota_is_refused() {
    assert_eq!(check_quota("中学高级", 3, 2), Ok(()));
    assert_eq!(
        check_quota("中学高级", 3, 3),
        Err("超出名额：本单位本轮中学高级名额 3 名，已通过 3 名".to_string())
    );
    assert_eq!(
        check_quota("中学高级", 0, 0),
        Err("本单位本轮没有中学高级名额，不能评为通过".to_string())
    );
}

#[test]
fn round_rules_are_bounded() {
    assert!(RoundRules::default().validate().is_ok());
    let edge = RoundRules {
        years_to_second: 0,
        years_to_first: 15,
        years_to_senior: 0,
        years_to_professor: 15,
        assessment_years: 10,
    };
    assert!(edge.validate().is_ok());
    let one = RoundRules {
        assessment_years: 1,
        ..RoundRules::default()
    };
    assert!(one.validate().is_ok());
    let bad = RoundRules {
        years_to_second: -1,
        years_to_first: 16,
        years_to_senior: 5,
        years_to_professor: 5,
        assessment_years: 0,
    };
    let errs = bad.validate().unwrap_err();
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["years_to_second", "years_to_first", "assessment_years"]
    );
    let many = RoundRules {
        assessment_years: 11,
        years_to_senior: -1,
        years_to_professor: 16,
        ..RoundRules::default()
    };
    assert_eq!(many.validate().unwrap_err().len(), 3);
}

#[test]
fn the_reference_date_is_the_year_end() {
    assert_eq!(req().reference_date(), d(2026, 12, 31));
}

#[test]
fn codes_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<ApplicationStatus>();
    platform::text_enum::assert_keys_and_labels_parse_back::<RoundStatus>();
}

proptest! {
    #[test]
    fn the_cycle_holds_its_year(year in 1990i32..2100, first in 1990i32..2100) {
        let (start, end) = ce_cycle(year, first);
        prop_assert!(start <= year && year <= end);
        prop_assert_eq!(end - start, 4);
        prop_assert_eq!((start - first).rem_euclid(5), 0);
    }

    #[test]
    fn required_hours_grow_through_the_cycle_to_the_full_amount(first in 2000i32..2050, k in 0i32..4, hours in 0i64..1000) {
        let y = first + k;
        prop_assert!(ce_required_by(y, first, hours) <= ce_required_by(y + 1, first, hours));
        prop_assert_eq!(ce_required_by(first + 4, first, hours), hours);
        prop_assert!(ce_required_by(y, first, hours) * 5 >= hours * i64::from(k + 1));
    }

    #[test]
    fn only_one_step_up_can_be_eligible(from in 0usize..6, to in 0usize..6) {
        let from = TitleLevel::ALL[from];
        let to = TitleLevel::ALL[to];
        let c = Candidate { level: from, series: Some(S::Secondary), ..eligible() };
        let failed = check(&c, (S::Secondary, to), &req());
        let skips = failed.iter().any(|f| f.starts_with("不得越级申报"));
        prop_assert_eq!(skips, !from.is_promotion_to(to));
    }
}
