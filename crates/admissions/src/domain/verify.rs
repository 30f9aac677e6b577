//! An independent check of a published result (结果核验): it uses the
//! definitions directly (lottery numbers and keys, not the engine's packed
//! ranks), so a bug in the engine cannot hide behind the same bug here.

use super::engine::{allocate, AllocateError, Allocation};
use super::instance::Instance;
use super::lottery::{draw_order, lottery_number};
use std::cmp::Ordering;

/// What is wrong with a result. Children are named by their 1-based
/// position in the input and their key; schools by index.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    #[error("结果中的{what}数量为 {found}，输入中为 {expected}")]
    Shape {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("第 {row} 名儿童（{key}）被分配到未填报的学校（序号 {school}）")]
    NotAChoice {
        row: usize,
        key: String,
        school: u32,
    },
    #[error("学校（序号 {school}）录取 {admitted} 人，超过招生计划 {seats} 人")]
    OverCapacity {
        school: u32,
        admitted: u64,
        seats: u32,
    },
    #[error("第 {row} 名儿童（{key}）更想去的学校（序号 {school}）仍有空位")]
    Wasteful {
        row: usize,
        key: String,
        school: u32,
    },
    #[error(
        "第 {row} 名儿童（{key}）更想去学校（序号 {school}），该校却录取了顺位或摇号在其后的第 {other_row} 名儿童（{other_key}）"
    )]
    JustifiedEnvy {
        row: usize,
        key: String,
        school: u32,
        other_row: usize,
        other_key: String,
    },
    #[error("学校（序号 {school}）公布的最后录取位次与录取名单不符")]
    Cutoff { school: u32 },
    #[error("用同一种子重新运行得到的{what}与公布结果不同")]
    NotReproduced { what: &'static str },
    /// The engine refuses the input itself, so no result can stand.
    #[error("{0}")]
    Refused(AllocateError),
}

/// Checks a published result: [`check_matching`], the cutoffs, and that a
/// fresh run with the same seed gives the very same result.
pub fn verify(inst: &Instance, seed: &str, alloc: &Allocation) -> Result<(), Vec<Violation>> {
    let mut v = match check_matching(inst, seed, &alloc.assigned) {
        Ok(()) => Vec::new(),
        Err(v) => v,
    };
    if alloc.cutoffs.len() != inst.schools.len() {
        v.push(Violation::Shape {
            what: "学校",
            expected: inst.schools.len(),
            found: alloc.cutoffs.len(),
        });
    } else if alloc.assigned.len() == inst.children.len() {
        let worst = worst_admitted(inst, seed, &alloc.assigned);
        let mut admitted = vec![0u64; inst.schools.len()];
        for s in alloc.assigned.iter().flatten() {
            if let Some(n) = admitted.get_mut(*s as usize) {
                *n += 1;
            }
        }
        for (s, (cutoff, worst)) in alloc.cutoffs.iter().zip(&worst).enumerate() {
            let expected = worst.map(|w| (w.tier, w.lottery, admitted[s]));
            if cutoff.map(|c| (c.tier, c.lottery, u64::from(c.admitted))) != expected {
                v.push(Violation::Cutoff { school: s as u32 });
            }
        }
    }
    match allocate(inst, seed) {
        Ok(fresh) => {
            for (same, what) in [
                (fresh.assigned == alloc.assigned, "录取名单"),
                (fresh.cutoffs == alloc.cutoffs, "最后录取位次"),
                (fresh.engine_version == alloc.engine_version, "算法版本"),
            ] {
                if !same {
                    v.push(Violation::NotReproduced { what });
                }
            }
        }
        Err(e) => v.push(Violation::Refused(e)),
    }
    if v.is_empty() {
        Ok(())
    } else {
        Err(v)
    }
}

/// The worst admitted applicant of a school as the definition sees it.
#[derive(Clone, Copy)]
struct Admitted<'a> {
    child: usize,
    tier: u8,
    lottery: u64,
    key: &'a str,
}

