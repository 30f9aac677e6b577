use super::builder::*;
use super::framework::*;
use super::indicator_row::Field;
use super::points::Points;
use super::sample::*;

fn codes(f: &Framework) -> Vec<String> {
    fn walk(nodes: &[Node], out: &mut Vec<String>) {
        for n in nodes {
            out.push(n.code.clone());
            if let Body::Group(c) = &n.body {
                walk(c, out);
            }
        }
    }
    let mut out = vec![];
    walk(&f.items, &mut out);
    out
}

#[test]
fn an_empty_draft_has_the_usual_bands_and_is_only_incomplete() {
    let f = Framework::empty(Points::whole(100));
    let mins: Vec<_> = f.bands.iter().map(|b| (b.label.as_str(), b.min)).collect();
    assert_eq!(
        mins,
        [
            ("优秀", Points::whole(90)),
            ("良好", Points::whole(75)),
            ("合格", Points::whole(60)),
            ("不合格", Points::ZERO)
        ]
    );
    assert_eq!(
        Framework::empty(Points::whole(50)).bands[0].min,
        Points(450)
    );
    assert!(f.items.is_empty());
    assert_eq!(f.blocking(), vec![]);
    assert_eq!(
        f.check(),
        [FrameworkError::TopLevelSum {
            sum: Points::ZERO,
            total: Points::whole(100)
        }]
    );
}

#[test]
fn find_gives_the_indicator_and_its_parent() {
    let f = framework();
    let (parent, node) = f.find(" A2 ").expect("A2");
    assert_eq!((parent, node.code.as_str()), (Some("A"), "A2"));
    assert_eq!(
        f.find("B").map(|(p, n)| (p, n.points)),
        Some((None, Points::whole(40)))
    );
    assert!(f.find("A3").is_none());
}

#[test]
fn inserting_goes_last_under_the_group_or_at_the_top() {
    let mut f = framework();
    f.insert(
        Some("A"),
        leaf("A3", 5, Method::Range { min: Points::ZERO }),
    )
    .expect("under A");
    f.insert(None, leaf("C", 5, Method::Range { min: Points::ZERO }))
        .expect("top");
    assert_eq!(codes(&f), ["A", "A1", "A2", "A3", "B", "V", "C"]);
    assert_eq!(
        f.insert(Some("B"), leaf("X", 1, Method::Range { min: Points::ZERO })),
        Err(EditError::NoSuchGroup("B".into()))
    );
    assert_eq!(
        f.insert(Some("Z"), leaf("X", 1, Method::Range { min: Points::ZERO })),
        Err(EditError::NoSuchGroup("Z".into()))
    );
    // Sums now off by the two new indicators: incomplete, not blocking.
    assert_eq!(f.blocking(), vec![]);
    assert!(f.check().iter().all(FrameworkError::is_incomplete));
    assert_eq!(f.check().len(), 2);
}

#[test]
fn replacing_keeps_the_place_and_a_groups_children() {
    let mut f = framework();
    let mut a = group("A", 60, vec![]);
    a.title = "办学方向".into();
    f.replace("A", None, a).expect("retitle A");
    assert_eq!(f.items[0].title, "办学方向");
    assert_eq!(codes(&f), ["A", "A1", "A2", "B", "V"]);
    f.replace(
        "A1",
        Some("A"),
        leaf("A1x", 30, Method::Range { min: Points::ZERO }),
    )
    .expect("recode A1");
    assert_eq!(codes(&f), ["A", "A1x", "A2", "B", "V"]);
    assert_eq!(f.check(), vec![]);
    // A leaf may become a group (empty for now).
    f.replace("B", None, group("B", 40, vec![]))
        .expect("B a group");
    assert_eq!(f.check(), [FrameworkError::EmptyGroup { code: "B".into() }]);
}

#[test]
fn replacing_under_another_parent_moves_the_indicator() {
    let mut f = framework();
    f.replace(
        "B",
        Some("A"),
        leaf("B", 40, Method::Range { min: Points::ZERO }),
    )
    .expect("move");
    assert_eq!(codes(&f), ["A", "A1", "A2", "B", "V"]);
    assert_eq!(f.find("B").map(|(p, _)| p), Some(Some("A")));
    f.replace("A2", None, leaf("A2", 30, checklist(&[10, 10, 10])))
        .expect("to the top");
    assert_eq!(f.find("A2").map(|(p, _)| p), Some(None));
    assert_eq!(codes(&f), ["A", "A1", "B", "V", "A2"]);
}

