//! A small framework in the shape of a 发展性督导 standard, for tests.

use super::framework::*;
use super::points::Points;

pub fn leaf(code: &str, points: i64, method: Method) -> Node {
    Node {
        code: code.into(),
        title: format!("指标{code}"),
        points: Points::whole(points),
        evidence: vec![],
        body: Body::Leaf(method),
    }
}

pub fn group(code: &str, points: i64, children: Vec<Node>) -> Node {
    Node {
        code: code.into(),
        title: format!("指标{code}"),
        points: Points::whole(points),
        evidence: vec![],
        body: Body::Group(children),
    }
}

pub fn levels(points: &[(&str, i64)]) -> Method {
    Method::Levels(
        points
            .iter()
            .map(|(l, p)| LevelOption {
                label: (*l).into(),
                points: Points::whole(*p),
            })
            .collect(),
    )
}

pub fn checklist(points: &[i64]) -> Method {
    Method::Checklist(
        points
            .iter()
            .enumerate()
            .map(|(i, p)| Check {
                label: format!("检查项{}", i + 1),
                points: Points::whole(*p),
            })
            .collect(),
    )
}

/// 100 points: A (60) = A1 levels 30 + A2 checklist 30; B range 40 (min 0);
/// V veto capping at 59. Bands 优秀 90, 良好 75, 合格 60, 不合格 0.
pub fn framework() -> Framework {
    Framework {
        total: Points::whole(100),
        items: vec![
            group(
                "A",
                60,
                vec![
                    leaf(
                        "A1",
                        30,
                        levels(&[("A", 30), ("B", 20), ("C", 10), ("D", 0)]),
                    ),
                    leaf("A2", 30, checklist(&[10, 10, 10])),
                ],
            ),
            leaf("B", 40, Method::Range { min: Points::ZERO }),
            leaf(
                "V",
                0,
                Method::Veto {
                    cap: Points::whole(59),
                },
            ),
        ],
        bands: ["优秀", "良好", "合格", "不合格"]
            .iter()
            .zip([90, 75, 60, 0])
            .map(|(l, m)| Band {
                label: (*l).into(),
                min: Points::whole(m),
            })
            .collect(),
    }
}
