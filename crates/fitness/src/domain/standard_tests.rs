//! The compiled-in tables are complete and consistent for grades 1–12.

use platform::vocab::Sex;

use super::item::Item;
use super::standard::{standard, Bonus};

#[test]
fn every_grade_and_sex_tests_items_weighing_one_hundred_percent() {
    let s = standard();
    for grade in 1..=12u8 {
        for sex in [Sex::Male, Sex::Female] {
            let items = s.items_of(grade, sex);
            let sum: i64 = items.iter().map(|(_, p)| p).sum();
            assert_eq!(sum, 100, "grade {grade} {sex:?}");
            assert!(items.iter().any(|(i, _)| *i == Item::Bmi));
        }
    }
    assert!(s.items_of(0, Sex::Male).is_empty());
    assert!(
        s.items_of(13, Sex::Male).is_empty(),
        "university rows are not read"
    );
}

#[test]
fn every_tested_item_has_a_monotone_table_from_100_down_to_a_fail() {
    let s = standard();
    for grade in 1..=12u8 {
        for sex in [Sex::Male, Sex::Female] {
            for (item, _) in s.items_of(grade, sex) {
                if item == Item::Bmi {
                    continue;
                }
                let steps = &s.scores[&(grade, sex, item)];
                assert_eq!(
                    steps.first().map(|s| s.score),
                    Some(100),
                    "{grade} {item:?}"
                );
                // The lowest step is a failing one (引体向上 stops at one pull-up, scored 30 or more).
                assert!(
                    steps.last().is_some_and(|s| s.score < 60),
                    "{grade} {item:?}"
                );
                for w in steps.windows(2) {
                    assert!(w[0].score > w[1].score);
                    if item.lower_is_better() {
                        assert!(w[0].threshold <= w[1].threshold, "{grade} {item:?} {w:?}");
                    } else {
                        assert!(w[0].threshold >= w[1].threshold, "{grade} {item:?} {w:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn bmi_bands_cover_every_value_once() {
    let s = standard();
    for grade in 1..=12u8 {
        for sex in [Sex::Male, Sex::Female] {
            let bands = &s.bmi[&(grade, sex)];
            assert_eq!(bands.len(), 4);
            for bmi in 50..=500 {
                let n = bands
                    .iter()
                    .filter(|b| b.min.is_none_or(|m| bmi >= m) && b.max.is_none_or(|m| bmi <= m))
                    .count();
                assert_eq!(n, 1, "grade {grade} {sex:?} bmi {bmi}");
            }
        }
    }
}

#[test]
fn bonus_rules_and_levels_read_as_the_standard_says() {
    let s = standard();
    let rope = s
        .bonuses
        .iter()
        .find(|r| r.item == Item::RopeSkipping)
        .unwrap();
    assert!(rope.primary);
    assert_eq!(rope.bonus, Bonus::PerUnits { per: 2, max: 20 });
    let run = s.bonuses.iter().find(|r| r.item == Item::Run1000m).unwrap();
    assert!(!run.primary);
    assert_eq!(run.sexes, [Sex::Male]);
    let Bonus::Ladder(steps) = &run.bonus else {
        panic!("ladder")
    };
    assert_eq!(steps.len(), 10);
    assert!(steps.contains(&(10, -35)) && steps.contains(&(1, -4)));
    let levels: Vec<_> = s.levels.iter().map(|(l, m)| (l.as_str(), *m)).collect();
    assert_eq!(
        levels,
        [("优秀", 900), ("良好", 800), ("及格", 600), ("不及格", 0)]
    );
}
