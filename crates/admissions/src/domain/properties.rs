//! Property tests of the engine on small random rounds.

use super::brute_force::{all_lists, all_stable, is_stable, rank_in, tiny, Tiny};
use super::canonical::input_hash;
use super::early::early_admission;
use super::engine::{allocate, AllocateError};
use super::instance::validate;
use super::placement::place_unassigned;
use super::verify::{check_matching, verify};
use proptest::prelude::*;
use std::collections::HashMap;

proptest! {
    #[test]
    fn results_are_valid_stable_non_wasteful_and_reproducible(t in tiny(6, 12, 3, 4)) {
        let inst = t.instance();
        prop_assert_eq!(validate(&inst), Ok(()));
        let a = allocate(&inst, &t.seed).unwrap();
        prop_assert_eq!(verify(&inst, &t.seed, &a), Ok(()));
        prop_assert!(is_stable(&inst, &t.seed, &a.assigned));
        prop_assert_eq!(&allocate(&inst, &t.seed).unwrap(), &a);
    }

    #[test]
    fn the_order_of_children_changes_nothing(
        t in tiny(5, 10, 3, 3),
        perm_seed in any::<u64>(),
    ) {
        let inst = t.instance();
        let a = allocate(&inst, &t.seed).unwrap();
        // A permutation drawn from perm_seed (a simple LCG shuffle).
        let mut order: Vec<usize> = (0..inst.children.len()).collect();
        let mut x = perm_seed | 1;
        for i in (1..order.len()).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (x >> 33) as usize % (i + 1));
        }
        let mut shuffled = inst.clone();
        shuffled.children = order.iter().map(|&i| inst.children[i].clone()).collect();
        let b = allocate(&shuffled, &t.seed).unwrap();
        let by_key = |i: &super::instance::Instance, al: &super::engine::Allocation| {
            i.children.iter().map(|c| c.key.clone()).zip(al.assigned.iter().copied()).collect::<HashMap<_, _>>()
        };
        prop_assert_eq!(by_key(&inst, &a), by_key(&shuffled, &b));
        prop_assert_eq!(&a.cutoffs, &b.cutoffs);
        prop_assert_eq!(input_hash(&inst), input_hash(&shuffled));
    }

    #[test]
    fn no_child_gains_by_misreporting(t in tiny(3, 5, 2, 3)) {
        let truthful = allocate(&t.instance(), &t.seed).unwrap();
        let lists = all_lists(t.seats.len() as u32, 3);
        for c in 0..t.prefs.len() {
            let truth = &t.instance().children[c].choices;
            let honest = rank_in(truth, truthful.assigned[c]);
            for list in &lists {
                let lie = allocate(&t.instance_with(c, Some(list)), &t.seed).unwrap();
                let got = rank_in(truth, lie.assigned[c]);
                prop_assert!(got >= honest, "child {} gains by listing {:?}: {} < {}", c, list, got, honest);
            }
        }
    }

    #[test]
    fn the_result_is_the_student_optimal_stable_matching(t in tiny(3, 5, 2, 3)) {
        let inst = t.instance();
        let ours = allocate(&inst, &t.seed).unwrap().assigned;
        let stable = all_stable(&inst, &t.seed);
        prop_assert!(stable.contains(&ours), "ours is not among the stable matchings");
        for m in &stable {
            for (c, child) in inst.children.iter().enumerate() {
                prop_assert!(rank_in(&child.choices, ours[c]) <= rank_in(&child.choices, m[c]));
            }
        }
    }

    #[test]
    fn the_verifier_agrees_with_the_definition(
        t in tiny(3, 5, 2, 3),
        picks in prop::collection::vec(0usize..4, 5),
    ) {
        let inst = t.instance();
        let m: Vec<Option<u32>> = inst.children.iter().zip(&picks).map(|(c, &p)| {
            if p == 0 { None } else { c.choices.get(p - 1).map(|ch| ch.school) }
        }).collect();
        prop_assert_eq!(check_matching(&inst, &t.seed, &m).is_ok(), is_stable(&inst, &t.seed, &m));
    }

    #[test]
    fn placement_never_overfills_and_places_each_child_once(
        t in tiny(5, 12, 2, 2),
        dists in prop::collection::vec(0u8..4, 60),
    ) {
        let inst = t.instance();
        let a = allocate(&inst, &t.seed).unwrap();
        let left: Vec<usize> = (0..inst.children.len()).filter(|&c| a.assigned[c].is_none()).collect();
        let s_count = inst.schools.len();
        let dist = |c: usize, s: u32| f64::from(dists[(c * s_count + s as usize) % dists.len()]);
        let placed = place_unassigned(&left, &inst, &a, dist, &t.seed);
        let mut filled: Vec<u64> = vec![0; s_count];
        for s in a.assigned.iter().flatten() { filled[*s as usize] += 1; }
        let mut seen = std::collections::HashSet::new();
        for &(c, s) in &placed {
            prop_assert!(left.contains(&c) && seen.insert(c));
            filled[s as usize] += 1;
        }
        for (f, school) in filled.iter().zip(&inst.schools) {
            prop_assert!(*f <= u64::from(school.seats));
        }
        let free: u64 = inst.schools.iter().map(|s| u64::from(s.seats)).sum::<u64>()
            - a.assigned.iter().flatten().count() as u64;
        prop_assert_eq!(placed.len() as u64, free.min(left.len() as u64));
    }

    #[test]
    fn early_admission_takes_the_best_scores(
        scores in prop::collection::vec(0u32..5, 0..20),
        seats in 0u32..10,
        seed in "[a-z]{0,4}",
    ) {
        let cands: Vec<(String, u32)> = scores.iter().enumerate().map(|(i, &s)| (Tiny::key(i), s)).collect();
        let got = early_admission(&cands, seats, &seed);
        prop_assert_eq!(got.len(), cands.len().min(seats as usize));
        let score: HashMap<&str, u32> = cands.iter().map(|(k, s)| (k.as_str(), *s)).collect();
        let admitted: Vec<u32> = got.iter().map(|k| score[k.as_str()]).collect();
        prop_assert!(admitted.windows(2).all(|w| w[0] >= w[1]));
        if let Some(&lowest) = admitted.last() {
            for (k, s) in &cands {
                prop_assert!(got.contains(k) || *s <= lowest);
            }
        }
        let mut reversed = cands.clone();
        reversed.reverse();
        prop_assert_eq!(early_admission(&reversed, seats, &seed), got);
    }

    #[test]
    fn a_school_repeated_with_another_tier_is_always_refused(
        t in tiny(4, 8, 2, 3),
        pick in any::<(usize, usize, usize)>(),
        bump in 1u8..3,
    ) {
        let mut inst = t.instance();
        let c = pick.0 % inst.children.len();
        let list = &mut inst.children[c].choices;
        let first = pick.1 % list.len();
        let mut again = list[first];
        again.tier = (again.tier + bump - 1) % 3 + 1;
        let at = first + 1 + pick.2 % (list.len() - first);
        list.insert(at, again);
        let refused = allocate(&inst, &t.seed);
        prop_assert_eq!(refused, Err(AllocateError::ConflictingTiers {
            row: c + 1,
            key: inst.children[c].key.clone(),
            school: again.school,
            first_rank: first + 1,
            rank: at + 1,
        }));
        // The same repeat at the same tier leaves the result as it was.
        inst.children[c].choices[at].tier = inst.children[c].choices[first].tier;
        prop_assert_eq!(allocate(&inst, &t.seed), allocate(&t.instance(), &t.seed));
    }
}
