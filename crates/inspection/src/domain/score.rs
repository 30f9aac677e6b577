//! Scoring one institution against a framework: each leaf's answer gives
//! its points, groups add up, vetoes that apply cap the total, and the
//! total reaches a band.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::framework::{Body, Framework, Method, Node};
use super::points::Points;

/// An inspector's answer to one leaf indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The label of the level chosen.
    Level(String),
    /// For each checklist item in order, whether it is met.
    Checks(Vec<bool>),
    /// Points given on a range indicator.
    Value(Points),
    /// Whether a veto item applies.
    Veto(bool),
}

/// The result of scoring: points per indicator (groups included), the
/// total after vetoes, the vetoes that applied and the band reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scored {
    pub by_code: BTreeMap<String, Points>,
    /// The points before any veto.
    pub raw: Points,
    pub total: Points,
    pub vetoed_by: Vec<String>,
    pub band: Option<String>,
}

/// Why answers cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("指标 {0} 尚未评分")]
    Missing(String),
    #[error("指标 {code} 的评分方式不符（应为{expected}）")]
    WrongKind {
        code: String,
        expected: &'static str,
    },
    #[error("指标 {code} 没有“{level}”这一等级")]
    UnknownLevel { code: String, level: String },
    #[error("指标 {code} 有 {expected} 个检查项，提交了 {given} 项")]
    CheckCount {
        code: String,
        expected: usize,
        given: usize,
    },
    #[error("指标 {code} 的得分 {value} 超出范围（{min}～{max}）")]
    OutOfRange {
        code: String,
        value: Points,
        min: Points,
        max: Points,
    },
    #[error("指标 {0} 不在本评估标准中")]
    UnknownCode(String),
}

impl Framework {
    /// Scores `answers` (by leaf code). Every leaf must be answered, every
    /// answer must belong to a leaf and fit its method.
    pub fn score(&self, answers: &BTreeMap<String, Answer>) -> Result<Scored, Vec<ScoreError>> {
        let mut errors = Vec::new();
        let leaves: BTreeSet<&str> = self.leaves().iter().map(|l| l.code.trim()).collect();
        for code in answers.keys() {
            if !leaves.contains(code.trim()) {
                errors.push(ScoreError::UnknownCode(code.clone()));
            }
        }
        let mut by_code = BTreeMap::new();
        let mut vetoes: Vec<(String, Points)> = Vec::new();
        for node in &self.items {
            sum_node(node, answers, &mut by_code, &mut vetoes, &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let raw: Points = self.items.iter().map(|n| by_code[n.code.trim()]).sum();
        let total = vetoes.iter().map(|(_, cap)| *cap).fold(raw, Points::min);
        Ok(Scored {
            band: self.band(total).map(|b| b.label.clone()),
            by_code,
            raw,
            total,
            vetoed_by: vetoes.into_iter().map(|(code, _)| code).collect(),
        })
    }
}

fn sum_node(
    node: &Node,
    answers: &BTreeMap<String, Answer>,
    by_code: &mut BTreeMap<String, Points>,
    vetoes: &mut Vec<(String, Points)>,
    errors: &mut Vec<ScoreError>,
) {
    let code = node.code.trim().to_string();
    let points = match &node.body {
        Body::Group(children) => {
            for child in children {
                sum_node(child, answers, by_code, vetoes, errors);
            }
            children
                .iter()
                .map(|c| by_code.get(c.code.trim()).copied().unwrap_or_default())
                .sum()
        }
        Body::Leaf(method) => match answers.get(&code) {
            None => {
                errors.push(ScoreError::Missing(code.clone()));
                Points::ZERO
            }
            Some(answer) => match leaf_points(&code, node.points, method, answer) {
                Ok(Leaf::Points(p)) => p,
                Ok(Leaf::Veto(cap)) => {
                    vetoes.push((code.clone(), cap));
                    Points::ZERO
                }
                Err(e) => {
                    errors.push(e);
                    Points::ZERO
                }
            },
        },
    };
    by_code.insert(code, points);
}

enum Leaf {
    Points(Points),
    Veto(Points),
}

fn leaf_points(
    code: &str,
    max: Points,
    method: &Method,
    answer: &Answer,
) -> Result<Leaf, ScoreError> {
    let wrong = |expected| ScoreError::WrongKind {
        code: code.to_string(),
        expected,
    };
    match (method, answer) {
        (Method::Levels(options), Answer::Level(label)) => options
            .iter()
            .find(|o| o.label.trim() == label.trim())
            .map(|o| Leaf::Points(o.points))
            .ok_or_else(|| ScoreError::UnknownLevel {
                code: code.to_string(),
                level: label.clone(),
            }),
        (Method::Levels(_), _) => Err(wrong("选择等级")),
        (Method::Checklist(checks), Answer::Checks(met)) => {
            if met.len() != checks.len() {
                return Err(ScoreError::CheckCount {
                    code: code.to_string(),
                    expected: checks.len(),
                    given: met.len(),
                });
            }
            Ok(Leaf::Points(
                checks
                    .iter()
                    .zip(met)
                    .filter(|(_, m)| **m)
                    .map(|(c, _)| c.points)
                    .sum(),
            ))
        }
        (Method::Checklist(_), _) => Err(wrong("逐项勾选")),
        (Method::Range { min }, Answer::Value(value)) => {
            if value < min || *value > max {
                return Err(ScoreError::OutOfRange {
                    code: code.to_string(),
                    value: *value,
                    min: *min,
                    max,
                });
            }
            Ok(Leaf::Points(*value))
        }
        (Method::Range { .. }, _) => Err(wrong("填写分数")),
        (Method::Veto { cap }, Answer::Veto(applies)) => Ok(if *applies {
            Leaf::Veto(*cap)
        } else {
            Leaf::Points(Points::ZERO)
        }),
        (Method::Veto { .. }, _) => Err(wrong("是否触发否决")),
    }
}
