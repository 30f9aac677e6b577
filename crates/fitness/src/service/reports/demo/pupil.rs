//! One demo pupil's results in one school year: drawn from the standard's
//! own tables for the pupil's grade and sex (a latent ability shared by
//! the items, so a strong pupil is strong in most), then scored.

use std::collections::HashMap;

use platform::vocab::Sex;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::reports::BmiCategory;
use crate::domain::{standard, Item, Measure, Measurements, Scored};

/// The chance of each item score, best first (they sum to 100): about a
/// quarter of results score 80 or more, one in twelve fails.
const SCORES: [(i64, u32); 20] = [
    (100, 3),
    (95, 3),
    (90, 4),
    (85, 6),
    (80, 7),
    (78, 7),
    (76, 7),
    (74, 7),
    (72, 7),
    (70, 7),
    (68, 7),
    (66, 7),
    (64, 7),
    (62, 7),
    (60, 6),
    (50, 3),
    (40, 2),
    (30, 1),
    (20, 1),
    (10, 1),
];

/// BMI categories and their chance in percent.
const BMI: [(BmiCategory, u32); 4] = [
    (BmiCategory::Normal, 72),
    (BmiCategory::Underweight, 7),
    (BmiCategory::Overweight, 12),
    (BmiCategory::Obese, 9),
];

/// A standard normal draw (Box–Muller); a pupil's ability is one.
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// The item score at the percentile `p` (0–1, higher better).
fn score_at(p: f64) -> i64 {
    let mut worse = 100.0 * (1.0 - p);
    for (score, chance) in SCORES {
        worse -= f64::from(chance);
        if worse <= 0.0 {
            return score;
        }
    }
    10
}

/// A result of `item` that scores `target` (or the nearest score the table
/// has below it), somewhere between its threshold and the next better one.
fn result(rng: &mut ChaCha8Rng, grade: u8, sex: Sex, item: Item, target: i64) -> Option<Measure> {
    let steps = standard().scores.get(&(grade, sex, item))?;
    let k = steps
        .iter()
        .position(|s| s.score <= target)
        .unwrap_or(steps.len().checked_sub(1)?);
    let at = steps[k].threshold.0;
    let better = match k {
        0 => at + (at.abs() / 20).max(1) * if item.lower_is_better() { -1 } else { 1 },
        _ => steps[k - 1].threshold.0,
    };
    let gap = (better - at).abs();
    let step = if gap > 1 { rng.gen_range(0..gap) } else { 0 };
    if item.lower_is_better() {
        return Some(Measure(at - step));
    }
    // Counts and millilitres are whole; their thresholds are too.
    let value = at + step;
    Some(Measure(if whole(item) {
        value - value.rem_euclid(10)
    } else {
        value
    }))
}

/// Whether results of `item` are whole units (次, 毫升, 立定跳远's 厘米).
fn whole(item: Item) -> bool {
    matches!(
        item,
        Item::VitalCapacity
            | Item::RopeSkipping
            | Item::SitUps
            | Item::PullUps
            | Item::StandingLongJump
    )
}

/// 身高 (tenths of a cm) typical of a grade and sex, give or take 6 cm.
fn height(rng: &mut ChaCha8Rng, grade: u8, sex: Sex) -> i64 {
    let g = f64::from(grade);
    let typical = match (grade, sex) {
        (..=6, _) => 116.0 + 6.0 * (g - 1.0),
        (_, Sex::Male) => (152.0 + 5.0 * (g - 7.0)).min(172.0),
        (_, Sex::Female) => (150.0 + 3.0 * (g - 7.0)).min(160.0),
    };
    ((typical + 3.0 * normal(rng).clamp(-2.0, 2.0)) * 10.0).round() as i64
}

/// 身高 and 体重 whose BMI falls in a category drawn by [`BMI`].
fn body(rng: &mut ChaCha8Rng, grade: u8, sex: Sex) -> (Measure, Measure) {
    let h = height(rng, grade, sex);
    let mut pick = rng.gen_range(0..100);
    let category = BMI
        .iter()
        .find(|(_, chance)| {
            let hit = pick < *chance;
            pick = pick.saturating_sub(*chance);
            hit
        })
        .map_or(BmiCategory::Normal, |(c, _)| *c);
    let band = standard()
        .bmi
        .get(&(grade, sex))
        .and_then(|bands| bands.iter().find(|b| b.category == category.label()));
    let (lo, hi) = match band {
        Some(b) => match (b.min, b.max) {
            (Some(lo), Some(hi)) => (lo, hi),
            (Some(lo), None) => (lo, lo + 30),
            (None, Some(hi)) => (hi - 15, hi),
            (None, None) => (150, 180),
        },
        None => (150, 180),
    };
    // Stay a tenth inside the band, so rounding keeps the category.
    let bmi = rng.gen_range(lo + 1..hi.max(lo + 2));
    // 体重 in tenths of a kg = BMI (tenths) × height² (tenths of a cm) ÷ 10⁶.
    let w = (bmi * h * h + 500_000) / 1_000_000;
    (Measure(h), Measure(w))
}

/// A pupil's measurements in `grade` with ability `ability` (a standard
/// normal draw made once per pupil), and their scores.
pub fn draw(
    rng: &mut ChaCha8Rng,
    grade: u8,
    sex: Sex,
    ability: f64,
) -> Option<(Measurements, Scored)> {
    let (height, weight) = body(rng, grade, sex);
    let mut results = HashMap::new();
    for (item, _) in standard().items_of(grade, sex) {
        if item == Item::Bmi {
            continue;
        }
        let x = 0.75 * ability + 0.66 * normal(rng);
        let p = 1.0 / (1.0 + (-1.7 * x).exp());
        results.insert(item, result(rng, grade, sex, item, score_at(p))?);
    }
    let m = Measurements {
        height: Some(height),
        weight: Some(weight),
        results,
    };
    let scored = standard().score(grade, sex, &m).ok()?;
    Some((m, scored))
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;
    use crate::domain::reports::Band;

    #[test]
    fn the_score_table_is_a_whole() {
        assert_eq!(SCORES.iter().map(|s| s.1).sum::<u32>(), 100);
        assert_eq!(BMI.iter().map(|s| s.1).sum::<u32>(), 100);
        assert_eq!(score_at(1.0), 100);
        assert_eq!(score_at(0.965), 95);
        assert_eq!(score_at(0.5), 72);
        assert_eq!(score_at(0.0), 10);
    }

    /// Every grade and sex: about nine in ten pass, 15–30% 良好 or better.
    #[test]
    fn a_demo_cohort_has_a_realistic_band_mix() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for grade in 1..=12u8 {
            for sex in [Sex::Male, Sex::Female] {
                let mut bands = [0; 4];
                let n = 2_000;
                for _ in 0..n {
                    let ability = normal(&mut rng);
                    let (m, s) = draw(&mut rng, grade, sex, ability).expect("scored");
                    for (item, v) in &m.results {
                        assert!(!whole(*item) || v.0 % 10 == 0, "{item:?} {v:?}");
                    }
                    let band = Band::parse(&s.level).expect("band");
                    bands[Band::ALL.iter().position(|b| *b == band).unwrap_or(0)] += 1;
                }
                let pct = |k: i64| k * 100 / n;
                let pass = pct(n - bands[3]);
                let good = pct(bands[0] + bands[1]);
                assert!(
                    (84..=95).contains(&pass),
                    "grade {grade} {sex:?}: {bands:?}"
                );
                assert!(
                    (12..=30).contains(&good),
                    "grade {grade} {sex:?}: {bands:?}"
                );
            }
        }
    }
}
