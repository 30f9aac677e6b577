//! Indicators (指标): the figures an area publishes, each with its name,
//! unit, definition and the query that computes it for the district, by
//! township or by institution. Dashboards, data returns and summaries read
//! figures only through these.

use chrono::NaiveDate;
use serde::Serialize;

use super::BoxFuture;
use crate::auth::Scope;
use crate::db::{Db, DbError};

/// How a figure is broken down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Breakdown {
    /// One figure for the district (全区).
    District,
    /// One per township or street (乡镇/街道).
    Township,
    /// One per institution.
    Institution,
}

impl Breakdown {
    pub fn label(self) -> &'static str {
        match self {
            Breakdown::District => "全区",
            Breakdown::Township => "按乡镇（街道）",
            Breakdown::Institution => "按机构",
        }
    }
}

/// What is asked: the figure as of a date (or over a period ending then),
/// broken down one way, for what the caller may see.
#[derive(Clone, Debug)]
pub struct IndicatorQuery {
    /// The start of the period, for figures that count events (None: since
    /// the beginning).
    pub from: Option<NaiveDate>,
    /// The day the figure describes, or the end of the period (inclusive).
    pub on: NaiveDate,
    pub by: Breakdown,
    pub scope: Scope,
}

/// One figure: for the district (`key` empty), a township or an institution.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct IndicatorValue {
    /// The township's or institution's id; empty for the district.
    pub key: String,
    pub label: String,
    pub value: f64,
}

/// The function computing an indicator.
pub type ComputeFn =
    for<'a> fn(&'a Db, &'a IndicatorQuery) -> BoxFuture<'a, Result<Vec<IndicatorValue>, DbError>>;

/// A published figure.
pub struct Indicator {
    /// Unique across areas: `<area>.<name>`, e.g. `students.enrolled`.
    pub key: &'static str,
    /// 在校生数
    pub name: &'static str,
    /// 人, 所, 元, %
    pub unit: &'static str,
    /// How it is computed, in the words of the statistics it matches.
    pub definition: &'static str,
    pub compute: ComputeFn,
}

impl Indicator {
    pub async fn compute(
        &self,
        db: &Db,
        q: &IndicatorQuery,
    ) -> Result<Vec<IndicatorValue>, DbError> {
        (self.compute)(db, q).await
    }
}

impl std::fmt::Debug for Indicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indicator").field("key", &self.key).finish()
    }
}

/// `num` over `den` for each group of `den`, times `scale` (100 for a
/// percentage); groups whose denominator is zero are left out, a group
/// missing from `num` counts as zero.
pub fn ratio(num: &[IndicatorValue], den: Vec<IndicatorValue>, scale: f64) -> Vec<IndicatorValue> {
    den.into_iter()
        .filter(|d| d.value > 0.0)
        .map(|d| {
            let n = num.iter().find(|n| n.key == d.key).map_or(0.0, |n| n.value);
            IndicatorValue {
                value: n * scale / d.value,
                ..d
            }
        })
        .collect()
}

#[cfg(test)]
mod ratio_tests {
    use super::*;

    fn v(key: &str, value: f64) -> IndicatorValue {
        IndicatorValue {
            key: key.into(),
            label: format!("单位{key}"),
            value,
        }
    }

    #[test]
    fn divides_each_group_by_its_own_denominator_and_drops_empty_ones() {
        let num = [v("1", 3.0), v("9", 5.0)];
        let den = vec![v("1", 4.0), v("2", 2.0), v("3", 0.0)];
        let got = ratio(&num, den, 100.0);
        assert_eq!(got, vec![v("1", 75.0), v("2", 0.0)]);
    }
}
