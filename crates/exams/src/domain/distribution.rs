//! Score distributions (分数段): how many scores fall in each band of a
//! given width, from the top down, as the charts of exam reports show them.

use super::lines::Score;

/// Scores from `from` (inclusive) up to `to` (exclusive, except the top
/// band, which includes the full mark).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Bin {
    pub from: Score,
    pub to: Score,
    pub count: usize,
}

/// Bands of `width` from the full mark `max` down to zero; scores outside
/// 0..=max are not counted. An empty list for a width or mark of zero.
pub fn distribution(scores: &[Score], max: Score, width: Score) -> Vec<Bin> {
    if width.0 <= 0 || max.0 <= 0 {
        return Vec::new();
    }
    let mut bins = Vec::new();
    let mut to = max.0;
    while to > 0 {
        let from = (to - width.0).max(0);
        let top = to == max.0;
        let count = scores
            .iter()
            .filter(|s| s.0 >= from && (s.0 < to || (top && s.0 == to)))
            .count();
        bins.push(Bin {
            from: Score(from),
            to: Score(to),
            count,
        });
        to = from;
    }
    bins
}
