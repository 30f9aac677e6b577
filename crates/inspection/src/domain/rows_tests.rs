use proptest::prelude::*;

use super::framework::*;
use super::indicator_row::*;
use super::points::Points;
use super::rows::*;
use super::sample::*;

fn row(cells: &[&str]) -> IndicatorRow {
    IndicatorRow::from_cells(cells)
}

fn numbered(rows: Vec<IndicatorRow>) -> Vec<(usize, IndicatorRow)> {
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| (i + 2, r))
        .collect()
}

fn problems(r: &IndicatorRow) -> Vec<(Field, String)> {
    r.parse().expect_err("refused")
}

#[test]
fn fields_have_a_key_and_a_column() {
    let keys: Vec<_> = Field::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(
        keys,
        ["code", "parent", "title", "points", "method", "options", "min", "cap", "evidence"]
    );
    let columns: Vec<_> = Field::ALL.iter().map(|f| f.column()).collect();
    assert_eq!(
        columns,
        [
            "指标编号",
            "上级指标编号",
            "指标名称",
            "分值",
            "计分方法",
            "等级或检查项",
            "最低分",
            "否决封顶分",
            "佐证材料"
        ]
    );
    let r = row(&["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    let got: String = Field::ALL.iter().map(|f| r.get(*f)).collect();
    assert_eq!(got, "abcdefghi");
}

#[test]
fn every_method_reads_from_a_row() {
    let (parent, n) = row(&[
        "A1",
        "A",
        "办学理念",
        "10",
        "等级",
        "A:10；B：8;C:5; D:0",
        "",
        "",
        "章程；三年规划;",
    ])
    .parse()
    .expect("levels");
    assert_eq!(parent.as_deref(), Some("A"));
    assert_eq!(n.evidence, ["章程", "三年规划"]);
    assert_eq!(n.points, Points::whole(10));
    assert_eq!(
        n.body,
        Body::Leaf(Method::Levels(
            [("A", 10), ("B", 8), ("C", 5), ("D", 0)]
                .iter()
                .map(|(l, p)| LevelOption {
                    label: (*l).into(),
                    points: Points::whole(*p)
                })
                .collect()
        ))
    );
    let (_, n) = row(&["A2", "", "制度", "5", "checklist", "制度健全:2;台账完整:3"])
        .parse()
        .expect("checks");
    assert_eq!(
        n.body,
        Body::Leaf(Method::Checklist(vec![
            Check {
                label: "制度健全".into(),
                points: Points::whole(2)
            },
            Check {
                label: "台账完整".into(),
                points: Points::whole(3)
            },
        ]))
    );
    let (parent, n) = row(&["B", " ", "课程", "12.5", "区间", "", "2.5"])
        .parse()
        .expect("range");
    assert_eq!(parent, None);
    assert_eq!(n.body, Body::Leaf(Method::Range { min: Points(25) }));
    let (_, n) = row(&["B", "", "课程", "12.5", "range"])
        .parse()
        .expect("range, min 0");
    assert_eq!(n.body, Body::Leaf(Method::Range { min: Points::ZERO }));
    let (_, n) = row(&["V", "", "安全事故", "", "否决", "", "", "59"])
        .parse()
        .expect("veto");
    assert_eq!(
        (n.points, n.body),
        (
            Points::ZERO,
            Body::Leaf(Method::Veto {
                cap: Points::whole(59)
            })
        )
    );
    let (_, n) = row(&["V", "", "安全事故", "3", "veto", "", "", "59"])
        .parse()
        .expect("veto with points");
    assert_eq!(n.points, Points::whole(3), "check() refuses it later");
    for group in ["", "分组", "group"] {
        let (_, n) = row(&["A", "", "办学", "60", group]).parse().expect("group");
        assert_eq!(n.body, Body::Group(vec![]), "{group:?}");
    }
}

#[test]
fn a_bad_row_names_each_field_in_chinese() {
    let p = problems(&row(&["", "", " ", "", "打分"]));
    assert_eq!(
        p,
        [
            (Field::Code, "请填写指标编号".to_string()),
            (Field::Title, "请填写指标名称".into()),
            (
                Field::Method,
                "计分方法应为“等级”“检查项”“区间”“否决”之一（分组留空），而不是“打分”".into()
            ),
            (Field::Points, "请填写分值".into()),
        ]
    );
    assert_eq!(
        problems(&row(&["A", "", "x", "-1", "区间", "", "1.25"])),
        [
            (
                Field::Points,
                "分值应为不小于 0 的数，最多一位小数，而不是“-1”".to_string()
            ),
            (
                Field::Min,
                "最低分应为不小于 0 的数，最多一位小数，而不是“1.25”".into()
            ),
        ]
    );
    assert_eq!(
        problems(&row(&["A", "", "x", "10", "等级", "A=10;B:8"])),
        [(
            Field::Options,
            "“A=10”应写成“名称:分值”，如“A:10;B:8”或“制度健全:2”".to_string()
        )]
    );
    assert_eq!(
        problems(&row(&["A", "", "x", "10", "检查项", ":3"])),
        [(
            Field::Options,
            "“:3”应写成“名称:分值”，如“A:10;B:8”或“制度健全:2”".to_string()
        )]
    );
    assert_eq!(
        problems(&row(&["A", "", "x", "10", "检查项", "a:x"])),
        [(
            Field::Options,
            "“a:x”应写成“名称:分值”，如“A:10;B:8”或“制度健全:2”".to_string()
        )]
    );
    assert_eq!(
        problems(&row(&["A", "", "x", "10", "等级", " ；"])),
        [(
            Field::Options,
            "请填写等级或检查项，如“A:10;B:8;C:5;D:0”".to_string()
        )]
    );
    assert_eq!(
        problems(&row(&["V", "", "x", "", "否决"])),
        [(Field::Cap, "请填写否决封顶分".to_string())]
    );
    assert_eq!(
        problems(&row(&["V", "", "x", "", "否决", "", "", "abc"])),
        [(
            Field::Cap,
            "否决封顶分应为不小于 0 的数，最多一位小数，而不是“abc”".to_string()
        )]
    );
    // A label may itself hold a colon: the points follow the last one.
    let (_, n) = row(&["A", "", "x", "2", "检查项", "时间:上午:2"])
        .parse()
        .expect("colon");
    assert_eq!(
        n.body,
        Body::Leaf(Method::Checklist(vec![Check {
            label: "时间:上午".into(),
            points: Points::whole(2)
        }]))
    );
}

#[test]
fn bands_read_as_typed() {
    assert_eq!(band_of(" ", ""), Ok(None));
    assert_eq!(
        band_of("优秀", " 90 "),
        Ok(Some(Band {
            label: "优秀".into(),
            min: Points::whole(90)
        }))
    );
    assert_eq!(band_of("", "90"), Err("最低分 90 缺少评定等次名称".into()));
    assert_eq!(band_of("优秀", ""), Err("请填写“优秀”的最低分".into()));
    assert_eq!(
        band_of("优秀", "九十"),
        Err("“优秀”的最低分应为不小于 0 的数，而不是“九十”".into())
    );
}

#[test]
fn the_sample_goes_to_rows_and_back() {
    let f = framework();
    let rows = to_rows(&f);
    let text: Vec<String> = rows
        .iter()
        .map(|r| {
            Field::ALL
                .iter()
                .map(|x| r.get(*x))
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert_eq!(
        text,
        [
            "A||指标A|60|||||",
            "A1|A|指标A1|30|等级|A:30;B:20;C:10;D:0|||",
            "A2|A|指标A2|30|检查项|检查项1:10;检查项2:10;检查项3:10|||",
            "B||指标B|40|区间||0||",
            "V||指标V|0|否决|||59|",
        ]
    );
    assert_eq!(
        from_rows(f.total, &numbered(rows), f.bands.clone(), 2),
        Ok(f)
    );
}

#[test]
fn rows_that_break_the_framework_are_reported_at_their_row() {
    let f = framework();
    let mut rows = to_rows(&f);
    rows[1].points = "25".into();
    rows[1].options = "A:25;B:0".into();
    let e = from_rows(f.total, &numbered(rows), f.bands.clone(), 2).expect_err("sums");
    assert_eq!(
        e,
        [RowProblem {
            row: 2,
            field: Some(Field::Points),
            reason: "指标 A 的下级指标分值合计 55分，应为 60分".into()
        }]
    );
    let mut rows = to_rows(&f);
    rows[3].points = "35".into();
    rows[4].cap = "120".into();
    let e = from_rows(f.total, &numbered(rows), vec![], 9).expect_err("top");
    assert_eq!(
        e,
        [
            RowProblem {
                row: 2,
                field: Some(Field::Points),
                reason: "一级指标分值合计 95分，应为总分 100分".into()
            },
            RowProblem {
                row: 6,
                field: Some(Field::Cap),
                reason: "否决项 V 的封顶分 120分 超出总分 100分".into()
            },
            RowProblem {
                row: 9,
                field: None,
                reason: "评定等次须从高到低排列，且最低要求不超过总分".into()
            },
        ]
    );
}

#[test]
fn rows_that_cannot_be_read_stop_before_the_framework_is_checked() {
    let f = framework();
    let mut rows = to_rows(&f);
    rows[2].parent = "B".into();
    rows[3].title = "".into();
    rows[4].code = "A1".into();
    let e = from_rows(f.total, &numbered(rows), f.bands.clone(), 2).expect_err("rows");
    assert_eq!(
        e,
        [
            RowProblem {
                row: 4,
                field: Some(Field::Parent),
                reason: "上级指标 B 不存在或不是分组指标".into()
            },
            RowProblem {
                row: 5,
                field: Some(Field::Title),
                reason: "请填写指标名称".into()
            },
            RowProblem {
                row: 6,
                field: Some(Field::Code),
                reason: "指标编号 A1 重复".into()
            },
        ]
    );
    let e = from_rows(f.total, &[], f.bands.clone(), 3).expect_err("no rows");
    assert_eq!(e[0].row, 3, "{e:?}");
}

/// A sound leaf method worth `points`, of `kind` (0..3), with `part`
/// (0..=points) as its free number.
fn method(kind: u8, points: i64, part: i64) -> Method {
    match kind {
        0 => Method::Levels(vec![
            LevelOption {
                label: "A".into(),
                points: Points(points),
            },
            LevelOption {
                label: "B".into(),
                points: Points(part),
            },
        ]),
        1 => Method::Checklist(vec![
            Check {
                label: "甲".into(),
                points: Points(part),
            },
            Check {
                label: "乙".into(),
                points: Points(points - part),
            },
        ]),
        _ => Method::Range { min: Points(part) },
    }
}

proptest! {
    #[test]
    fn any_sound_framework_survives_the_round_trip(
        parts in proptest::collection::vec((10i64..300, proptest::bool::ANY, 0u8..3, 0i64..=1000), 1..8),
        veto in proptest::option::of(0i64..100),
    ) {
        let mut items = vec![];
        for (i, (points, grouped, kind, frac)) in parts.iter().enumerate() {
            let code = format!("{}", i + 1);
            let node = Node {
                points: Points(*points),
                evidence: vec![format!("材料{i}"), "台账".into()],
                ..leaf(&code, 0, method(*kind, *points, points * frac / 1000))
            };
            items.push(if *grouped {
                Node { code: format!("G{code}"), evidence: vec![], body: Body::Group(vec![node.clone()]), ..node }
            } else {
                node
            });
        }
        let total = Points(parts.iter().map(|(p, ..)| p).sum());
        if let Some(cap) = veto {
            items.push(leaf("V", 0, Method::Veto { cap: Points(cap.min(total.0)) }));
        }
        let f = Framework { total, items, bands: Framework::empty(total).bands };
        prop_assert_eq!(f.check(), vec![]);
        let back = from_rows(total, &numbered(to_rows(&f)), f.bands.clone(), 2);
        prop_assert_eq!(back, Ok(f));
    }

    #[test]
    fn reading_any_row_never_panics(cells in proptest::collection::vec(".{0,8}", 0..10)) {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let _ = IndicatorRow::from_cells(&cells).parse();
    }
}
