//! The allocation (录取分配): student-proposing deferred acceptance
//! (Gale–Shapley), which yields the student-optimal stable matching. Each
//! school ranks its applicants by (tier at that school, lottery draw);
//! lower is better on both.

use super::lottery::LotteryOrder;
use serde::Serialize;
use std::collections::BinaryHeap;

// The engine's whole surface in one place, for callers that think of the
// round as "the engine".
pub use super::canonical::{hash_parts, input_hash};
pub use super::early::early_admission;
pub use super::instance::{
    validate, validate_with_limit, ChildSpec, Choice, Instance, InstanceError, SchoolSpec,
    MAX_CHOICES,
};
pub use super::lottery::lottery_number;
pub use super::placement::place_unassigned;
pub use super::verify::{check_matching, verify, Violation};

/// Names the algorithm and its tie-breaking; published with every result.
pub const ENGINE_VERSION: &str =
    "edubureau-admissions/1 deferred-acceptance; lottery=sha256(seed\\nkey)[0..8] big-endian, ties by key";

/// The last child a school admitted (录取分数线的对应物): anyone with a
/// better (tier, draw) who wanted the school more got in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Cutoff {
    /// The worst admitted tier (顺位).
    pub tier: u8,
    /// That child's lottery number.
    pub lottery: u64,
    /// That child's place in the round's draw, 1 = drawn first.
    pub draw: u32,
    /// How many the school admitted (录取人数); below its seats, everyone
    /// who ranked it above their placement got in, whatever their tier.
    pub admitted: u32,
}

/// The result of a round. The round's fingerprint ([`input_hash`]) is not
/// part of it: hashing the whole round costs more than allocating it, so a
/// run computes it once, beside the allocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Allocation {
    /// Per child (input order): the school index admitted to, if any.
    pub assigned: Vec<Option<u32>>,
    /// Per school: the worst admitted applicant, `None` if nobody.
    pub cutoffs: Vec<Option<Cutoff>>,
    /// [`ENGINE_VERSION`].
    pub engine_version: &'static str,
}

/// A round the engine refuses to allocate, whether or not it was
/// validated first.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AllocateError {
    /// One child lists a school twice with different tiers (顺位): which
    /// tier holds is undefined, so no result is given.
    #[error(
        "第 {row} 名儿童（{key}）的第 {rank} 志愿与第 {first_rank} 志愿是同一所学校（序号 {school}），顺位却不同"
    )]
    ConflictingTiers {
        row: usize,
        key: String,
        school: u32,
        first_rank: usize,
        rank: usize,
    },
}

/// One applicant as a school holds it: tier in bits 32..40, draw rank in
/// bits 0..32, so comparing the integers compares (tier, draw).
fn priority_key(tier: u8, rank: u32) -> u64 {
    (u64::from(tier) << 32) | u64::from(rank)
}

fn key_tier(key: u64) -> u8 {
    (key >> 32) as u8
}

fn key_rank(key: u64) -> u32 {
    key as u32
}

/// Runs the round. Children propose down their lists; each school keeps
/// the best `seats` applicants so far in a max-heap (worst on top) and
/// bumps the worst when a better one arrives. Work is
/// O(proposals × log seats) plus one sort of the draw.
///
/// Meant for a validated instance; on others it does not panic: a choice
/// of an unknown school is skipped and a school repeated with the same
/// tier changes nothing. A school repeated with a different tier is
/// refused ([`AllocateError::ConflictingTiers`]).
pub fn allocate(inst: &Instance, seed: &str) -> Result<Allocation, AllocateError> {
    refuse_conflicting_tiers(inst)?;
    let lottery = LotteryOrder::draw(seed, &inst.children);
    let held = deferred_acceptance(inst, &lottery);

    let mut assigned = vec![None; inst.children.len()];
    let mut cutoffs = Vec::with_capacity(held.len());
    for (school, heap) in held.iter().enumerate() {
        let school = u32::try_from(school).unwrap_or(u32::MAX);
        for &key in heap.iter() {
            let child = lottery.by_rank[key_rank(key) as usize] as usize;
            assigned[child] = Some(school);
        }
        cutoffs.push(heap.peek().map(|&key| {
            let rank = key_rank(key);
            Cutoff {
                tier: key_tier(key),
                lottery: lottery.numbers[lottery.by_rank[rank as usize] as usize],
                draw: rank.saturating_add(1),
                admitted: u32::try_from(heap.len()).unwrap_or(u32::MAX),
            }
        }));
    }
    Ok(Allocation {
        assigned,
        cutoffs,
        engine_version: ENGINE_VERSION,
    })
}

