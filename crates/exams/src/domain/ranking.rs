//! Rankings with ties, as schools are ranked in reports: equal values
//! share a rank and the next rank skips (1, 2, 2, 4).

/// The rank of each value in `values` (same order), the highest first.
pub fn competition_ranks<T: PartialOrd>(values: &[T]) -> Vec<usize> {
    values
        .iter()
        .map(|v| 1 + values.iter().filter(|other| *other > v).count())
        .collect()
}
