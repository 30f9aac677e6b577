//! A group's counts in one school year (tested pupils per band, BMI
//! category and item) and the rates reported from them.

use crate::domain::Item;

platform::text_enum! {
    /// 等级 of a 学年总分 (and the rating of an item's score).
    pub enum Band {
        Excellent = "excellent" "优秀",
        Good = "good" "良好",
        Pass = "pass" "及格",
        Fail = "fail" "不及格",
    }
}

platform::text_enum! {
    /// BMI 分类 under the standard's bands.
    pub enum BmiCategory {
        Normal = "normal" "正常",
        Underweight = "underweight" "低体重",
        Overweight = "overweight" "超重",
        Obese = "obese" "肥胖",
    }
}

/// The lowest item score that passes (及格).
pub const ITEM_PASS: i64 = 60;

impl Band {
    /// The band points (in tenths) reach: 90.0 and more 优秀, 80.0 良好,
    /// 60.0 及格, below 不及格 — the standard's cut-offs, used for totals
    /// and for an item's score alike.
    pub fn of_tenths(tenths: i64) -> Band {
        match tenths {
            900.. => Band::Excellent,
            800.. => Band::Good,
            600.. => Band::Pass,
            _ => Band::Fail,
        }
    }

    fn index(self) -> usize {
        Band::ALL.iter().position(|b| *b == self).unwrap_or(0)
    }
}

impl BmiCategory {
    fn index(self) -> usize {
        BmiCategory::ALL
            .iter()
            .position(|b| *b == self)
            .unwrap_or(0)
    }
}

/// What was counted for one group in one school year: pupils tested (with
/// a total), per band, per BMI category, and per item (scored, passed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tested: i64,
    /// In the order of [`Band::ALL`].
    pub bands: [i64; 4],
    /// In the order of [`BmiCategory::ALL`].
    pub bmi: [i64; 4],
    /// (scored, passed) in the order of [`Item::ALL`].
    pub items: [(i64, i64); 11],
}

/// `count` of `total` in percent; none of nothing.
pub fn share(count: i64, total: i64) -> Option<f64> {
    (total > 0).then(|| count as f64 * 100.0 / total as f64)
}

/// 测试覆盖率: pupils tested of those enrolled, in percent, at most 100
/// (pupils tested and gone since still count as tested); none without
/// enrolled pupils.
pub fn coverage(tested: i64, enrolled: i64) -> Option<f64> {
    share(tested.min(enrolled), enrolled)
}

impl Counts {
    /// How many values [`Counts::from_values`] takes.
    pub const WIDTH: usize = 1 + 4 + 4 + 2 * 11;

    /// Counts from a flat row: tested, the bands, the BMI categories and
    /// each item's (scored, passed), in the orders above; none if the row
    /// is not [`Counts::WIDTH`] long.
    pub fn from_values(v: &[i64]) -> Option<Counts> {
        if v.len() != Counts::WIDTH {
            return None;
        }
        let mut c = Counts {
            tested: v[0],
            ..Counts::default()
        };
        c.bands.copy_from_slice(&v[1..5]);
        c.bmi.copy_from_slice(&v[5..9]);
        for (k, pair) in v[9..].chunks_exact(2).enumerate() {
            c.items[k] = (pair[0], pair[1]);
        }
        Some(c)
    }

    /// The sum of two groups' counts.
    pub fn add(&mut self, other: &Counts) {
        self.tested += other.tested;
        for k in 0..4 {
            self.bands[k] += other.bands[k];
            self.bmi[k] += other.bmi[k];
        }
        for (mine, theirs) in self.items.iter_mut().zip(other.items) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }

    pub fn band(&self, band: Band) -> i64 {
        self.bands[band.index()]
    }

    /// The band's share of the pupils tested.
    pub fn band_share(&self, band: Band) -> Option<f64> {
        share(self.band(band), self.tested)
    }

    /// 合格率: pupils reaching 及格 or better, of those tested.
    pub fn pass_rate(&self) -> Option<f64> {
        share(self.tested - self.band(Band::Fail), self.tested)
    }

    /// 优秀率: pupils reaching 优秀, of those tested.
    pub fn excellent_rate(&self) -> Option<f64> {
        self.band_share(Band::Excellent)
    }

    /// 优良率: 优秀 and 良好, of those tested.
    pub fn good_or_better_rate(&self) -> Option<f64> {
        share(
            self.band(Band::Excellent) + self.band(Band::Good),
            self.tested,
        )
    }

    pub fn bmi_count(&self, c: BmiCategory) -> i64 {
        self.bmi[c.index()]
    }

    /// The category's share of the pupils with a BMI category.
    pub fn bmi_share(&self, c: BmiCategory) -> Option<f64> {
        share(self.bmi_count(c), self.bmi.iter().sum())
    }

    /// (scored, passed) of an item.
    pub fn item(&self, item: Item) -> (i64, i64) {
        let k = Item::ALL.iter().position(|i| *i == item).unwrap_or(0);
        self.items[k]
    }

    /// An item's pass rate: scores of [`ITEM_PASS`] or more, of those
    /// scored in it.
    pub fn item_pass_rate(&self, item: Item) -> Option<f64> {
        let (scored, passed) = self.item(item);
        share(passed, scored)
    }
}

/// One school year of a trend, with the change on the school year before
/// in percentage points (none for the first year or a gap).
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub school_year: i64,
    pub tested: i64,
    pub pass_rate: Option<f64>,
    pub excellent_rate: Option<f64>,
    pub good_or_better_rate: Option<f64>,
    /// 合格率 比上年 (百分点).
    pub pass_change: Option<f64>,
    /// 优秀率 比上年 (百分点).
    pub excellent_change: Option<f64>,
}

fn change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(now? - before?)
}

/// The trend over school years, oldest first; each year compared with the
/// year just before it, if counted.
pub fn trend(years: &[(i64, Counts)]) -> Vec<TrendPoint> {
    let mut sorted: Vec<&(i64, Counts)> = years.iter().collect();
    sorted.sort_by_key(|(y, _)| *y);
    sorted
        .iter()
        .map(|(year, c)| {
            let before = sorted.iter().find(|(y, _)| *y == year - 1).map(|(_, b)| b);
            TrendPoint {
                school_year: *year,
                tested: c.tested,
                pass_rate: c.pass_rate(),
                excellent_rate: c.excellent_rate(),
                good_or_better_rate: c.good_or_better_rate(),
                pass_change: before.and_then(|b| change(c.pass_rate(), b.pass_rate())),
                excellent_change: before
                    .and_then(|b| change(c.excellent_rate(), b.excellent_rate())),
            }
        })
        .collect()
}
