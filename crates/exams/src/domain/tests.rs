use figures::Decimal;
use proptest::prelude::*;

use super::*;

fn d(units: i64, scale: u32) -> Decimal {
    Decimal { units, scale }
}

#[test]
fn a_score_on_the_line_is_over_it() {
    let scores = [Score(5000), Score(5499), Score(5500), Score(6000)];
    assert_eq!(over_line(&scores, Score(5500)), 2);
    assert_eq!(over_line(&scores, Score(0)), 4);
    assert_eq!(over_line(&[], Score(1)), 0);
}

#[test]
fn the_seed_figure_grows_by_58_3_percent() {
    let c = year_on_year(19, 12);
    assert_eq!(c.change, 7);
    assert_eq!(c.growth, Some(d(583, 1)));
    assert_eq!(year_on_year(9, 12).change, -3);
    assert_eq!(year_on_year(9, 12).growth, Some(d(-250, 1)));
    assert_eq!(year_on_year(5, 0).growth, None);
    assert_eq!(year_on_year(0, 0).change, 0);
}

#[test]
fn a_rate_changes_in_percentage_points_of_the_rates_shown() {
    // 3,402 of 10,000 this year, 3,126 of 10,000 last year.
    let r = rate_change((3402, 3126), (10_000, 10_000));
    assert_eq!(r.this_year, Some(d(3402, 2)));
    assert_eq!(r.last_year, Some(d(3126, 2)));
    assert_eq!(r.points, Some(d(276, 2)));
    assert_eq!(r.points.map(|p| p.to_string()).as_deref(), Some("2.76"));
    let r = rate_change((1, 2), (3, 0));
    assert_eq!(r.this_year, Some(d(3333, 2)));
    assert_eq!(r.last_year, None);
    assert_eq!(r.points, None);
    // 66.67% − 33.33%: the difference of the rates as shown.
    assert_eq!(rate_change((2, 1), (3, 3)).points, Some(d(3334, 2)));
}

#[test]
fn ties_share_a_rank_and_the_next_rank_skips() {
    assert_eq!(competition_ranks(&[90, 95, 95, 80]), [3, 1, 1, 4]);
    assert_eq!(competition_ranks(&[1.5, 1.5]), [1, 1]);
    assert_eq!(competition_ranks::<i32>(&[]), Vec::<usize>::new());
}

#[test]
fn distributions_run_from_the_full_mark_down() {
    let scores = [
        Score(7500),
        Score(7499),
        Score(7000),
        Score(100),
        Score(0),
        Score(7501),
        Score(-1),
    ];
    let bins = distribution(&scores, Score(7500), Score(500));
    assert_eq!(bins.len(), 15);
    assert_eq!(
        (bins[0].from, bins[0].to, bins[0].count),
        (Score(7000), Score(7500), 3)
    );
    assert_eq!(
        bins[14],
        Bin {
            from: Score(0),
            to: Score(500),
            count: 2
        }
    );
    assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 5);
    // A last band narrower than the width starts at zero.
    let bins = distribution(&[Score(50)], Score(120), Score(50));
    assert_eq!(
        bins.iter().map(|b| (b.from.0, b.to.0)).collect::<Vec<_>>(),
        [(70, 120), (20, 70), (0, 20)]
    );
    assert!(distribution(&scores, Score(0), Score(500)).is_empty());
    assert!(distribution(&scores, Score(7500), Score(0)).is_empty());
}

proptest! {
    #[test]
    fn every_score_within_the_mark_falls_in_exactly_one_band(
        scores in prop::collection::vec(-100i64..1600, 0..50), max in 1i64..1500, width in 1i64..400,
    ) {
        let scores: Vec<Score> = scores.into_iter().map(Score).collect();
        let bins = distribution(&scores, Score(max), Score(width));
        let inside = scores.iter().filter(|s| (0..=max).contains(&s.0)).count();
        prop_assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), inside);
    }

    #[test]
    fn the_best_ranks_first_and_ranks_never_exceed_the_count(values in prop::collection::vec(0i64..20, 1..30)) {
        let ranks = competition_ranks(&values);
        let best = values.iter().max().unwrap();
        for (v, r) in values.iter().zip(&ranks) {
            prop_assert!(*r >= 1 && *r <= values.len());
            prop_assert_eq!(*r == 1, v == best);
        }
    }
}
