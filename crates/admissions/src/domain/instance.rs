//! The round as the engine sees it (招生批次): schools with seats and
//! children with ranked choices, each choice carrying the child's priority
//! tier (入学顺位) at that school. Checked once by [`validate`].

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many choices (志愿) a child may list when the round sets no limit of
/// its own; a round with a stricter plan calls [`validate_with_limit`].
pub const MAX_CHOICES: usize = 10;

/// A school (学校) taking part in the round, by its index in
/// [`Instance::schools`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSpec {
    /// 招生计划数: the seats offered in this round.
    pub seats: u32,
}

/// One choice (志愿) of a child.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Index of the school in [`Instance::schools`].
    pub school: u32,
    /// The child's priority tier (顺位) at that school; lower is better.
    /// A private school under 公民同招 gives every applicant the same tier.
    pub tier: u8,
}

/// A child (适龄儿童/小升初学生) applying in the round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSpec {
    /// A stable, unique key (报名号). It feeds the lottery, so it must be
    /// published with the seed; use an application number, not the
    /// national ID number, so that the published list masks nothing.
    pub key: String,
    /// Ranked choices, most wanted first (第一志愿 first).
    pub choices: Vec<Choice>,
}

/// A whole round: the input of [`crate::domain::allocate`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub schools: Vec<SchoolSpec>,
    pub children: Vec<ChildSpec>,
}

/// Why a round cannot be allocated as given. Children are named by their
/// position (1-based, as a clerk counts rows) and their key.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InstanceError {
    #[error("本批次没有参加招生的学校")]
    NoSchools,
    #[error("本批次没有报名的儿童")]
    NoChildren,
    #[error("本批次学校或儿童数量超出上限（{0}）")]
    TooLarge(u64),
    #[error("第 {row} 名儿童的报名号为空")]
    EmptyKey { row: usize },
    #[error("第 {row} 名儿童的报名号“{key}”与第 {first_row} 名重复")]
    DuplicateKey {
        row: usize,
        first_row: usize,
        key: String,
    },
    #[error("第 {row} 名儿童（{key}）没有填报任何志愿")]
    NoChoices { row: usize, key: String },
    #[error("第 {row} 名儿童（{key}）填报了 {count} 个志愿，最多 {limit} 个")]
    TooManyChoices {
        row: usize,
        key: String,
        count: usize,
        limit: usize,
    },
    #[error("第 {row} 名儿童（{key}）的第 {rank} 志愿指向不存在的学校（序号 {school}）")]
    UnknownSchool {
        row: usize,
        key: String,
        rank: usize,
        school: u32,
    },
    #[error("第 {row} 名儿童（{key}）的第 {rank} 志愿与第 {first_rank} 志愿是同一所学校")]
    DuplicateChoice {
        row: usize,
        key: String,
        rank: usize,
        first_rank: usize,
    },
}

/// Checks a round against [`MAX_CHOICES`].
pub fn validate(inst: &Instance) -> Result<(), Vec<InstanceError>> {
    validate_with_limit(inst, MAX_CHOICES)
}

/// Checks a round: it has schools and children, keys are present and
/// unique, every child lists between 1 and `max_choices` distinct, existing
/// schools. Every problem is reported, not just the first.
pub fn validate_with_limit(inst: &Instance, max_choices: usize) -> Result<(), Vec<InstanceError>> {
    let mut errors = Vec::new();
    if inst.schools.is_empty() {
        errors.push(InstanceError::NoSchools);
    }
    if inst.children.is_empty() {
        errors.push(InstanceError::NoChildren);
    }
    // Indices travel as u32 (school index, lottery rank), so larger rounds
    // are refused rather than silently wrapped.
    let limit = u64::from(u32::MAX);
    let largest = inst.schools.len().max(inst.children.len()) as u64;
    if largest > limit {
        errors.push(InstanceError::TooLarge(limit));
        return Err(errors);
    }
    let mut first_row: HashMap<&str, usize> = HashMap::with_capacity(inst.children.len());
    for (i, child) in inst.children.iter().enumerate() {
        let row = i + 1;
        let key = child.key.clone();
        if child.key.is_empty() {
            errors.push(InstanceError::EmptyKey { row });
        } else if let Some(&first) = first_row.get(child.key.as_str()) {
            errors.push(InstanceError::DuplicateKey {
                row,
                first_row: first,
                key: key.clone(),
            });
        } else {
            first_row.insert(child.key.as_str(), row);
        }
        if child.choices.is_empty() {
            errors.push(InstanceError::NoChoices {
                row,
                key: key.clone(),
            });
        }
        if child.choices.len() > max_choices {
            errors.push(InstanceError::TooManyChoices {
                row,
                key: key.clone(),
                count: child.choices.len(),
                limit: max_choices,
            });
        }
        for (j, choice) in child.choices.iter().enumerate() {
            if choice.school as usize >= inst.schools.len() {
                errors.push(InstanceError::UnknownSchool {
                    row,
                    key: key.clone(),
                    rank: j + 1,
                    school: choice.school,
                });
            }
            if let Some(k) = child.choices[..j]
                .iter()
                .position(|c| c.school == choice.school)
            {
                errors.push(InstanceError::DuplicateChoice {
                    row,
                    key: key.clone(),
                    rank: j + 1,
                    first_rank: k + 1,
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn child(key: &str, schools: &[u32]) -> ChildSpec {
        let choices = schools.iter().map(|&school| Choice { school, tier: 1 });
        ChildSpec {
            key: key.into(),
            choices: choices.collect(),
        }
    }

    #[test]
    fn a_sound_round_passes() {
        let inst = Instance {
            schools: vec![SchoolSpec { seats: 1 }, SchoolSpec { seats: 0 }],
            children: vec![child("A", &[0, 1]), child("B", &[1])],
        };
        assert_eq!(validate(&inst), Ok(()));
    }

    #[test]
    fn an_empty_round_is_refused() {
        let errors = validate(&Instance::default()).unwrap_err();
        assert_eq!(
            errors,
            vec![InstanceError::NoSchools, InstanceError::NoChildren]
        );
        assert_eq!(errors[0].to_string(), "本批次没有参加招生的学校");
    }

    #[test]
    fn every_problem_is_reported_in_chinese() {
        let inst = Instance {
            schools: vec![SchoolSpec { seats: 2 }, SchoolSpec { seats: 2 }],
            children: vec![
                child("A", &[0, 0]),
                child("A", &[5]),
                child("", &[]),
                child("D", &[0, 1, 0]),
            ],
        };
        let errors = validate_with_limit(&inst, 2).unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "第 1 名儿童（A）的第 2 志愿与第 1 志愿是同一所学校",
                "第 2 名儿童的报名号“A”与第 1 名重复",
                "第 2 名儿童（A）的第 1 志愿指向不存在的学校（序号 5）",
                "第 3 名儿童的报名号为空",
                "第 3 名儿童（）没有填报任何志愿",
                "第 4 名儿童（D）填报了 3 个志愿，最多 2 个",
                "第 4 名儿童（D）的第 3 志愿与第 1 志愿是同一所学校",
            ]
        );
    }
}
