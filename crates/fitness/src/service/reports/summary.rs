//! A group's counts as a report shows them: each band, item and BMI
//! category with its count and share.

use platform::text_enum::TextEnum;
use serde::Serialize;

use crate::domain::reports::{Band, BmiCategory, Counts};
use crate::domain::Item;

/// A count and its share (percent; none of nothing).
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Share {
    pub key: String,
    pub label: String,
    pub count: i64,
    pub share: Option<f64>,
}

/// An item's pass rate (score ≥ 60).
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ItemRate {
    pub item: Item,
    pub label: String,
    pub scored: i64,
    pub passed: i64,
    pub pass_rate: Option<f64>,
}

/// A unit or group in one school year.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    pub label: String,
    /// The query string of its own report (drill down); none for the whole.
    pub query: Option<String>,
    pub tested: i64,
    pub bands: Vec<Share>,
    /// 合格率 (及格及以上).
    pub pass_rate: Option<f64>,
    pub excellent_rate: Option<f64>,
    /// 优良率 (优秀和良好).
    pub good_or_better_rate: Option<f64>,
    /// Items scored in the group, in the standard's order.
    pub items: Vec<ItemRate>,
    pub bmi: Vec<Share>,
}

/// A count and share of each variant of `E`, in its order.
fn shares<E: TextEnum>(count: impl Fn(E) -> i64, share: impl Fn(E) -> Option<f64>) -> Vec<Share> {
    E::ALL
        .iter()
        .map(|v| Share {
            key: v.as_str().into(),
            label: v.label().into(),
            count: count(*v),
            share: share(*v),
        })
        .collect()
}

impl Summary {
    pub fn of(label: String, c: &Counts, query: Option<String>) -> Summary {
        Summary {
            label,
            query,
            tested: c.tested,
            bands: shares(|b: Band| c.band(b), |b| c.band_share(b)),
            pass_rate: c.pass_rate(),
            excellent_rate: c.excellent_rate(),
            good_or_better_rate: c.good_or_better_rate(),
            items: Item::ALL
                .iter()
                .filter(|i| c.item(**i).0 > 0)
                .map(|i| {
                    let (scored, passed) = c.item(*i);
                    ItemRate {
                        item: *i,
                        label: i.label().into(),
                        scored,
                        passed,
                        pass_rate: c.item_pass_rate(*i),
                    }
                })
                .collect(),
            bmi: shares(|k: BmiCategory| c.bmi_count(k), |k| c.bmi_share(k)),
        }
    }
}
