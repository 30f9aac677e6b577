//! Students over a score line and how that changed on last year: the
//! growth rate is over last year's figure (7 more on 12 is 58.3%, not the
//! 36.8% of 7 on this year's 19), and a rate's change is in percentage
//! points.

use figures::{growth_rate, share, Decimal};

/// A score in tenths of a point: 587.5 分 is `Score(5875)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Score(pub i64);

/// How many of `scores` reach `line` (a score on the line is over it).
pub fn over_line(scores: &[Score], line: Score) -> usize {
    scores.iter().filter(|s| **s >= line).count()
}

/// A count this year beside last year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub this_year: i64,
    pub last_year: i64,
    /// This year less last year.
    pub change: i64,
    /// In percent, one decimal; none when last year had none.
    pub growth: Option<Decimal>,
}

pub fn year_on_year(this_year: i64, last_year: i64) -> Change {
    Change {
        this_year,
        last_year,
        change: this_year - last_year,
        growth: growth_rate(last_year as f64, this_year as f64).map(|r| Decimal::round(r, 1)),
    }
}

/// A rate (达线率) this year beside last year's, in percent with two
/// decimals, and its change in percentage points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RateChange {
    pub this_year: Option<Decimal>,
    pub last_year: Option<Decimal>,
    pub points: Option<Decimal>,
}

/// 达线率 = over ÷ sat, this year and last; the change is the difference of
/// the rates as shown (34.02% − 31.26% = 2.76 个百分点).
pub fn rate_change(over: (i64, i64), sat: (i64, i64)) -> RateChange {
    let rate = |o: i64, s: i64| share(o as f64, s as f64).map(|r| Decimal::round(r, 2));
    let (this_year, last_year) = (rate(over.0, sat.0), rate(over.1, sat.1));
    let points = this_year.zip(last_year).map(|(t, l)| Decimal {
        units: t.units - l.units,
        scale: 2,
    });
    RateChange {
        this_year,
        last_year,
        points,
    }
}
