//! 资格判定表: a run decides each distinct profile once — the grade, the
//! school's 城乡 class and ownership, the category flags and which of the
//! run's programs the student holds an approved application for — and the
//! database then pairs every student with the decision of their profile by
//! a single integer key. A million students share a few thousand profiles.

use super::eligibility::{evaluate_all, Hit, Profile, Rule};
use super::kinds::{Flag, Ownership, UrbanRural};

/// Number of distinct flag sets ([`Flag::bit`]s): every class is decided for each.
pub const FLAG_COMBINATIONS: i64 = 1 << Flag::ALL.len();

/// What an enrolment contributes to a profile: grade and the school's place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Class {
    pub grade: i64,
    pub urban_rural: Option<UrbanRural>,
    pub ownership: Option<Ownership>,
    /// At a 中等职业学校.
    pub vocational: bool,
}

/// The outcome for one key: the payments kept and the (kept, dropped) rule
/// pairs that could not be paid together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub key: i64,
    pub hits: Vec<Hit>,
    pub clashes: Vec<(usize, usize)>,
}

/// The key of a profile. The SQL that pairs students with decisions
/// computes the same number: `(class × FLAG_COMBINATIONS + flags) × sets + set`.
pub fn key(class: usize, flags: u16, set: usize, sets: usize) -> i64 {
    (class as i64 * FLAG_COMBINATIONS + i64::from(flags)) * sets as i64 + set as i64
}

/// Decides every combination of class, flag set and application set.
/// `application_sets[k]` is the bit set of rule indexes a student holds an
/// approved application for; index 0 is "none" and must be the empty set.
/// Returns only the combinations with a payment or a clash.
pub fn decide(
    rules: &[Rule],
    incompatible: &[u64],
    classes: &[Class],
    application_sets: &[u64],
) -> Vec<Decision> {
    let sets = application_sets.len().max(1);
    let (mut hits, mut clashes) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    for (c, class) in classes.iter().enumerate() {
        for flags in 0..FLAG_COMBINATIONS as u16 {
            let profile = Profile {
                grade: class.grade,
                flags,
                urban_rural: class.urban_rural,
                ownership: class.ownership,
                vocational: class.vocational,
            };
            for set in 0..sets {
                let applied = application_sets.get(set).copied().unwrap_or(0);
                evaluate_all(
                    rules,
                    incompatible,
                    &profile,
                    |i| applied & (1 << i) != 0,
                    &mut hits,
                    &mut clashes,
                );
                if !hits.is_empty() || !clashes.is_empty() {
                    out.push(Decision {
                        key: key(c, flags, set, sets),
                        hits: hits.clone(),
                        clashes: clashes.clone(),
                    });
                }
            }
        }
    }
    out
}