impl Admitted<'_> {
    fn cmp_rank(&self, tier: u8, lottery: u64, key: &str) -> Ordering {
        self.tier
            .cmp(&tier)
            .then_with(|| draw_order((self.lottery, self.key), (lottery, key)))
    }
}

fn worst_admitted<'a>(
    inst: &'a Instance,
    seed: &str,
    assigned: &[Option<u32>],
) -> Vec<Option<Admitted<'a>>> {
    let mut worst: Vec<Option<Admitted>> = vec![None; inst.schools.len()];
    for (c, (child, school)) in inst.children.iter().zip(assigned).enumerate() {
        let Some(s) = *school else { continue };
        let Some(choice) = child.choices.iter().find(|ch| ch.school == s) else {
            continue;
        };
        let Some(slot) = worst.get_mut(s as usize) else {
            continue;
        };
        let lottery = lottery_number(seed, &child.key);
        let worse = match slot {
            None => true,
            Some(w) => w.cmp_rank(choice.tier, lottery, &child.key) == Ordering::Less,
        };
        if worse {
            *slot = Some(Admitted {
                child: c,
                tier: choice.tier,
                lottery,
                key: &child.key,
            });
        }
    }
    worst
}

/// Checks any proposed matching against the rules, without asking whether
/// it is the engine's: sizes agree, every child is placed only at a school
/// it listed, no school exceeds its seats, no child ranks a school above
/// its placement while that school has a free seat (non-wastefulness) or
/// admitted someone with a worse (tier, draw) there (stability).
pub fn check_matching(
    inst: &Instance,
    seed: &str,
    assigned: &[Option<u32>],
) -> Result<(), Vec<Violation>> {
    if assigned.len() != inst.children.len() {
        return Err(vec![Violation::Shape {
            what: "儿童",
            expected: inst.children.len(),
            found: assigned.len(),
        }]);
    }
    let mut v = Vec::new();
    let mut count = vec![0u64; inst.schools.len()];
    // Per child: the position of its placement in its own list.
    let mut placed_at = vec![usize::MAX; inst.children.len()];
    for (c, (child, school)) in inst.children.iter().zip(assigned).enumerate() {
        let Some(s) = *school else { continue };
        match child.choices.iter().position(|ch| ch.school == s) {
            Some(p) if (s as usize) < inst.schools.len() => {
                placed_at[c] = p;
                count[s as usize] += 1;
            }
            _ => v.push(Violation::NotAChoice {
                row: c + 1,
                key: child.key.clone(),
                school: s,
            }),
        }
    }
    for (s, (school, &admitted)) in inst.schools.iter().zip(&count).enumerate() {
        if admitted > u64::from(school.seats) {
            v.push(Violation::OverCapacity {
                school: s as u32,
                admitted,
                seats: school.seats,
            });
        }
    }
    let worst = worst_admitted(inst, seed, assigned);
    for (c, child) in inst.children.iter().enumerate() {
        let better = &child.choices[..placed_at[c].min(child.choices.len())];
        let mut lottery = None;
        for choice in better {
            let s = choice.school as usize;
            let Some(school) = inst.schools.get(s) else {
                continue;
            };
            if count[s] < u64::from(school.seats) {
                v.push(Violation::Wasteful {
                    row: c + 1,
                    key: child.key.clone(),
                    school: choice.school,
                });
                continue;
            }
            let Some(w) = worst[s] else { continue };
            let lot = *lottery.get_or_insert_with(|| lottery_number(seed, &child.key));
            if w.cmp_rank(choice.tier, lot, &child.key) == Ordering::Greater {
                v.push(Violation::JustifiedEnvy {
                    row: c + 1,
                    key: child.key.clone(),
                    school: choice.school,
                    other_row: w.child + 1,
                    other_key: w.key.to_string(),
                });
            }
        }
    }
    if v.is_empty() {
        Ok(())
    } else {
        Err(v)
    }
}
