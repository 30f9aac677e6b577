//! What a round publishes beyond who goes where: each school's cutoff
//! (the worst admitted tier and draw, and how many got in), and a child
//! bumped twice still reaching the last school on its list.

use super::brute_force::Tiny;
use super::engine::{allocate, Cutoff};
use super::lottery::lottery_number;

const SEED: &str = "2026-城关";

/// One school with `seats`; child `Kn` applies at tier `tiers[n]`.
fn one_school(seats: u32, tiers: &[u8]) -> Tiny {
    Tiny {
        seats: vec![seats],
        tiers: tiers.iter().map(|&t| vec![t]).collect(),
        prefs: vec![vec![0]; tiers.len()],
        seed: SEED.into(),
    }
}

/// The place of child `c` in the round's draw, 1 = drawn first.
fn draw_of(c: usize, children: usize) -> u32 {
    let number = |c: usize| (lottery_number(SEED, &Tiny::key(c)), Tiny::key(c));
    let before = (0..children).filter(|&o| number(o) < number(c)).count();
    u32::try_from(before + 1).unwrap()
}

#[test]
fn the_cutoff_is_the_worst_admitted_tier_with_its_draw() {
    let a = allocate(&one_school(2, &[5, 1, 3]).instance(), SEED).expect("a valid round");
    assert_eq!(a.assigned, vec![None, Some(0), Some(0)]);
    let expected = Cutoff {
        tier: 3,
        lottery: lottery_number(SEED, "K2"),
        draw: draw_of(2, 3),
        admitted: 2,
    };
    assert_eq!(a.cutoffs, vec![Some(expected)]);
}

#[test]
fn a_school_with_seats_to_spare_admits_every_tier() {
    let a = allocate(&one_school(5, &[2, 4]).instance(), SEED).expect("a valid round");
    assert_eq!(a.assigned, vec![Some(0), Some(0)]);
    let cutoff = a.cutoffs[0].expect("admitted");
    assert_eq!((cutoff.tier, cutoff.admitted), (4, 2));
    assert_eq!(cutoff.draw, draw_of(1, 2));
}

#[test]
fn a_child_bumped_twice_reaches_the_last_school_on_its_list() {
    // K0 (tier 3 everywhere) is held at 0, bumped by K1, held at 1, bumped
    // by K2, and ends at 2; school 3 is listed by nobody.
    let t = Tiny {
        seats: vec![1, 1, 1, 1],
        tiers: vec![vec![3; 4], vec![1; 4], vec![1; 4]],
        prefs: vec![vec![0, 1, 2], vec![0], vec![1]],
        seed: SEED.into(),
    };
    let a = allocate(&t.instance(), SEED).expect("a valid round");
    assert_eq!(a.assigned, vec![Some(2), Some(0), Some(1)]);
    let tiers: Vec<Option<u8>> = a.cutoffs.iter().map(|c| c.map(|c| c.tier)).collect();
    assert_eq!(tiers, vec![Some(1), Some(1), Some(3), None]);
}