/// The first child (in input order) that lists one school with two tiers.
fn refuse_conflicting_tiers(inst: &Instance) -> Result<(), AllocateError> {
    for (row, child) in inst.children.iter().enumerate() {
        for (j, choice) in child.choices.iter().enumerate() {
            let earlier = child.choices[..j]
                .iter()
                .position(|c| c.school == choice.school && c.tier != choice.tier);
            if let Some(k) = earlier {
                return Err(AllocateError::ConflictingTiers {
                    row: row + 1,
                    key: child.key.clone(),
                    school: choice.school,
                    first_rank: k + 1,
                    rank: j + 1,
                });
            }
        }
    }
    Ok(())
}

fn deferred_acceptance(inst: &Instance, lottery: &LotteryOrder) -> Vec<BinaryHeap<u64>> {
    let schools = &inst.schools;
    let mut held: Vec<BinaryHeap<u64>> = schools
        .iter()
        .map(|s| BinaryHeap::with_capacity((s.seats as usize).min(1 << 16)))
        .collect();
    // Next choice each child will propose to.
    let mut next = vec![0u32; inst.children.len()];
    // Children without a tentative seat; the result does not depend on
    // the order they are taken in.
    let mut free: Vec<u32> = (0..inst.children.len())
        .rev()
        .map(|c| u32::try_from(c).unwrap_or(u32::MAX))
        .collect();

    while let Some(child) = free.pop() {
        let c = child as usize;
        let choices = &inst.children[c].choices;
        while let Some(choice) = choices.get(next[c] as usize) {
            next[c] += 1;
            let s = choice.school as usize;
            let (Some(school), Some(heap)) = (schools.get(s), held.get_mut(s)) else {
                continue;
            };
            let key = priority_key(choice.tier, lottery.rank[c]);
            if heap.len() < school.seats as usize {
                heap.push(key);
                break;
            }
            if let Some(mut worst) = heap.peek_mut() {
                if key < *worst {
                    let bumped = std::mem::replace(&mut *worst, key);
                    free.push(lottery.by_rank[key_rank(bumped) as usize]);
                    break;
                }
            }
        }
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instance::{ChildSpec, Choice, SchoolSpec};
    use crate::domain::lottery::lottery_number;

    fn child(key: &str, choices: &[(u32, u8)]) -> ChildSpec {
        ChildSpec {
            key: key.into(),
            choices: choices
                .iter()
                .map(|&(school, tier)| Choice { school, tier })
                .collect(),
        }
    }

    fn seats(s: &[u32]) -> Vec<SchoolSpec> {
        s.iter().map(|&seats| SchoolSpec { seats }).collect()
    }

    #[test]
    fn tier_beats_lottery_and_the_bumped_child_moves_on() {
        // One seat at school 0: the tier-1 child takes it whatever the draw;
        // the tier-4 child falls back to school 1.
        let inst = Instance {
            schools: seats(&[1, 1]),
            children: vec![child("far", &[(0, 4), (1, 4)]), child("near", &[(0, 1)])],
        };
        let a = allocate(&inst, "any seed").unwrap();
        assert_eq!(a.assigned, vec![Some(1), Some(0)]);
        assert_eq!(a.cutoffs[0].map(|c| c.tier), Some(1));
        assert_eq!(a.engine_version, ENGINE_VERSION);
    }

    #[test]
    fn equal_tiers_admit_by_lottery() {
        // A private school under 公民同招: everyone tier 1, two seats, five
        // applicants; the two lowest lottery numbers get in.
        let keys = ["P1", "P2", "P3", "P4", "P5"];
        let inst = Instance {
            schools: seats(&[2]),
            children: keys.iter().map(|k| child(k, &[(0, 1)])).collect(),
        };
        let seed = "2026-民办";
        let a = allocate(&inst, seed).unwrap();
        let mut drawn: Vec<(u64, &str)> =
            keys.iter().map(|k| (lottery_number(seed, k), *k)).collect();
        drawn.sort();
        let admitted: Vec<&str> = keys
            .iter()
            .zip(&a.assigned)
            .filter(|(_, s)| s.is_some())
            .map(|(k, _)| *k)
            .collect();
        let mut expected = vec![drawn[0].1, drawn[1].1];
        expected.sort();
        assert_eq!(admitted, expected);
        let cutoff = a.cutoffs[0].expect("school 0 admitted someone");
        assert_eq!(
            (cutoff.tier, cutoff.lottery, cutoff.draw, cutoff.admitted),
            (1, drawn[1].0, 2, 2)
        );
    }

    #[test]
    fn a_chain_of_rejections_settles() {
        // A wants 0 then 1; B wants 1 then 0 with priority at 0; C wants 1
        // with priority there. Seats: one each.
        let inst = Instance {
            schools: seats(&[1, 1]),
            children: vec![
                child("A", &[(0, 2), (1, 3)]),
                child("B", &[(1, 3), (0, 1)]),
                child("C", &[(1, 1)]),
            ],
        };
        let a = allocate(&inst, "s").unwrap();
        assert_eq!(a.assigned, vec![None, Some(0), Some(1)]);
    }

    #[test]
    fn bad_input_does_not_panic() {
        let inst = Instance {
            schools: seats(&[0, 1]),
            children: vec![
                child("A", &[(9, 1), (0, 1), (1, 1), (1, 1)]),
                child("A", &[]),
            ],
        };
        let a = allocate(&inst, "").unwrap();
        assert_eq!(a.assigned, vec![Some(1), None]);
        assert_eq!(a.cutoffs[0], None);
    }

    #[test]
    fn a_school_listed_twice_with_different_tiers_is_refused() {
        // Listed first at tier 4, then at tier 1: admitting on the better
        // entry would jump the queue; the engine gives no result at all.
        let inst = Instance {
            schools: seats(&[1]),
            children: vec![child("rival", &[(0, 2)]), child("twice", &[(0, 4), (0, 1)])],
        };
        let err = allocate(&inst, "s").unwrap_err();
        assert_eq!(
            err,
            AllocateError::ConflictingTiers {
                row: 2,
                key: "twice".into(),
                school: 0,
                first_rank: 1,
                rank: 2,
            }
        );
        assert_eq!(
            err.to_string(),
            "第 2 名儿童（twice）的第 2 志愿与第 1 志愿是同一所学校（序号 0），顺位却不同"
        );
    }

    #[test]
    fn a_school_repeated_with_the_same_tier_changes_nothing() {
        let once = Instance {
            schools: seats(&[1, 1]),
            children: vec![child("A", &[(0, 2), (1, 1)]), child("B", &[(0, 1)])],
        };
        let mut twice = once.clone();
        twice.children[0]
            .choices
            .push(Choice { school: 0, tier: 2 });
        assert_eq!(allocate(&twice, "s"), allocate(&once, "s"));
        assert_eq!(
            allocate(&once, "s").unwrap().assigned,
            vec![Some(1), Some(0)]
        );
    }
}
