use std::collections::HashMap;

use platform::vocab::Sex;
use proptest::prelude::*;

use super::item::Item;
use super::measure::Measure;
use super::score::*;
use super::standard::{standard, Bonus, Step};

fn m(item: Item, text: &str) -> (Item, Measure) {
    (item, Measure::parse(item, text).expect(text))
}

fn body(height: &str, weight: &str) -> Measurements {
    Measurements {
        height: Measure::parse(Item::StandingLongJump, height),
        weight: Measure::parse(Item::StandingLongJump, weight),
        results: HashMap::new(),
    }
}

#[test]
fn a_first_grader_is_scored_item_by_item_with_the_rope_bonus() {
    let mut kid = body("120.0", "22.0");
    kid.results = HashMap::from([
        m(Item::VitalCapacity, "1450"),
        m(Item::Sprint50m, "10.25"),
        m(Item::SitAndReach, "12.0"),
        m(Item::RopeSkipping, "125"),
    ]);
    let s = standard().score(1, Sex::Male, &kid).expect("scored");
    let scores: Vec<_> = s
        .items
        .iter()
        .map(|i| (i.item, i.score, i.percent))
        .collect();
    assert_eq!(
        scores,
        [
            (Item::Bmi, 100, 15),
            (Item::VitalCapacity, 85, 15),
            (Item::Sprint50m, 95, 20),
            (Item::SitAndReach, 85, 30),
            (Item::RopeSkipping, 100, 20),
        ]
    );
    assert_eq!(s.items[0].value, Measure(153));
    assert_eq!(s.items[0].category, "正常");
    // 92.25 rounds to 92.3; 16 skips beyond 109 earn 8 points.
    assert_eq!(s.standard, Tenths(923));
    assert_eq!(s.bonus, 8);
    assert_eq!(s.total, Tenths(1003));
    assert_eq!(s.total.to_string(), "100.3");
    assert_eq!(s.level, "优秀");
}

#[test]
fn an_eighth_grader_gets_pull_up_and_run_bonuses() {
    let mut boy = body("165.0", "70.0");
    boy.results = HashMap::from([
        m(Item::VitalCapacity, "3200"),
        m(Item::Sprint50m, "7.9"),
        m(Item::SitAndReach, "-1.4"),
        m(Item::StandingLongJump, "240"),
        m(Item::PullUps, "17"),
        m(Item::Run1000m, "3'40\""),
    ]);
    let s = standard().score(8, Sex::Male, &boy).expect("scored");
    assert_eq!(s.items[0].category, "肥胖");
    assert_eq!(s.items[0].score, 60);
    assert_eq!(s.standard, Tenths(830));
    assert_eq!(s.bonus, 5, "3 for pull-ups, 2 for 10 s under 3'50\"");
    assert_eq!(s.total, Tenths(880));
    assert_eq!(s.level, "良好");
}

#[test]
fn a_primary_pupil_earns_no_secondary_bonus() {
    // Full marks everywhere, 1分钟仰卧起坐 far beyond 48 and 跳绳 at 158:
    // sit-ups earn 加分 only from 初中 on, and 跳绳 only beyond 158.
    let mut girl = body("140.0", "35.0");
    girl.results = HashMap::from([
        m(Item::VitalCapacity, "2250"),
        m(Item::Sprint50m, "8.3"),
        m(Item::SitAndReach, "19.8"),
        m(Item::RopeSkipping, "158"),
        m(Item::SitUps, "70"),
        m(Item::Shuttle8x50m, "1'41\""),
    ]);
    let s = standard().score(5, Sex::Female, &girl).expect("scored");
    assert_eq!(s.standard, Tenths(1000));
    assert_eq!(s.bonus, 0);
}

#[test]
fn missing_and_untested_items_are_named() {
    let mut kid = body("120.0", "22.0");
    kid.results = HashMap::from([m(Item::VitalCapacity, "1450"), m(Item::Run800m, "200")]);
    let errors = standard().score(1, Sex::Female, &kid).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "1年级女生不测800米跑",
            "缺少50米跑的成绩",
            "缺少坐位体前屈的成绩",
            "缺少1分钟跳绳的成绩"
        ]
    );
    let errors = standard()
        .score(1, Sex::Male, &Measurements::default())
        .unwrap_err();
    assert_eq!(errors[0], FitnessError::Missing("身高体重"));
    assert_eq!(
        standard().score(13, Sex::Male, &Measurements::default()),
        Err(vec![FitnessError::Grade(13)])
    );
    let mut giant = body("300.0", "22.0");
    giant.results = HashMap::from([
        m(Item::VitalCapacity, "1450"),
        m(Item::Sprint50m, "10.25"),
        m(Item::SitAndReach, "12.0"),
        m(Item::RopeSkipping, "125"),
    ]);
    assert_eq!(
        standard().score(1, Sex::Male, &giant).unwrap_err(),
        [FitnessError::BodySize {
            height: "300".into(),
            weight: "22".into()
        }]
    );
}

