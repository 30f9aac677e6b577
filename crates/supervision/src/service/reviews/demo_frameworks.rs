//! The demo's supervision frameworks (评估标准) as data: 发展性督导 of a
//! school (five first-level indicators, 21 leaves, every scoring method,
//! one veto), and the special supervisions 三课两操两活动 and 就近入学.

use inspection::domain::{Band, Body, Check, Framework, LevelOption, Method, Node, Points};

fn node(code: &str, title: &str, points: Points, evidence: &[&str], body: Body) -> Node {
    Node {
        code: code.into(),
        title: title.into(),
        points,
        evidence: evidence.iter().map(|e| (*e).into()).collect(),
        body,
    }
}

fn group(code: &str, title: &str, points: i64, children: Vec<Node>) -> Node {
    node(
        code,
        title,
        Points::whole(points),
        &[],
        Body::Group(children),
    )
}

/// A leaf scored A/B/C/D: all, 80%, 60% or 30% of its points.
fn levels(code: &str, title: &str, points: i64, evidence: &[&str]) -> Node {
    let options = [("A", 10), ("B", 8), ("C", 6), ("D", 3)]
        .iter()
        .map(|(label, tenths)| LevelOption {
            label: (*label).into(),
            points: Points(points * tenths),
        })
        .collect();
    node(
        code,
        title,
        Points::whole(points),
        evidence,
        Body::Leaf(Method::Levels(options)),
    )
}

/// A checklist leaf: each item worth its points.
fn checklist(code: &str, title: &str, items: &[(&str, i64)], evidence: &[&str]) -> Node {
    let checks: Vec<Check> = items
        .iter()
        .map(|(label, p)| Check {
            label: (*label).into(),
            points: Points::whole(*p),
        })
        .collect();
    let points = checks.iter().map(|c| c.points).sum();
    node(
        code,
        title,
        points,
        evidence,
        Body::Leaf(Method::Checklist(checks)),
    )
}

/// A leaf scored with any number of points from 0 to its points.
fn range(code: &str, title: &str, points: i64, evidence: &[&str]) -> Node {
    let method = Method::Range { min: Points::ZERO };
    node(
        code,
        title,
        Points::whole(points),
        evidence,
        Body::Leaf(method),
    )
}

/// 一票否决: when it applies the result is at most 59 分.
fn veto(code: &str, title: &str) -> Node {
    let method = Method::Veto {
        cap: Points::whole(59),
    };
    node(code, title, Points::ZERO, &[], Body::Leaf(method))
}

fn bands(list: &[(&str, i64)]) -> Vec<Band> {
    list.iter()
        .map(|(label, min)| Band {
            label: (*label).into(),
            min: Points::whole(*min),
        })
        .collect()
}

