//! Early admission by exam (提前招生), e.g. 将乐一中 "提前招收应届优秀毕业生
//! 108名". It runs before the main round; the caller removes the admitted
//! children from the main round's instance.

use super::lottery::{draw_order, lottery_number};
use std::collections::HashMap;

/// The keys admitted, best first: highest exam score first, equal scores
/// in lottery order ([`lottery_number`] with the round's seed, then key).
/// At most `seats` keys. A key listed twice counts once, with its best
/// score; the order of `candidates` never matters.
pub fn early_admission(candidates: &[(String, u32)], seats: u32, seed: &str) -> Vec<String> {
    let mut best: HashMap<&str, u32> = HashMap::with_capacity(candidates.len());
    for (key, score) in candidates {
        let entry = best.entry(key.as_str()).or_insert(*score);
        *entry = (*entry).max(*score);
    }
    let mut ranked: Vec<(u32, u64, &str)> = best
        .into_iter()
        .map(|(key, score)| (score, lottery_number(seed, key), key))
        .collect();
    ranked.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| draw_order((a.1, a.2), (b.1, b.2)))
    });
    ranked
        .into_iter()
        .take(seats as usize)
        .map(|(_, _, key)| key.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|&(k, s)| (k.to_string(), s)).collect()
    }

    #[test]
    fn highest_scores_first() {
        let c = cands(&[("A", 600), ("B", 700), ("C", 650), ("D", 500)]);
        assert_eq!(early_admission(&c, 2, "s"), vec!["B", "C"]);
        assert_eq!(early_admission(&c, 10, "s"), vec!["B", "C", "A", "D"]);
        assert!(early_admission(&c, 0, "s").is_empty());
    }

    #[test]
    fn ties_at_the_line_go_by_lottery() {
        let seed = "2026-提前招生";
        let c = cands(&[("T1", 690), ("T2", 690), ("T3", 690), ("TOP", 700)]);
        let got = early_admission(&c, 2, seed);
        let mut tied: Vec<(u64, &str)> = ["T1", "T2", "T3"]
            .iter()
            .map(|k| (lottery_number(seed, k), *k))
            .collect();
        tied.sort();
        assert_eq!(got, vec!["TOP", tied[0].1]);
        let mut reversed = c.clone();
        reversed.reverse();
        assert_eq!(early_admission(&reversed, 2, seed), got);
    }

    #[test]
    fn a_key_listed_twice_counts_once_with_its_best_score() {
        let c = cands(&[("A", 500), ("B", 600), ("A", 650)]);
        assert_eq!(early_admission(&c, 3, "s"), vec!["A", "B"]);
    }
}