#[test]
fn results_are_read_as_test_sheets_write_them() {
    let p = Measure::parse;
    assert_eq!(p(Item::Sprint50m, "10.2"), Some(Measure(102)));
    assert_eq!(p(Item::Sprint50m, "10.21"), Some(Measure(103)), "timed: up");
    assert_eq!(p(Item::Sprint50m, "10.200"), Some(Measure(102)));
    assert_eq!(
        p(Item::SitAndReach, "16.19"),
        Some(Measure(161)),
        "distance: down"
    );
    assert_eq!(p(Item::SitAndReach, "-0.8"), Some(Measure(-8)));
    assert_eq!(
        p(Item::SitAndReach, "-0.85"),
        Some(Measure(-9)),
        "down is further below zero"
    );
    assert_eq!(
        p(Item::Sprint50m, "-1"),
        None,
        "only 坐位体前屈 is negative"
    );
    assert_eq!(p(Item::Run1000m, "3'30\""), Some(Measure(2100)));
    assert_eq!(p(Item::Run1000m, "3′30″"), Some(Measure(2100)));
    assert_eq!(p(Item::Run1000m, "3:30.4"), Some(Measure(2104)));
    assert_eq!(p(Item::Run1000m, "3:30.41"), Some(Measure(2105)));
    assert_eq!(p(Item::Run800m, "210"), Some(Measure(2100)));
    assert_eq!(p(Item::Run1000m, "3'60\""), None);
    assert_eq!(p(Item::Sprint50m, "3'30\""), None, "a sprint is in seconds");
    for bad in [
        "", "abc", "1.", ".5", "1.2345", "1e3", "1234567", "3''", "一",
    ] {
        assert_eq!(p(Item::Run1000m, bad), None, "{bad}");
        assert_eq!(p(Item::VitalCapacity, bad), None, "{bad}");
    }
    assert_eq!(Measure(102).format(), "10.2");
    assert_eq!(Measure(2100).format(), "210");
    assert_eq!(Measure(-8).format(), "-0.8");
    assert_eq!(Measure(-20).format(), "-2");
    assert_eq!(Measure(0).format(), "0");
}

#[test]
fn table_scores_take_the_best_step_reached() {
    let steps = [
        Step {
            score: 100,
            threshold: Measure(102),
        },
        Step {
            score: 95,
            threshold: Measure(103),
        },
        Step {
            score: 10,
            threshold: Measure(136),
        },
    ];
    assert_eq!(table_score(&steps, true, Measure(101)), 100);
    assert_eq!(table_score(&steps, true, Measure(102)), 100);
    assert_eq!(table_score(&steps, true, Measure(103)), 95);
    assert_eq!(table_score(&steps, true, Measure(136)), 10);
    assert_eq!(table_score(&steps, true, Measure(137)), 0);
    let up = [
        Step {
            score: 100,
            threshold: Measure(170),
        },
        Step {
            score: 10,
            threshold: Measure(50),
        },
    ];
    assert_eq!(table_score(&up, false, Measure(170)), 100);
    assert_eq!(table_score(&up, false, Measure(169)), 10);
    assert_eq!(table_score(&up, false, Measure(49)), 0);
}

#[test]
fn bonuses_start_beyond_the_full_marks_result() {
    let rope = Bonus::PerUnits { per: 2, max: 20 };
    let full = Measure(1090);
    assert_eq!(bonus_points(&rope, false, full, Measure(1090)), 0);
    assert_eq!(bonus_points(&rope, false, full, Measure(1100)), 0);
    assert_eq!(bonus_points(&rope, false, full, Measure(1110)), 1);
    assert_eq!(
        bonus_points(&rope, false, full, Measure(1500)),
        20,
        "capped"
    );
    let run = Bonus::Ladder(vec![(1, -4), (2, -8), (10, -35)]);
    let full = Measure(2300);
    assert_eq!(bonus_points(&run, true, full, Measure(2270)), 0);
    assert_eq!(bonus_points(&run, true, full, Measure(2260)), 1);
    assert_eq!(bonus_points(&run, true, full, Measure(2220)), 2);
    assert_eq!(bonus_points(&run, true, full, Measure(1950)), 10);
    assert_eq!(bonus_points(&run, true, full, Measure(2400)), 0);
}

