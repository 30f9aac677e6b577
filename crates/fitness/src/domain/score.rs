//! A student's 学年总分: each item's score from its table, weighted by the
//! grade group's weights (标准分), plus 加分 beyond the 100-point results,
//! and the level it reaches; and the 毕业成绩 over the school years.

use std::collections::HashMap;

use platform::vocab::Sex;

use super::item::Item;
use super::measure::Measure;
use super::standard::{BmiBand, Bonus, Standard, Step};

/// Points in tenths: 87.5 分 is `Tenths(875)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tenths(pub i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0 / 10, self.0 % 10)
    }
}

/// One student's results in one school year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Measurements {
    /// 身高 in tenths of a centimetre and 体重 in tenths of a kilogram.
    pub height: Option<Measure>,
    pub weight: Option<Measure>,
    pub results: HashMap<Item, Measure>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemScore {
    pub item: Item,
    /// The result (for BMI: the BMI in tenths).
    pub value: Measure,
    pub score: i64,
    pub percent: i64,
    /// BMI's band (正常, 低体重 …), empty for the other items.
    pub category: String,
}

/// 学年总分 and how it was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored {
    pub items: Vec<ItemScore>,
    /// 标准分: Σ score × weight, in tenths (rounded half up).
    pub standard: Tenths,
    /// 附加分, whole points.
    pub bonus: i64,
    /// 学年总分 = 标准分 + 附加分.
    pub total: Tenths,
    pub level: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FitnessError {
    #[error("年级 {0} 不在体质健康标准范围内（1～12 年级）")]
    Grade(u8),
    #[error("缺少{0}的成绩")]
    Missing(&'static str),
    #[error("{grade}年级{sex}生不测{item}")]
    NotTested {
        grade: u8,
        sex: &'static str,
        item: &'static str,
    },
    #[error("身高或体重不合理（身高 {height} 厘米，体重 {weight} 千克）")]
    BodySize { height: String, weight: String },
}

impl Standard {
    /// The items a grade tests, with their weights, for a sex.
    pub fn items_of(&self, grade: u8, sex: Sex) -> Vec<(Item, i64)> {
        self.weights
            .iter()
            .filter(|w| (w.grades.0..=w.grades.1).contains(&grade) && w.sexes.contains(&sex))
            .map(|w| (w.item, w.percent))
            .collect()
    }

    /// Scores a student's results in `grade`.
    pub fn score(
        &self,
        grade: u8,
        sex: Sex,
        m: &Measurements,
    ) -> Result<Scored, Vec<FitnessError>> {
        let tested = self.items_of(grade, sex);
        if tested.is_empty() {
            return Err(vec![FitnessError::Grade(grade)]);
        }
        let mut errors: Vec<FitnessError> = Item::ALL
            .iter()
            .filter(|i| m.results.contains_key(i) && !tested.iter().any(|(t, _)| t == *i))
            .map(|i| FitnessError::NotTested {
                grade,
                sex: sex.label(),
                item: i.label(),
            })
            .collect();
        let mut items = Vec::new();
        for (item, percent) in tested {
            match self.item_score(grade, sex, item, m) {
                Ok((value, score, category)) => items.push(ItemScore {
                    item,
                    value,
                    score,
                    percent,
                    category,
                }),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Σ score × percent is in hundredths of a point.
        let hundredths: i64 = items.iter().map(|i| i.score * i.percent).sum();
        let standard = Tenths((hundredths + 5) / 10);
        let bonus = self.bonus(grade, sex, &m.results);
        let total = Tenths(standard.0 + bonus * 10);
        Ok(Scored {
            level: self.level(total).to_string(),
            items,
            standard,
            bonus,
            total,
        })
    }

    fn item_score(
        &self,
        grade: u8,
        sex: Sex,
        item: Item,
        m: &Measurements,
    ) -> Result<(Measure, i64, String), FitnessError> {
        if item == Item::Bmi {
            let (Some(h), Some(w)) = (m.height, m.weight) else {
                return Err(FitnessError::Missing("身高体重"));
            };
            let bmi = bmi(h, w).ok_or_else(|| FitnessError::BodySize {
                height: h.format(),
                weight: w.format(),
            })?;
            let band = self.bmi_band(grade, sex, bmi);
            return Ok((
                Measure(bmi),
                band.map_or(0, |b| b.score),
                band.map(|b| b.category.clone()).unwrap_or_default(),
            ));
        }
        let value = *m
            .results
            .get(&item)
            .ok_or(FitnessError::Missing(item.label()))?;
        let steps = self
            .scores
            .get(&(grade, sex, item))
            .map(Vec::as_slice)
            .unwrap_or_default();
        Ok((
            value,
            table_score(steps, item.lower_is_better(), value),
            String::new(),
        ))
    }

    fn bmi_band(&self, grade: u8, sex: Sex, bmi: i64) -> Option<&BmiBand> {
        self.bmi
            .get(&(grade, sex))?
            .iter()
            .find(|b| b.min.is_none_or(|min| bmi >= min) && b.max.is_none_or(|max| bmi <= max))
    }

    /// 附加分 of a year's results: the primary or the secondary rules.
    fn bonus(&self, grade: u8, sex: Sex, results: &HashMap<Item, Measure>) -> i64 {
        let primary = grade <= 6;
        self.bonuses
            .iter()
            .filter(|r| r.primary == primary && r.sexes.contains(&sex))
            .filter_map(|r| {
                let value = *results.get(&r.item)?;
                let steps = self.scores.get(&(grade, sex, r.item))?;
                let full = steps.first().filter(|s| s.score == 100)?.threshold;
                Some(bonus_points(
                    &r.bonus,
                    r.item.lower_is_better(),
                    full,
                    value,
                ))
            })
            .sum()
    }

    /// The level (优秀 …) a total reaches.
    pub fn level(&self, total: Tenths) -> &str {
        self.levels
            .iter()
            .find(|(_, min)| total.0 >= *min)
            .map_or("", |(label, _)| label.as_str())
    }
}

/// The best score whose result the value reaches; 0 below the lowest.
pub fn table_score(steps: &[Step], lower_is_better: bool, value: Measure) -> i64 {
    steps
        .iter()
        .find(|s| {
            if lower_is_better {
                value <= s.threshold
            } else {
                value >= s.threshold
            }
        })
        .map_or(0, |s| s.score)
}

/// Points beyond the result that scores 100 (`full`).
pub fn bonus_points(bonus: &Bonus, lower_is_better: bool, full: Measure, value: Measure) -> i64 {
    // How far beyond `full`, in tenths of the unit, the better way.
    let beyond = if lower_is_better {
        full.0 - value.0
    } else {
        value.0 - full.0
    };
    if beyond <= 0 {
        return 0;
    }
    match bonus {
        Bonus::PerUnits { per, max } => (beyond / (per * 10)).min(*max),
        Bonus::Ladder(steps) => steps
            .iter()
            .filter(|(_, margin)| beyond >= margin.abs() * 10)
            .map(|(points, _)| *points)
            .max()
            .unwrap_or(0),
    }
}

/// BMI = 体重(kg) / 身高(m)², in tenths, rounded half up; `None` for a
/// height or weight no child has.
pub fn bmi(height: Measure, weight: Measure) -> Option<i64> {
    let plausible = (500..=2_500).contains(&height.0) && (50..=2_500).contains(&weight.0);
    if !plausible {
        return None;
    }
    // weight/10 kg ÷ (height/1000 m)² × 10 = weight × 10⁶ ÷ height².
    let h2 = height.0 * height.0;
    Some((weight.0 * 2_000_000 + h2) / (2 * h2))
}

/// 毕业成绩 = 毕业当年学年总分 × 50% + 其他学年总分平均 × 50%, in tenths
/// rounded half up; with no other year, the final year's total.
pub fn graduation_total(final_year: Tenths, other_years: &[Tenths]) -> Tenths {
    if other_years.is_empty() {
        return final_year;
    }
    let n = other_years.len() as i64;
    let others: i64 = other_years.iter().map(|t| t.0).sum();
    // (final + others / n) / 2 = (final × n + others) / 2n, rounded.
    Tenths((2 * (final_year.0 * n + others) + 2 * n) / (4 * n))
}