/// 中小学校发展性督导评估标准.
pub fn development() -> Framework {
    let items = vec![
        group(
            "A",
            "办学方向与管理",
            20,
            vec![
                levels("A1", "办学理念与发展规划", 4, &["学校三年发展规划"]),
                checklist(
                    "A2",
                    "依法治校",
                    &[("学校章程完善", 2), ("制度健全并执行", 1), ("校务公开", 1)],
                    &["学校章程", "校务公开记录"],
                ),
                levels("A3", "民主管理", 4, &["教代会记录"]),
                checklist(
                    "A4",
                    "安全管理",
                    &[
                        ("安全责任制落实", 2),
                        ("隐患排查台账完整", 1),
                        ("每学期应急演练", 1),
                    ],
                    &["安全台账", "演练记录"],
                ),
                levels("A5", "家校社协同育人", 4, &["家长学校活动记录"]),
            ],
        ),
        group(
            "B",
            "课程与教学",
            25,
            vec![
                checklist(
                    "B1",
                    "课程开设",
                    &[("开齐开足国家课程", 3), ("地方课程", 2), ("校本课程", 2)],
                    &["课程表", "校本课程纲要"],
                ),
                levels("B2", "课堂教学", 8, &["听课记录"]),
                range("B3", "作业管理", 5, &["作业公示记录"]),
                levels("B4", "课后服务", 5, &["课后服务方案"]),
            ],
        ),
        group(
            "C",
            "教师队伍",
            20,
            vec![
                levels("C1", "师德师风", 6, &["师德考核结果"]),
                range("C2", "专业发展", 6, &["教师培训档案"]),
                checklist(
                    "C3",
                    "教师培训",
                    &[("完成继续教育学时", 2), ("校本研修常态化", 2)],
                    &["继续教育学时统计"],
                ),
                range("C4", "骨干教师培养", 4, &[]),
            ],
        ),
        group(
            "D",
            "学生发展",
            25,
            vec![
                levels("D1", "德育工作", 6, &["德育工作计划"]),
                range("D2", "学业质量", 7, &["学业质量监测报告"]),
                checklist(
                    "D3",
                    "体质健康",
                    &[
                        ("体质健康测试全覆盖", 2),
                        ("每天锻炼一小时", 2),
                        ("合格率达标", 2),
                    ],
                    &["体质健康测试数据"],
                ),
                levels("D4", "艺术素养", 6, &[]),
            ],
        ),
        group(
            "E",
            "特色与创新",
            10,
            vec![
                levels("E1", "办学特色", 4, &["特色项目材料"]),
                range("E2", "教育信息化", 3, &[]),
                checklist(
                    "E3",
                    "教育科研",
                    &[("有在研课题", 1), ("成果获奖", 1), ("成果推广", 1)],
                    &["课题立项书"],
                ),
            ],
        ),
        veto("V1", "发生重大安全责任事故或严重违规办学行为"),
    ];
    Framework {
        total: Points::whole(100),
        items,
        bands: bands(&[("优秀", 90), ("良好", 75), ("合格", 60), ("不合格", 0)]),
    }
}

/// 三课两操两活动专项督导评估标准.
pub fn three_two_two() -> Framework {
    let items = vec![
        group(
            "K",
            "三课",
            40,
            vec![
                checklist(
                    "K1",
                    "体育课",
                    &[
                        ("按课程标准开足课时", 5),
                        ("专职教师任教", 5),
                        ("不挤占体育课", 5),
                    ],
                    &["课程表"],
                ),
                levels("K2", "活动课", 15, &[]),
                levels("K3", "健康教育课", 10, &[]),
            ],
        ),
        group(
            "C",
            "两操",
            30,
            vec![
                levels("C1", "广播操", 15, &[]),
                range("C2", "眼保健操", 15, &[]),
            ],
        ),
        group(
            "H",
            "两活动",
            30,
            vec![
                levels("H1", "课外活动", 15, &[]),
                checklist(
                    "H2",
                    "大课间体育活动",
                    &[("每天一次", 5), ("时长不少于30分钟", 5), ("全员参与", 5)],
                    &["大课间方案"],
                ),
            ],
        ),
    ];
    Framework {
        total: Points::whole(100),
        items,
        bands: bands(&[("达标", 80), ("基本达标", 60), ("不达标", 0)]),
    }
}

/// 义务教育就近入学专项督导评估标准.
pub fn nearby() -> Framework {
    let items = vec![
        checklist(
            "J1",
            "招生方案公开",
            &[
                ("招生范围公开", 10),
                ("招生计划公开", 10),
                ("招生程序公开", 5),
            ],
            &["招生公告"],
        ),
        levels("J2", "划片招生", 25, &["学区划分方案"]),
        levels("J3", "随迁子女入学", 25, &[]),
        range("J4", "学籍管理", 25, &["学籍异动记录"]),
        veto("V1", "以考试或变相考试方式选拔学生"),
    ];
    Framework {
        total: Points::whole(100),
        items,
        bands: bands(&[("合格", 60), ("不合格", 0)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_frameworks_can_be_used() {
        for f in [development(), three_two_two(), nearby()] {
            assert_eq!(f.check(), vec![], "{f:?}");
        }
        let dev = development();
        assert_eq!(dev.leaves().len(), 21);
        let kinds = |m: fn(&Method) -> bool| {
            dev.leaves()
                .iter()
                .any(|l| matches!(&l.body, Body::Leaf(x) if m(x)))
        };
        assert!(kinds(|m| matches!(m, Method::Levels(_))));
        assert!(kinds(|m| matches!(m, Method::Checklist(_))));
        assert!(kinds(|m| matches!(m, Method::Range { .. })));
        assert!(kinds(|m| matches!(m, Method::Veto { .. })));
    }
}
