//! Test helpers: tiny rounds with a full tier matrix, and definitions
//! checked the slow, obvious way, to compare the engine against.

use super::instance::{ChildSpec, Choice, Instance, SchoolSpec};
use super::lottery::lottery_number;
use proptest::prelude::*;
use proptest::sample::SizeRange;

/// A tiny round where every child has a tier at every school, so that a
/// child can be made to list schools it did not list.
#[derive(Clone, Debug)]
pub struct Tiny {
    pub seats: Vec<u32>,
    /// Per child, per school.
    pub tiers: Vec<Vec<u8>>,
    /// Per child: its true ranking of acceptable schools.
    pub prefs: Vec<Vec<u32>>,
    pub seed: String,
}

impl Tiny {
    pub fn key(c: usize) -> String {
        format!("K{c}")
    }

    /// The instance with child `c`'s list replaced by `list` when given.
    pub fn instance_with(&self, c: usize, list: Option<&[u32]>) -> Instance {
        let children = self.prefs.iter().enumerate().map(|(i, prefs)| {
            let prefs = if i == c { list.unwrap_or(prefs) } else { prefs };
            ChildSpec {
                key: Tiny::key(i),
                choices: prefs
                    .iter()
                    .map(|&s| Choice {
                        school: s,
                        tier: self.tiers[i][s as usize],
                    })
                    .collect(),
            }
        });
        Instance {
            schools: self
                .seats
                .iter()
                .map(|&seats| SchoolSpec { seats })
                .collect(),
            children: children.collect(),
        }
    }

    pub fn instance(&self) -> Instance {
        self.instance_with(usize::MAX, None)
    }
}

/// Tiny rounds: 1..=`schools` schools with 0..=`seats` seats, 1..=`children`
/// children each listing 1..=`list` distinct schools, tiers 1..=3 (so ties
/// inside a tier, as at a private school, are common).
pub fn tiny(
    schools: usize,
    children: usize,
    seats: u32,
    list: usize,
) -> impl Strategy<Value = Tiny> {
    (1..=schools, 1..=children).prop_flat_map(move |(s, n)| {
        let all: Vec<u32> = (0..s as u32).collect();
        let one_list =
            (Just(all).prop_shuffle(), 1..=list.min(s)).prop_map(|(v, len)| v[..len].to_vec());
        (
            prop::collection::vec(0..=seats, s),
            prop::collection::vec(prop::collection::vec(1u8..=3, s), n),
            prop::collection::vec(one_list, SizeRange::from(n)),
            "[a-z0-9]{0,6}",
        )
            .prop_map(|(seats, tiers, prefs, seed)| Tiny {
                seats,
                tiers,
                prefs,
                seed,
            })
    })
}

/// Position of `school` in the child's list; unlisted or unassigned rank
/// after everything listed.
pub fn rank_in(list: &[Choice], school: Option<u32>) -> usize {
    school
        .and_then(|s| list.iter().position(|c| c.school == s))
        .unwrap_or(list.len())
}

/// Capacity, listed choices and no blocking pair, straight from the
/// definition with (tier, lottery number, key) compared as tuples.
pub fn is_stable(inst: &Instance, seed: &str, m: &[Option<u32>]) -> bool {
    let prio = |c: usize, s: u32| -> Option<(u8, u64, &str)> {
        let child = &inst.children[c];
        let tier = child.choices.iter().find(|ch| ch.school == s)?.tier;
        Some((tier, lottery_number(seed, &child.key), child.key.as_str()))
    };
    for (s, school) in inst.schools.iter().enumerate() {
        let admitted = m.iter().filter(|a| **a == Some(s as u32)).count();
        if admitted > school.seats as usize {
            return false;
        }
    }
    for (c, a) in m.iter().enumerate() {
        if a.is_some_and(|s| prio(c, s).is_none()) {
            return false;
        }
    }
    for (c, child) in inst.children.iter().enumerate() {
        let mine = rank_in(&child.choices, m[c]);
        for ch in &child.choices[..mine] {
            let s = ch.school;
            let holders: Vec<usize> = (0..m.len()).filter(|&d| m[d] == Some(s)).collect();
            if holders.len() < inst.schools[s as usize].seats as usize {
                return false;
            }
            if holders.iter().any(|&d| prio(d, s) > prio(c, s)) {
                return false;
            }
        }
    }
    true
}

/// Every stable matching of a tiny round, by enumerating all matchings.
pub fn all_stable(inst: &Instance, seed: &str) -> Vec<Vec<Option<u32>>> {
    let options: Vec<Vec<Option<u32>>> = inst
        .children
        .iter()
        .map(|c| {
            let mut o = vec![None];
            o.extend(c.choices.iter().map(|ch| Some(ch.school)));
            o
        })
        .collect();
    let mut out = Vec::new();
    let mut current = vec![None; options.len()];
    enumerate(&options, 0, &mut current, &mut |m| {
        if is_stable(inst, seed, m) {
            out.push(m.to_vec());
        }
    });
    out
}

fn enumerate(
    options: &[Vec<Option<u32>>],
    i: usize,
    current: &mut Vec<Option<u32>>,
    visit: &mut dyn FnMut(&[Option<u32>]),
) {
    if i == options.len() {
        visit(current);
        return;
    }
    for &o in &options[i] {
        current[i] = o;
        enumerate(options, i + 1, current, visit);
    }
}

/// Every ordered list of distinct schools out of `schools`, of length
/// 0..=`max_len`, including the empty list.
pub fn all_lists(schools: u32, max_len: usize) -> Vec<Vec<u32>> {
    let mut out = vec![vec![]];
    let mut frontier: Vec<Vec<u32>> = vec![vec![]];
    for _ in 0..max_len {
        let mut next = Vec::new();
        for l in &frontier {
            for s in 0..schools {
                if !l.contains(&s) {
                    let mut longer = l.clone();
                    longer.push(s);
                    next.push(longer);
                }
            }
        }
        out.extend(next.iter().cloned());
        frontier = next;
    }
    out
}
