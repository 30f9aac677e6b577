//! Administrative placement (统筹安排): after the round, children left
//! without a seat are placed at the nearest school that still has one.

use super::engine::Allocation;
use super::instance::Instance;
use super::lottery::{draw_order, lottery_number};
use std::cmp::Ordering;

/// Places the children of `unassigned` (input indices), taken in lottery
/// order (same seed, same [`lottery_number`]), each at the school with a
/// free seat nearest by `distance`; equal distances go to the lower school
/// index. Free seats are the seats the allocation left. Returns the
/// (child, school) pairs in placement order and never overfills a school;
/// when seats run out the remaining children are left out. Indices out of
/// range, repeated, or of children the allocation already placed are
/// ignored, as are schools at a distance that is not a number.
pub fn place_unassigned(
    unassigned: &[usize],
    inst: &Instance,
    alloc: &Allocation,
    distance: impl Fn(usize, u32) -> f64,
    seed: &str,
) -> Vec<(usize, u32)> {
    let mut free: Vec<u64> = inst.schools.iter().map(|s| u64::from(s.seats)).collect();
    for &s in alloc.assigned.iter().flatten() {
        if let Some(f) = free.get_mut(s as usize) {
            *f = f.saturating_sub(1);
        }
    }
    let mut queue: Vec<(u64, usize)> = unassigned
        .iter()
        .copied()
        .filter(|&c| c < inst.children.len())
        .filter(|&c| alloc.assigned.get(c).is_none_or(|a| a.is_none()))
        .map(|c| (lottery_number(seed, &inst.children[c].key), c))
        .collect();
    queue.sort_unstable_by(|a, b| {
        draw_order(
            (a.0, &inst.children[a.1].key),
            (b.0, &inst.children[b.1].key),
        )
        .then(a.1.cmp(&b.1))
    });
    queue.dedup_by_key(|entry| entry.1);

    let mut placed = Vec::new();
    let mut seats_left: u64 = free.iter().sum();
    for (_, child) in queue {
        if seats_left == 0 {
            break;
        }
        let mut best: Option<(f64, usize)> = None;
        for (s, &f) in free.iter().enumerate() {
            if f == 0 {
                continue;
            }
            let d = distance(child, s as u32);
            if d.is_nan() {
                continue;
            }
            if best.is_none_or(|(bd, _)| d.total_cmp(&bd) == Ordering::Less) {
                best = Some((d, s));
            }
        }
        if let Some((_, s)) = best {
            free[s] -= 1;
            seats_left -= 1;
            placed.push((child, s as u32));
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::engine::allocate;
    use crate::domain::instance::{ChildSpec, Choice, SchoolSpec};

    fn round() -> Instance {
        let child = |key: &str| ChildSpec {
            key: key.into(),
            choices: vec![Choice { school: 0, tier: 1 }],
        };
        Instance {
            schools: vec![
                SchoolSpec { seats: 1 },
                SchoolSpec { seats: 1 },
                SchoolSpec { seats: 2 },
            ],
            children: ["A", "B", "C", "D", "E"].into_iter().map(child).collect(),
        }
    }

    #[test]
    fn nearest_free_school_in_lottery_order_never_overfilled() {
        let inst = round();
        let seed = "统筹";
        let alloc = allocate(&inst, seed).unwrap();
        let left: Vec<usize> = (0..5).filter(|&c| alloc.assigned[c].is_none()).collect();
        assert_eq!(left.len(), 4);
        // School 1 is nearest for everyone, then school 2.
        let dist = |_c: usize, s: u32| [0.0, 1.0, 2.0][s as usize];
        let placed = place_unassigned(&left, &inst, &alloc, dist, seed);
        let schools: Vec<u32> = placed.iter().map(|p| p.1).collect();
        assert_eq!(
            schools,
            vec![1, 2, 2],
            "school 0 is full; the fourth child has no seat"
        );
        let mut order: Vec<(u64, usize)> = left
            .iter()
            .map(|&c| (lottery_number(seed, &inst.children[c].key), c))
            .collect();
        order.sort();
        let children: Vec<usize> = placed.iter().map(|p| p.0).collect();
        assert_eq!(children, order[..3].iter().map(|o| o.1).collect::<Vec<_>>());
    }

    #[test]
    fn placed_children_bad_indices_and_nan_distances_are_ignored() {
        let inst = round();
        let alloc = allocate(&inst, "s").unwrap();
        let admitted = alloc.assigned.iter().position(Option::is_some).unwrap_or(0);
        let left: Vec<usize> = (0..5).filter(|&c| alloc.assigned[c].is_none()).collect();
        let mut asked = vec![admitted, 99, left[0], left[0]];
        asked.extend(&left[1..]);
        let dist = |_c: usize, s: u32| if s == 2 { f64::NAN } else { 1.0 };
        let placed = place_unassigned(&asked, &inst, &alloc, dist, "s");
        assert_eq!(
            placed.len(),
            1,
            "only school 1 has a seat at a real distance"
        );
        assert_eq!(placed[0].1, 1);
    }
}
