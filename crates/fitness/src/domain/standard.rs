//! The standard's tables, read once from the CSV files compiled in: item
//! score tables per grade and sex, BMI bands, weights per grade group,
//! bonus rules and the levels.

use std::collections::HashMap;
use std::sync::OnceLock;

use platform::vocab::Sex;

use super::item::Item;
use super::measure::Measure;

const ITEM_SCORES: &str = include_str!("../../../../data/standards/fitness/item_scores.csv");
const BMI_BANDS: &str = include_str!("../../../../data/standards/fitness/bmi_bands.csv");
const WEIGHTS: &str = include_str!("../../../../data/standards/fitness/weights.csv");
const BONUS_RULES: &str = include_str!("../../../../data/standards/fitness/bonus_rules.csv");
const LEVELS: &str = include_str!("../../../../data/standards/fitness/levels.csv");

/// One row of a score table: the result needed for a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub score: i64,
    pub threshold: Measure,
}

/// A BMI band (正常, 低体重, 超重, 肥胖) with its score; bounds inclusive,
/// in tenths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BmiBand {
    pub category: String,
    pub score: i64,
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// An item's weight (%) in a range of grades, for one or both sexes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weight {
    pub grades: (u8, u8),
    pub item: Item,
    pub percent: i64,
    pub sexes: Vec<Sex>,
}

/// 加分 of an item beyond the result that scores 100.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bonus {
    /// One point per `per` units beyond, up to `max` (1分钟跳绳).
    PerUnits { per: i64, max: i64 },
    /// Points for reaching 100's result plus (or, for runs, minus) a
    /// margin in whole units: (points, margin), any order.
    Ladder(Vec<(i64, i64)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BonusRule {
    pub item: Item,
    /// "小学" or the junior/senior stages.
    pub primary: bool,
    pub sexes: Vec<Sex>,
    pub bonus: Bonus,
}

/// The whole standard.
#[derive(Debug)]
pub struct Standard {
    pub scores: HashMap<(u8, Sex, Item), Vec<Step>>,
    pub bmi: HashMap<(u8, Sex), Vec<BmiBand>>,
    pub weights: Vec<Weight>,
    pub bonuses: Vec<BonusRule>,
    /// (label, lowest total in tenths), the highest first.
    pub levels: Vec<(String, i64)>,
}

/// The standard as compiled in (read on first use).
pub fn standard() -> &'static Standard {
    static STANDARD: OnceLock<Standard> = OnceLock::new();
    STANDARD
        .get_or_init(|| Standard::read().expect("the compiled-in fitness tables are well formed"))
}

fn rows(text: &str) -> Result<Vec<HashMap<String, String>>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    reader
        .records()
        .map(|r| {
            let r = r.map_err(|e| e.to_string())?;
            Ok(headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect())
        })
        .collect()
}

fn field<'a>(row: &'a HashMap<String, String>, name: &str) -> Result<&'a str, String> {
    row.get(name)
        .map(String::as_str)
        .ok_or_else(|| format!("missing column {name}"))
}

/// "16.1", "-0.8", "1700" in tenths.
fn tenths(text: &str) -> Result<i64, String> {
    let (sign, magnitude) = match text.strip_prefix('-') {
        Some(m) => (-1, m),
        None => (1, text),
    };
    let (w, f) = magnitude.split_once('.').unwrap_or((magnitude, "0"));
    match (w.parse::<u32>(), f.len(), f.parse::<u32>()) {
        (Ok(w), 1, Ok(f)) => Ok(sign * (i64::from(w) * 10 + i64::from(f))),
        _ => Err(format!("not a number with one decimal: {text}")),
    }
}

fn sex(code: &str) -> Result<Sex, String> {
    match code {
        "M" => Ok(Sex::Male),
        "F" => Ok(Sex::Female),
        _ => Err(format!("unknown sex {code}")),
    }
}

fn sexes(codes: &str) -> Result<Vec<Sex>, String> {
    codes.chars().map(|c| sex(&c.to_string())).collect()
}

fn item(name: &str) -> Result<Item, String> {
    Item::parse(name).ok_or_else(|| format!("unknown item {name}"))
}

/// School grades only (1–12); the university rows (13–16) are not read.
fn school_grade(row: &HashMap<String, String>) -> Result<Option<u8>, String> {
    let g: u8 = field(row, "grade")?
        .parse()
        .map_err(|_| "bad grade".to_string())?;
    Ok((g <= 12).then_some(g))
}

