//! 评估标准和计分方法: an indicator framework as data. A tree of
//! indicators, each worth some points; a group's children add up to its
//! points; a leaf says how it is scored. Veto items (一票否决) carry no
//! points but cap the result when they apply.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::points::Points;

/// One version of a framework (e.g. 2026 年发展性督导评估标准).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    /// The points the top-level indicators add up to (usually 100).
    pub total: Points,
    pub items: Vec<Node>,
    /// Result grades, the highest first: a result gets the first band whose
    /// minimum it reaches.
    pub bands: Vec<Band>,
}

/// An indicator (指标): its code ("A1", "2.3"), title, points and body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub code: String,
    pub title: String,
    pub points: Points,
    /// What evidence (佐证材料) the indicator asks the institution for.
    #[serde(default)]
    pub evidence: Vec<String>,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// Lower-level indicators whose points add up to this one's.
    Group(Vec<Node>),
    Leaf(Method),
}

/// How a leaf indicator is scored (计分方法).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// One of several levels (A/B/C/D), each worth some points; the best
    /// is worth the indicator's points.
    Levels(Vec<LevelOption>),
    /// A checklist: each item met earns its points; all together are
    /// worth the indicator's points.
    Checklist(Vec<Check>),
    /// A number of points between `min` and the indicator's points.
    Range { min: Points },
    /// 一票否决: worth nothing; when it applies the result is at most `cap`.
    Veto { cap: Points },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelOption {
    pub label: String,
    pub points: Points,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub label: String,
    pub points: Points,
}

/// A result grade (优秀, 良好, 合格, 不合格) and the points it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    pub label: String,
    pub min: Points,
}

/// Why a framework cannot be used, in words a 督学 can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FrameworkError {
    #[error("一级指标分值合计 {sum}，应为总分 {total}")]
    TopLevelSum { sum: Points, total: Points },
    #[error("指标 {code} 的下级指标分值合计 {sum}，应为 {points}")]
    GroupSum {
        code: String,
        sum: Points,
        points: Points,
    },
    #[error("指标 {code} 没有下级指标")]
    EmptyGroup { code: String },
    #[error("指标编号 {0} 重复")]
    DuplicateCode(String),
    #[error("有指标缺少编号或名称")]
    Unnamed,
    #[error("指标 {code} 的分值不能为负")]
    Negative { code: String },
    #[error("指标 {code} 的最高等级分值为 {best}，应等于指标分值 {points}")]
    LevelsTop {
        code: String,
        best: Points,
        points: Points,
    },
    #[error("指标 {code} 的评分等级重复或为空")]
    LevelLabels { code: String },
    #[error("指标 {code} 的检查项分值合计 {sum}，应为 {points}")]
    ChecklistSum {
        code: String,
        sum: Points,
        points: Points,
    },
    #[error("指标 {code} 的最低分 {min} 高于指标分值 {points}")]
    RangeMin {
        code: String,
        min: Points,
        points: Points,
    },
    #[error("否决项 {code} 不应有分值（现为 {points}）")]
    VetoPoints { code: String, points: Points },
    #[error("否决项 {code} 的封顶分 {cap} 超出总分 {total}")]
    VetoCap {
        code: String,
        cap: Points,
        total: Points,
    },
    #[error("评定等次须从高到低排列，且最低要求不超过总分")]
    Bands,
}

impl Framework {
    /// Every leaf, depth first, in the order the framework lists them.
    pub fn leaves(&self) -> Vec<&Node> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
            for n in nodes {
                match &n.body {
                    Body::Group(children) => walk(children, out),
                    Body::Leaf(_) => out.push(n),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }

    /// Every problem that stops the framework from being used; empty when
    /// it can be.
    pub fn check(&self) -> Vec<FrameworkError> {
        let mut errors = Vec::new();
        let sum: Points = self.items.iter().map(|n| n.points).sum();
        if sum != self.total {
            errors.push(FrameworkError::TopLevelSum {
                sum,
                total: self.total,
            });
        }
        let mut codes = BTreeSet::new();
        for node in &self.items {
            check_node(node, self.total, &mut codes, &mut errors);
        }
        let descending = self.bands.windows(2).all(|w| w[0].min > w[1].min);
        let within = self
            .bands
            .iter()
            .all(|b| b.min <= self.total && b.min >= Points::ZERO);
        if self.bands.is_empty() || !descending || !within {
            errors.push(FrameworkError::Bands);
        }
        errors
    }

    /// The band a total reaches, if any.
    pub fn band(&self, total: Points) -> Option<&Band> {
        self.bands.iter().find(|b| total >= b.min)
    }
}

fn check_node(
    node: &Node,
    total: Points,
    codes: &mut BTreeSet<String>,
    errors: &mut Vec<FrameworkError>,
) {
    let code = node.code.trim().to_string();
    if code.is_empty() || node.title.trim().is_empty() {
        errors.push(FrameworkError::Unnamed);
    } else if !codes.insert(code.clone()) {
        errors.push(FrameworkError::DuplicateCode(code.clone()));
    }
    if node.points < Points::ZERO {
        errors.push(FrameworkError::Negative { code: code.clone() });
    }
    let points = node.points;
    match &node.body {
        Body::Group(children) => {
            if children.is_empty() {
                errors.push(FrameworkError::EmptyGroup { code });
                return;
            }
            let sum: Points = children.iter().map(|c| c.points).sum();
            if sum != points {
                errors.push(FrameworkError::GroupSum {
                    code: code.clone(),
                    sum,
                    points,
                });
            }
            for child in children {
                check_node(child, total, codes, errors);
            }
        }
        Body::Leaf(method) => {
            if let Some(e) = check_method(&code, points, total, method) {
                errors.push(e);
            }
        }
    }
}

fn check_method(
    code: &str,
    points: Points,
    total: Points,
    method: &Method,
) -> Option<FrameworkError> {
    let code = code.to_string();
    match method {
        Method::Levels(options) => {
            let labels: BTreeSet<&str> = options.iter().map(|o| o.label.trim()).collect();
            if options.is_empty() || labels.len() != options.len() || labels.contains("") {
                return Some(FrameworkError::LevelLabels { code });
            }
            let best = options.iter().map(|o| o.points).max().unwrap_or_default();
            let negative = options.iter().any(|o| o.points < Points::ZERO);
            (best != points || negative).then_some(FrameworkError::LevelsTop { code, best, points })
        }
        Method::Checklist(checks) => {
            let sum: Points = checks.iter().map(|c| c.points).sum();
            let negative = checks.iter().any(|c| c.points < Points::ZERO);
            (checks.is_empty() || sum != points || negative)
                .then_some(FrameworkError::ChecklistSum { code, sum, points })
        }
        Method::Range { min } => {
            (*min > points || *min < Points::ZERO).then_some(FrameworkError::RangeMin {
                code,
                min: *min,
                points,
            })
        }
        Method::Veto { cap } => {
            if points != Points::ZERO {
                Some(FrameworkError::VetoPoints { code, points })
            } else if *cap > total || *cap < Points::ZERO {
                Some(FrameworkError::VetoCap {
                    code,
                    cap: *cap,
                    total,
                })
            } else {
                None
            }
        }
    }
}
