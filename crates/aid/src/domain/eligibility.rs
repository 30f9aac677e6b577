//! 资格判定: the pure rule that decides, for one student and every program
//! of a run, who qualifies, for how much, and why; and which combinations
//! cannot be paid together.

use super::condition::Condition;
use super::kinds::{ownership_index, Flag, Ownership, Stage, UrbanRural};
use super::money::Fen;
use super::program::ProgramDef;
use super::term::Term;

/// All a rule looks at of a student on the census date (besides an
/// approved application): every student sharing a profile is decided alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Profile {
    pub grade: i64,
    /// [`Flag::bit`]s the student has.
    pub flags: u16,
    pub urban_rural: Option<UrbanRural>,
    pub ownership: Option<Ownership>,
    /// At a 中等职业学校: grades 10–12 are 中职, not 高中.
    pub vocational: bool,
}

/// A program compiled for fast evaluation over many students.
#[derive(Clone, Debug)]
pub struct Rule {
    pub program: i64,
    pub units: i64,
    /// Amount per period for each [`Stage::index`]; `None`: stage not covered.
    amounts: [Option<Fen>; Stage::ALL.len()],
    required: u16,
    forbidden: u16,
    any_of: Vec<u16>,
    areas: Option<u8>,
    owners: Option<u8>,
    pub needs_application: bool,
}

/// Why a student qualified: the stage and the conditions they satisfied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Why {
    pub rule: usize,
    pub stage: Stage,
    /// Flags that satisfied a "required" or "any of" condition.
    pub matched: u16,
    pub area: Option<UrbanRural>,
    /// Index into [`Ownership::ALL`].
    pub owner: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub rule: usize,
    pub stage: Stage,
    /// Amount for the term: standard × units.
    pub amount: Fen,
    pub why: Why,
}

impl Rule {
    pub fn compile(program: i64, def: &ProgramDef, term: &Term) -> Rule {
        let mut amounts = [None; Stage::ALL.len()];
        for (s, f) in &def.amounts {
            amounts[s.index()] = Some(*f);
        }
        let mut r = Rule {
            program,
            units: term.units(def.period),
            amounts,
            required: 0,
            forbidden: 0,
            any_of: Vec::new(),
            areas: None,
            owners: None,
            needs_application: def.needs_application,
        };
        for c in &def.conditions {
            match c {
                Condition::Flag {
                    flag,
                    required: true,
                } => r.required |= flag.bit(),
                Condition::Flag {
                    flag,
                    required: false,
                } => r.forbidden |= flag.bit(),
                Condition::AnyFlag { flags } => {
                    r.any_of.push(flags.iter().fold(0, |m, f| m | f.bit()))
                }
                Condition::UrbanRural { values } => {
                    r.areas = Some(values.iter().fold(0, |m, v| m | 1 << (*v as u8)))
                }
                Condition::Ownership { values } => {
                    r.owners = Some(values.iter().fold(0, |m, v| m | 1 << ownership_index(*v)))
                }
            }
        }
        r
    }

    /// Whether and how `f` qualifies. `applied`: the student has an approved
    /// application for this program and term (only asked of programs that
    /// need one).
    pub fn evaluate(&self, index: usize, f: &Profile, applied: bool) -> Option<Hit> {
        if self.units <= 0 || (self.needs_application && !applied) {
            return None;
        }
        let stage = Stage::of(f.grade, f.vocational)?;
        let per = self.amounts[stage.index()]?;
        if f.flags & self.required != self.required || f.flags & self.forbidden != 0 {
            return None;
        }
        let mut matched = self.required;
        for m in &self.any_of {
            let hit = f.flags & m;
            if hit == 0 {
                return None;
            }
            matched |= hit;
        }
        if let Some(mask) = self.areas {
            if f.urban_rural.is_none_or(|u| mask & (1 << (u as u8)) == 0) {
                return None;
            }
        }
        if let Some(mask) = self.owners {
            if f.ownership
                .is_none_or(|o| mask & (1 << ownership_index(o)) == 0)
            {
                return None;
            }
        }
        Some(Hit {
            rule: index,
            stage,
            amount: Fen(per.0 * self.units),
            why: Why {
                rule: index,
                stage,
                matched,
                area: self.areas.and(f.urban_rural),
                owner: self
                    .owners
                    .and(f.ownership)
                    .map(|o| ownership_index(o) as u8),
            },
        })
    }

    /// The reason as a person reads it: "初中·寄宿生·低保·城区".
    pub fn reason_text(&self, why: &Why) -> String {
        let mut parts = vec![why.stage.label().to_string()];
        for flag in Flag::ALL {
            if why.matched & flag.bit() != 0 {
                parts.push(flag.label().into());
            }
            if self.forbidden & flag.bit() != 0 {
                parts.push(format!("非{}", flag.label()));
            }
        }
        if let Some(a) = why.area {
            parts.push(a.label().into());
        }
        if let Some(o) = why.owner.and_then(|i| Ownership::ALL.get(i as usize)) {
            parts.push(o.label().into());
        }
        if self.needs_application {
            parts.push("申请已批准".into());
        }
        parts.join("·")
    }
}

/// Evaluates every rule for one student and drops combinations that cannot
/// be paid together: rules earlier in `rules` win. `incompatible[i]` is the
/// bit set of rules that rule `i` cannot be combined with (symmetric).
/// Returns the kept hits and the (kept, dropped) rule pairs.
pub fn evaluate_all(
    rules: &[Rule],
    incompatible: &[u64],
    f: &Profile,
    applied: impl Fn(usize) -> bool,
    hits: &mut Vec<Hit>,
    conflicts: &mut Vec<(usize, usize)>,
) {
    hits.clear();
    conflicts.clear();
    let mut kept: u64 = 0;
    for (i, r) in rules.iter().enumerate() {
        let needs = r.needs_application;
        let Some(h) = r.evaluate(i, f, needs && applied(i)) else {
            continue;
        };
        let clash = incompatible.get(i).copied().unwrap_or(0) & kept;
        if clash != 0 {
            conflicts.push((clash.trailing_zeros() as usize, i));
        } else {
            kept |= 1 << i;
            hits.push(h);
        }
    }
}

/// Makes the incompatibility sets of a run's programs symmetric bit sets.
pub fn incompatibility_sets(programs: &[(i64, Vec<i64>)]) -> Vec<u64> {
    let mut sets = vec![0u64; programs.len()];
    for (i, (_, others)) in programs.iter().enumerate() {
        for (j, (id, _)) in programs.iter().enumerate() {
            if others.contains(id) {
                sets[i] |= 1 << j;
                sets[j] |= 1 << i;
            }
        }
    }
    sets
}

/// Most programs one run may hold (bit sets above are 64 wide).
pub const MAX_PROGRAMS_PER_RUN: usize = 64;