#[test]
fn bmi_rounds_half_up_and_refuses_impossible_bodies() {
    assert_eq!(bmi(Measure(1200), Measure(220)), Some(153));
    assert_eq!(bmi(Measure(1000), Measure(225)), Some(225));
    // 20.0 kg at 100.0 cm is exactly 20.0; 20.05 rounds to 20.1.
    assert_eq!(bmi(Measure(1000), Measure(200)), Some(200));
    assert_eq!(bmi(Measure(499), Measure(200)), None);
    assert_eq!(bmi(Measure(500), Measure(200)), Some(800));
    assert_eq!(bmi(Measure(2500), Measure(2500)), Some(400));
    // 20.2 kg at 200.0 cm is 5.05: half up to 5.1; 20.1 kg is 5.025: 5.0.
    assert_eq!(bmi(Measure(2000), Measure(202)), Some(51));
    assert_eq!(bmi(Measure(2000), Measure(201)), Some(50));
    assert_eq!(bmi(Measure(2501), Measure(200)), None);
    assert_eq!(bmi(Measure(1200), Measure(49)), None);
    assert_eq!(bmi(Measure(1200), Measure(2501)), None);
    assert_eq!(bmi(Measure(1200), Measure(50)), Some(35));
}

#[test]
fn the_graduation_score_is_half_the_final_year_and_half_the_others() {
    assert_eq!(
        graduation_total(Tenths(900), &[Tenths(800), Tenths(700)]),
        Tenths(825)
    );
    // 85.0 × 50% + 80.05 × 50% = 82.525 → 82.5; 85.1 and 80.0 → 82.55 → 82.6.
    assert_eq!(
        graduation_total(Tenths(850), &[Tenths(800), Tenths(801)]),
        Tenths(825)
    );
    assert_eq!(graduation_total(Tenths(851), &[Tenths(800)]), Tenths(826));
    assert_eq!(graduation_total(Tenths(777), &[]), Tenths(777));
    // Exactly half a tenth rounds up, whatever the number of other years.
    assert_eq!(graduation_total(Tenths(1), &[Tenths(0); 2]), Tenths(1));
    assert_eq!(graduation_total(Tenths(1), &[Tenths(0); 3]), Tenths(1));
    assert_eq!(graduation_total(Tenths(0), &[Tenths(1); 3]), Tenths(1));
}

#[test]
fn levels_start_at_90_80_and_60() {
    let s = standard();
    assert_eq!(s.level(Tenths(900)), "优秀");
    assert_eq!(s.level(Tenths(899)), "良好");
    assert_eq!(s.level(Tenths(800)), "良好");
    assert_eq!(s.level(Tenths(799)), "及格");
    assert_eq!(s.level(Tenths(600)), "及格");
    assert_eq!(s.level(Tenths(599)), "不及格");
    assert_eq!(s.level(Tenths(0)), "不及格");
    assert_eq!(Tenths(5).to_string(), "0.5");
}

proptest! {
    #[test]
    fn parsing_never_panics(text in ".{0,16}") {
        for item in Item::ALL {
            let _ = Measure::parse(*item, &text);
        }
    }

    #[test]
    fn a_better_result_never_scores_less(grade in 1u8..=12, a in 0i64..5000, b in 0i64..5000) {
        let s = standard();
        for (item, _) in s.items_of(grade, Sex::Female) {
            let Some(steps) = s.scores.get(&(grade, Sex::Female, item)) else { continue };
            let (better, worse) = if item.lower_is_better() { (a.min(b), a.max(b)) } else { (a.max(b), a.min(b)) };
            prop_assert!(table_score(steps, item.lower_is_better(), Measure(better))
                >= table_score(steps, item.lower_is_better(), Measure(worse)));
        }
    }

    #[test]
    fn the_graduation_score_lies_between_its_parts(f in 0i64..1200, o in prop::collection::vec(0i64..1200, 1..6)) {
        let others: Vec<Tenths> = o.iter().copied().map(Tenths).collect();
        let g = graduation_total(Tenths(f), &others).0;
        let lo = f.min(*o.iter().min().unwrap());
        let hi = f.max(*o.iter().max().unwrap());
        prop_assert!(lo <= g && g <= hi);
    }
}
