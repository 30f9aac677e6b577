//! Pure rules of quality monitoring (国家义务教育质量监测) results per school
//! and subject: the district's figures weigh each school by the students it
//! tested, and a school stands against them by difference and rank.

use figures::{share, Decimal};

use super::ranking::competition_ranks;

/// One school's result in one subject: students tested, mean score in
/// tenths, and how many reached the standard (达标).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubjectResult {
    pub institution_id: i64,
    pub tested: i64,
    pub mean: i64,
    pub passed: i64,
}

/// The district's figures of a subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct DistrictFigures {
    pub tested: i64,
    /// Mean score, one decimal, weighted by the students tested.
    #[schema(value_type = Object)]
    pub mean: Option<Decimal>,
    /// 达标率 in percent, two decimals.
    #[schema(value_type = Object)]
    pub pass_rate: Option<Decimal>,
}

/// A school against the district in a subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Position {
    pub institution_id: i64,
    pub tested: i64,
    #[schema(value_type = Object)]
    pub mean: Decimal,
    #[schema(value_type = Object)]
    pub pass_rate: Option<Decimal>,
    /// The school's mean less the district's, one decimal.
    #[schema(value_type = Object)]
    pub versus_district: Option<Decimal>,
    /// Rank by mean score among the district's schools, ties sharing a rank.
    pub rank: usize,
}

pub fn district(results: &[SubjectResult]) -> DistrictFigures {
    let tested: i64 = results.iter().map(|r| r.tested).sum();
    let points: i64 = results.iter().map(|r| r.mean * r.tested).sum();
    let passed: i64 = results.iter().map(|r| r.passed).sum();
    DistrictFigures {
        tested,
        mean: (tested > 0).then(|| Decimal::round(points as f64 / tested as f64 / 10.0, 1)),
        pass_rate: share(passed as f64, tested as f64).map(|r| Decimal::round(r, 2)),
    }
}

/// Every school's position in the subject, in rank order.
pub fn positions(results: &[SubjectResult]) -> Vec<Position> {
    let d = district(results);
    let means: Vec<i64> = results.iter().map(|r| r.mean).collect();
    let ranks = competition_ranks(&means);
    let mut out: Vec<Position> = results
        .iter()
        .zip(ranks)
        .map(|(r, rank)| {
            let mean = Decimal {
                units: r.mean,
                scale: 1,
            };
            Position {
                institution_id: r.institution_id,
                tested: r.tested,
                mean,
                pass_rate: share(r.passed as f64, r.tested as f64).map(|x| Decimal::round(x, 2)),
                versus_district: d
                    .mean
                    .map(|dm| Decimal::round(mean.value() - dm.value(), 1)),
                rank,
            }
        })
        .collect();
    out.sort_by_key(|p| (p.rank, p.institution_id));
    out
}