impl Standard {
    fn read() -> Result<Standard, String> {
        let mut scores: HashMap<(u8, Sex, Item), Vec<Step>> = HashMap::new();
        for row in rows(ITEM_SCORES)? {
            let Some(grade) = school_grade(&row)? else {
                continue;
            };
            let key = (
                grade,
                sex(field(&row, "sex")?)?,
                item(field(&row, "item")?)?,
            );
            scores.entry(key).or_default().push(Step {
                score: field(&row, "score")?.parse().map_err(|_| "bad score")?,
                threshold: Measure(tenths(field(&row, "threshold")?)?),
            });
        }
        for steps in scores.values_mut() {
            steps.sort_by_key(|s| std::cmp::Reverse(s.score));
        }
        let mut bmi: HashMap<(u8, Sex), Vec<BmiBand>> = HashMap::new();
        for row in rows(BMI_BANDS)? {
            let Some(grade) = school_grade(&row)? else {
                continue;
            };
            let bound = |name| -> Result<Option<i64>, String> {
                let v = field(&row, name)?;
                if v.is_empty() {
                    Ok(None)
                } else {
                    tenths(v).map(Some)
                }
            };
            bmi.entry((grade, sex(field(&row, "sex")?)?))
                .or_default()
                .push(BmiBand {
                    category: field(&row, "category")?.to_string(),
                    score: field(&row, "score")?.parse().map_err(|_| "bad score")?,
                    min: bound("bmi_min")?,
                    max: bound("bmi_max")?,
                });
        }
        Ok(Standard {
            scores,
            bmi,
            weights: read_weights()?,
            bonuses: read_bonuses()?,
            levels: rows(LEVELS)?
                .iter()
                .map(|r| {
                    let min = field(r, "min_total")?;
                    let min = if min.is_empty() { 0 } else { tenths(min)? };
                    Ok((field(r, "level")?.to_string(), min))
                })
                .collect::<Result<_, String>>()?,
        })
    }
}

/// "1-2", "7-12 and 大一-大四": the school grades at the start.
fn grade_range(text: &str) -> Result<(u8, u8), String> {
    let first = text.split_whitespace().next().unwrap_or_default();
    let (a, b) = first
        .split_once('-')
        .ok_or_else(|| format!("bad grades {text}"))?;
    let parse = |s: &str| s.parse::<u8>().map_err(|_| format!("bad grades {text}"));
    Ok((parse(a)?, parse(b)?))
}

fn read_weights() -> Result<Vec<Weight>, String> {
    rows(WEIGHTS)?
        .iter()
        .map(|r| {
            Ok(Weight {
                grades: grade_range(field(r, "grades")?)?,
                item: item(field(r, "item")?)?,
                percent: field(r, "weight_pct")?.parse().map_err(|_| "bad weight")?,
                sexes: sexes(field(r, "sex_applies")?)?,
            })
        })
        .collect()
}

/// "+2 per point" → 2; "+10" → 10; "-35" → -35.
fn margin(text: &str) -> Result<i64, String> {
    let number = text.split_whitespace().next().unwrap_or_default();
    number
        .trim_start_matches('+')
        .parse()
        .map_err(|_| format!("bad margin {text}"))
}

fn read_bonuses() -> Result<Vec<BonusRule>, String> {
    let mut rules: Vec<BonusRule> = Vec::new();
    for r in rows(BONUS_RULES)? {
        let item = item(field(&r, "item")?)?;
        let primary = field(&r, "stages")?.starts_with("小学");
        let threshold = margin(field(&r, "beyond_100_score_threshold")?)?;
        let max: i64 = field(&r, "max_bonus")?.parse().map_err(|_| "bad max")?;
        if field(&r, "bonus_points")?.contains("per") {
            rules.push(BonusRule {
                item,
                primary,
                sexes: sexes(field(&r, "sex")?)?,
                bonus: Bonus::PerUnits {
                    per: threshold,
                    max,
                },
            });
            continue;
        }
        let points: i64 = field(&r, "bonus_points")?
            .parse()
            .map_err(|_| "bad points")?;
        match rules
            .iter_mut()
            .find(|x| x.item == item && x.primary == primary)
        {
            Some(BonusRule {
                bonus: Bonus::Ladder(steps),
                ..
            }) => steps.push((points, threshold)),
            _ => rules.push(BonusRule {
                item,
                primary,
                sexes: sexes(field(&r, "sex")?)?,
                bonus: Bonus::Ladder(vec![(points, threshold)]),
            }),
        }
    }
    Ok(rules)
}
