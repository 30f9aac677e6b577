//! The campaign summary (汇总): how many institutions reached each band,
//! the average, highest and lowest totals, and per indicator the average
//! points and the share of points lost (失分率).

use serde::Serialize;

use crate::domain::framework::{Body, Framework, Method, Node};
use crate::domain::points::Points;
use crate::domain::score::Scored;

/// How many scored institutions reached a band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct BandCount {
    pub band: String,
    pub count: usize,
}

/// One indicator over the scored institutions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct IndicatorStat {
    pub code: String,
    pub title: String,
    /// 1 for a top-level indicator, 2 for its children, …
    pub depth: usize,
    #[schema(value_type = i64)]
    pub points: Points,
    /// Average points, in tenths, rounded half up; none before any score.
    #[schema(value_type = Option<i64>)]
    pub average: Option<Points>,
    /// 失分率 in per mille, rounded half up; none for an indicator worth
    /// nothing (a veto item) or before any score.
    pub loss_permille: Option<i64>,
    /// For a veto item: how many institutions it capped.
    pub vetoes: usize,
}

/// The totals of a campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Summary {
    pub targets: usize,
    pub scored: usize,
    /// Every band of the framework, the highest first, then "未达等次"
    /// when some total reached none.
    pub by_band: Vec<BandCount>,
    #[schema(value_type = Option<i64>)]
    pub average: Option<Points>,
    #[schema(value_type = Option<i64>)]
    pub max: Option<Points>,
    #[schema(value_type = Option<i64>)]
    pub min: Option<Points>,
    /// Institutions whose result a veto item capped.
    pub vetoed: usize,
    pub indicators: Vec<IndicatorStat>,
}

/// The label of a total that reaches no band.
pub const NO_BAND: &str = "未达等次";

/// The summary of a campaign on `framework` whose targets have `results`
/// (none for a target not yet scored).
pub fn summarize(framework: &Framework, results: &[Option<&Scored>]) -> Summary {
    let scored: Vec<&Scored> = results.iter().flatten().copied().collect();
    let mut by_band: Vec<BandCount> = framework
        .bands
        .iter()
        .map(|b| BandCount {
            band: b.label.clone(),
            count: scored
                .iter()
                .filter(|s| s.band.as_deref() == Some(b.label.as_str()))
                .count(),
        })
        .collect();
    let unbanded = scored.iter().filter(|s| s.band.is_none()).count();
    if unbanded > 0 {
        by_band.push(BandCount {
            band: NO_BAND.into(),
            count: unbanded,
        });
    }
    let totals: Vec<Points> = scored.iter().map(|s| s.total).collect();
    let mut indicators = Vec::new();
    walk(&framework.items, 1, &scored, &mut indicators);
    Summary {
        targets: results.len(),
        scored: scored.len(),
        by_band,
        average: average(&totals),
        max: totals.iter().copied().max(),
        min: totals.iter().copied().min(),
        vetoed: scored.iter().filter(|s| !s.vetoed_by.is_empty()).count(),
        indicators,
    }
}

fn walk(nodes: &[Node], depth: usize, scored: &[&Scored], out: &mut Vec<IndicatorStat>) {
    for node in nodes {
        let code = node.code.trim();
        let got: Vec<Points> = scored
            .iter()
            .filter_map(|s| s.by_code.get(code).copied())
            .collect();
        let is_veto = matches!(node.body, Body::Leaf(Method::Veto { .. }));
        out.push(IndicatorStat {
            code: code.to_string(),
            title: node.title.clone(),
            depth,
            points: node.points,
            average: (!is_veto).then(|| average(&got)).flatten(),
            loss_permille: loss_permille(node.points, &got),
            vetoes: scored
                .iter()
                .filter(|s| s.vetoed_by.iter().any(|v| v == code))
                .count(),
        });
        if let Body::Group(children) = &node.body {
            walk(children, depth + 1, scored, out);
        }
    }
}

/// The mean of `values`, rounded half up to a tenth of a point.
fn average(values: &[Points]) -> Option<Points> {
    let n = values.len() as i64;
    (n > 0).then(|| {
        let sum: i64 = values.iter().map(|p| p.0).sum();
        Points(half_up(sum, n))
    })
}

/// The share of `points` lost over `got`, in per mille.
fn loss_permille(points: Points, got: &[Points]) -> Option<i64> {
    let possible = points.0 * got.len() as i64;
    if possible <= 0 {
        return None;
    }
    let earned: i64 = got.iter().map(|p| p.0).sum();
    Some(half_up((possible - earned) * 1000, possible))
}

/// `num / den` rounded half away from zero (`den` > 0).
fn half_up(num: i64, den: i64) -> i64 {
    if num >= 0 {
        (2 * num + den) / (2 * den)
    } else {
        -((-2 * num + den) / (2 * den))
    }
}

#[cfg(test)]
pub(super) fn rounding(num: i64, den: i64) -> i64 {
    half_up(num, den)
}