#[test]
fn replacing_refuses_what_would_break_the_tree() {
    let mut f = framework();
    let before = f.clone();
    assert_eq!(
        f.replace(
            "A",
            None,
            leaf("A", 60, Method::Range { min: Points::ZERO })
        ),
        Err(EditError::HasChildren("A".into()))
    );
    assert_eq!(
        f.replace("A", Some("A"), group("A", 60, vec![])),
        Err(EditError::Cycle("A".into()))
    );
    let mut nested = framework();
    nested
        .insert(Some("A"), group("A3", 0, vec![]))
        .expect("subgroup");
    assert_eq!(
        nested.replace("A", Some("A3"), group("A", 60, vec![])),
        Err(EditError::Cycle("A".into()))
    );
    assert_eq!(
        f.replace("Q", None, leaf("Q", 1, Method::Range { min: Points::ZERO })),
        Err(EditError::NoSuchIndicator("Q".into()))
    );
    assert_eq!(
        f.replace(
            "B",
            Some("V"),
            leaf("B", 40, Method::Range { min: Points::ZERO })
        ),
        Err(EditError::NoSuchGroup("V".into()))
    );
    assert_eq!(f, before, "a refused edit changes nothing");
    // An empty group may become a leaf.
    f.insert(None, group("G", 0, vec![])).expect("G");
    f.replace("G", None, leaf("G", 0, Method::Veto { cap: Points::ZERO }))
        .expect("G a veto");
}

#[test]
fn removing_takes_the_indicator_with_its_children() {
    let mut f = framework();
    let a = f.remove("A").expect("A");
    assert_eq!(a.code, "A");
    assert_eq!(codes(&f), ["B", "V"]);
    let mut f = framework();
    assert_eq!(f.remove(" A2").map(|n| n.code), Ok("A2".into()));
    assert_eq!(codes(&f), ["A", "A1", "B", "V"]);
    assert_eq!(f.remove("A2"), Err(EditError::NoSuchIndicator("A2".into())));
}

#[test]
fn edit_errors_name_their_field() {
    assert_eq!(EditError::NoSuchIndicator("A".into()).field(), Field::Code);
    assert_eq!(EditError::NoSuchGroup("A".into()).field(), Field::Parent);
    assert_eq!(EditError::Cycle("A".into()).field(), Field::Parent);
    assert_eq!(EditError::HasChildren("A".into()).field(), Field::Method);
    assert_eq!(
        EditError::HasChildren("A".into()).to_string(),
        "指标 A 还有下级指标，不能改为计分指标；请先删除其下级指标"
    );
}

#[test]
fn each_framework_problem_has_its_code_field_and_kind() {
    let p = Points::ZERO;
    let c = || "A1".to_string();
    let cases: Vec<(FrameworkError, Option<&str>, Option<Field>, bool)> = vec![
        (
            FrameworkError::TopLevelSum { sum: p, total: p },
            None,
            Some(Field::Points),
            true,
        ),
        (
            FrameworkError::GroupSum {
                code: c(),
                sum: p,
                points: p,
            },
            Some("A1"),
            Some(Field::Points),
            true,
        ),
        (
            FrameworkError::EmptyGroup { code: c() },
            Some("A1"),
            Some(Field::Method),
            true,
        ),
        (
            FrameworkError::DuplicateCode(c()),
            Some("A1"),
            Some(Field::Code),
            false,
        ),
        (FrameworkError::Unnamed, None, Some(Field::Title), false),
        (
            FrameworkError::Negative { code: c() },
            Some("A1"),
            Some(Field::Points),
            false,
        ),
        (
            FrameworkError::LevelsTop {
                code: c(),
                best: p,
                points: p,
            },
            Some("A1"),
            Some(Field::Options),
            false,
        ),
        (
            FrameworkError::LevelLabels { code: c() },
            Some("A1"),
            Some(Field::Options),
            false,
        ),
        (
            FrameworkError::ChecklistSum {
                code: c(),
                sum: p,
                points: p,
            },
            Some("A1"),
            Some(Field::Options),
            false,
        ),
        (
            FrameworkError::RangeMin {
                code: c(),
                min: p,
                points: p,
            },
            Some("A1"),
            Some(Field::Min),
            false,
        ),
        (
            FrameworkError::VetoPoints {
                code: c(),
                points: p,
            },
            Some("A1"),
            Some(Field::Points),
            false,
        ),
        (
            FrameworkError::VetoCap {
                code: c(),
                cap: p,
                total: p,
            },
            Some("A1"),
            Some(Field::Cap),
            false,
        ),
        (FrameworkError::Bands, None, None, false),
    ];
    for (e, code, field, incomplete) in cases {
        assert_eq!(e.code(), code, "{e:?}");
        assert_eq!(e.field(), field, "{e:?}");
        assert_eq!(e.is_incomplete(), incomplete, "{e:?}");
    }
}

#[test]
fn a_draft_blocks_on_its_own_mistakes_only() {
    let mut f = framework();
    f.insert(None, leaf("C", 10, levels(&[("好", 8), ("差", 0)])))
        .expect("C");
    assert_eq!(
        f.blocking(),
        [FrameworkError::LevelsTop {
            code: "C".into(),
            best: Points::whole(8),
            points: Points::whole(10)
        }]
    );
}
