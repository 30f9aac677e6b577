//! Scoring against every cell of the standard's tables, read here from the
//! CSV files on their own (not through `Standard::read`): each item's score
//! at each threshold and one tenth short of it, for every grade and both
//! sexes; each BMI band's edges; a worked example computed by hand from the
//! standard's text; and properties of the totals.

use std::collections::HashMap;

use platform::vocab::Sex;
use proptest::prelude::*;

use super::item::Item;
use super::measure::Measure;
use super::score::{Measurements, Tenths};
use super::standard::standard;

const ITEM_SCORES: &str = include_str!("../../../../data/standards/fitness/item_scores.csv");
const BMI_BANDS: &str = include_str!("../../../../data/standards/fitness/bmi_bands.csv");

fn sex(code: &str) -> Sex {
    if code == "F" {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// The rows of a table file: header name → cell.
fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|l| {
            head.iter()
                .zip(l.split(','))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A complete sheet for the grade and sex: every item at its full-marks
/// result, BMI normal.
fn full_marks(grade: u8, sx: Sex) -> Measurements {
    let s = standard();
    let mut m = Measurements {
        height: Some(Measure(1_000)),
        weight: Some(Measure(180)),
        results: HashMap::new(),
    };
    for (item, _) in s.items_of(grade, sx) {
        if let Some(steps) = s.scores.get(&(grade, sx, item)) {
            m.results.insert(item, steps[0].threshold);
        }
    }
    m
}

fn item_score(grade: u8, sx: Sex, m: &Measurements, item: Item) -> i64 {
    let scored = standard().score(grade, sx, m).expect("complete");
    scored.items.iter().find(|i| i.item == item).unwrap().score
}

#[test]
fn every_cell_of_every_item_table_scores_at_its_threshold_and_not_a_tenth_short() {
    let mut cells = 0;
    for row in rows(ITEM_SCORES) {
        let grade: u8 = row["grade"].parse().unwrap();
        if grade > 12 {
            continue;
        }
        let sx = sex(&row["sex"]);
        let item = Item::parse(&row["item"]).unwrap();
        let score: i64 = row["score"].parse().unwrap();
        let threshold = Measure::parse(item, &row["threshold"]).unwrap();
        let lower = row["direction"] == "lower";
        assert_eq!(lower, item.lower_is_better(), "{row:?}");
        let mut m = full_marks(grade, sx);
        m.results.insert(item, threshold);
        let at = item_score(grade, sx, &m, item);
        // Two rows may share a threshold (the better score wins).
        assert!(
            at >= score,
            "{grade} {sx:?} {item:?} at {threshold:?}: {at} < {score}"
        );
        let short = Measure(if lower {
            threshold.0 + 1
        } else {
            threshold.0 - 1
        });
        m.results.insert(item, short);
        assert!(
            item_score(grade, sx, &m, item) < score,
            "{grade} {sx:?} {item:?} a tenth short of {threshold:?} still scores {score}"
        );
        cells += 1;
    }
    assert!(cells > 2_000, "{cells} cells");
}

#[test]
fn every_bmi_band_edge_scores_its_band() {
    let mut edges = 0;
    for row in rows(BMI_BANDS) {
        let grade: u8 = row["grade"].parse().unwrap();
        if grade > 12 {
            continue;
        }
        let sx = sex(&row["sex"]);
        let score: i64 = row["score"].parse().unwrap();
        for (edge, outside) in [("bmi_min", -1), ("bmi_max", 1)] {
            let Some(text) = row.get(edge).filter(|t| !t.is_empty()) else {
                continue;
            };
            let bmi = Measure::parse(Item::StandingLongJump, text).unwrap().0;
            // At 100.0 cm the BMI is the weight itself.
            let mut m = full_marks(grade, sx);
            m.weight = Some(Measure(bmi));
            let s = standard().score(grade, sx, &m).unwrap();
            assert_eq!(s.items[0].score, score, "{row:?}");
            assert_eq!(s.items[0].category, row["category"], "{row:?}");
            m.weight = Some(Measure(bmi + outside));
            let s = standard().score(grade, sx, &m).unwrap();
            assert_ne!(
                s.items[0].category, row["category"],
                "{row:?} one tenth outside"
            );
            edges += 1;
        }
    }
    assert!(edges >= 12 * 2 * 6, "{edges} edges");
}

#[test]
fn a_senior_girl_worked_by_hand() {
    // 高二女生: 160.0 cm, 60.0 kg → BMI 23.4 超重 80; 肺活量 2900 → 80;
    // 50米 8.0 → 85; 坐位体前屈 20.0 → 85; 立定跳远 180 → 80;
    // 仰卧起坐 60 → 100 (+6 beyond 54: 3 加分); 800米 3'10" → 100
    // (12 s under 3'22": 2 加分).
    // 标准分 = (80×15 + 80×15 + 85×20 + 85×10 + 80×10 + 100×10 + 100×20) / 100
    //        = 87.50; 学年总分 = 87.5 + 5 = 92.5, 优秀.
    let m = Measurements {
        height: Some(Measure(1_600)),
        weight: Some(Measure(600)),
        results: HashMap::from([
            (Item::VitalCapacity, Measure(29_000)),
            (Item::Sprint50m, Measure(80)),
            (Item::SitAndReach, Measure(200)),
            (Item::StandingLongJump, Measure(1_800)),
            (Item::SitUps, Measure(600)),
            (Item::Run800m, Measure(1_900)),
        ]),
    };
    let s = standard().score(11, Sex::Female, &m).expect("complete");
    let scores: Vec<_> = s.items.iter().map(|i| (i.item, i.score)).collect();
    assert_eq!(
        scores,
        [
            (Item::Bmi, 80),
            (Item::VitalCapacity, 80),
            (Item::Sprint50m, 85),
            (Item::SitAndReach, 85),
            (Item::StandingLongJump, 80),
            (Item::SitUps, 100),
            (Item::Run800m, 100),
        ]
    );
    assert_eq!(s.items[0].value, Measure(234));
    assert_eq!(s.items[0].category, "超重");
    assert_eq!(s.standard, Tenths(875));
    assert_eq!(s.bonus, 5);
    assert_eq!(s.total, Tenths(925));
    assert_eq!(s.level, "优秀");
}

/// A random complete sheet: each item at a random step's threshold moved
/// by up to ±3 units.
fn sheet(grade: u8, sx: Sex, picks: &[(usize, i64)]) -> Measurements {
    let s = standard();
    let mut m = full_marks(grade, sx);
    for (k, (item, _)) in s.items_of(grade, sx).into_iter().enumerate() {
        let Some(steps) = s.scores.get(&(grade, sx, item)) else {
            continue;
        };
        let (pick, jitter) = picks[k % picks.len()];
        let v = steps[pick % steps.len()].threshold.0 + jitter;
        m.results.insert(item, Measure(v.max(0)));
    }
    m
}

proptest! {
    #[test]
    fn totals_stay_within_0_and_120(
        grade in 1u8..=12, female in any::<bool>(), weight in 50i64..2500,
        picks in prop::collection::vec((0usize..40, -30i64..30), 8),
    ) {
        let sx = if female { Sex::Female } else { Sex::Male };
        let mut m = sheet(grade, sx, &picks);
        m.weight = Some(Measure(weight));
        let s = standard().score(grade, sx, &m).unwrap();
        prop_assert!((0..=1_200).contains(&s.total.0), "{}", s.total);
        prop_assert!((0..=1_000).contains(&s.standard.0));
        prop_assert!((0..=20).contains(&s.bonus));
    }

    #[test]
    fn a_better_result_never_lowers_the_total(
        grade in 1u8..=12, female in any::<bool>(), which in 0usize..8, by in 1i64..200,
        picks in prop::collection::vec((0usize..40, -30i64..30), 8),
    ) {
        let sx = if female { Sex::Female } else { Sex::Male };
        let m = sheet(grade, sx, &picks);
        let items: Vec<Item> = m.results.keys().copied().collect();
        let mut sorted = items.clone();
        sorted.sort_by_key(|i| i.as_str());
        let item = sorted[which % sorted.len()];
        let mut better = m.clone();
        let v = m.results[&item].0;
        better.results.insert(item, Measure(if item.lower_is_better() { (v - by).max(0) } else { v + by }));
        let s = standard();
        let before = s.score(grade, sx, &m).unwrap();
        let after = s.score(grade, sx, &better).unwrap();
        prop_assert!(after.total >= before.total, "{item:?} {v} by {by}: {} < {}", after.total, before.total);
        let score = |x: &super::score::Scored| x.items.iter().find(|i| i.item == item).unwrap().score;
        prop_assert!(score(&after) >= score(&before));
    }
}
