use super::framework::*;
use super::points::Points;
use super::sample::*;

fn errors_of(edit: impl FnOnce(&mut Framework)) -> Vec<FrameworkError> {
    let mut f = framework();
    edit(&mut f);
    f.check()
}

fn top(f: &mut Framework, i: usize) -> &mut Node {
    &mut f.items[i]
}

fn child(f: &mut Framework, i: usize) -> &mut Node {
    match &mut f.items[0].body {
        Body::Group(c) => &mut c[i],
        Body::Leaf(_) => unreachable!(),
    }
}

#[test]
fn the_sample_framework_is_sound() {
    assert_eq!(framework().check(), vec![]);
    let codes: Vec<_> = framework()
        .leaves()
        .iter()
        .map(|n| n.code.clone())
        .collect();
    assert_eq!(codes, ["A1", "A2", "B", "V"]);
}

#[test]
fn weights_that_do_not_add_up_are_named() {
    let e = errors_of(|f| f.total = Points::whole(90));
    assert_eq!(
        e,
        [FrameworkError::TopLevelSum {
            sum: Points::whole(100),
            total: Points::whole(90)
        }]
    );
    assert_eq!(e[0].to_string(), "一级指标分值合计 100分，应为总分 90分");
    let e = errors_of(|f| {
        child(f, 0).points = Points::whole(25);
        child(f, 0).body = Body::Leaf(levels(&[("A", 25), ("B", 0)]));
    });
    assert_eq!(
        e,
        [FrameworkError::GroupSum {
            code: "A".into(),
            sum: Points::whole(55),
            points: Points::whole(60)
        }]
    );
    assert_eq!(
        e[0].to_string(),
        "指标 A 的下级指标分值合计 55分，应为 60分"
    );
}

#[test]
fn a_group_needs_children_and_every_indicator_a_unique_code_and_title() {
    assert_eq!(
        errors_of(|f| top(f, 1).body = Body::Group(vec![])),
        [FrameworkError::EmptyGroup { code: "B".into() }]
    );
    assert_eq!(
        errors_of(|f| top(f, 1).code = "A1".into()),
        [FrameworkError::DuplicateCode("A1".into())]
    );
    assert_eq!(
        errors_of(|f| top(f, 1).title = " ".into()),
        [FrameworkError::Unnamed]
    );
    assert_eq!(
        errors_of(|f| top(f, 1).code = String::new()),
        [FrameworkError::Unnamed]
    );
}

#[test]
fn negative_points_are_refused() {
    let e = errors_of(|f| {
        top(f, 1).points = Points::whole(-40);
        top(f, 1).body = Body::Leaf(Method::Range {
            min: Points::whole(-40),
        });
        f.total = Points::whole(20);
        f.bands = vec![Band {
            label: "合格".into(),
            min: Points::ZERO,
        }];
    });
    assert!(
        e.contains(&FrameworkError::Negative { code: "B".into() }),
        "{e:?}"
    );
}

#[test]
fn levels_must_top_out_at_the_indicator_points_with_distinct_labels() {
    assert_eq!(
        errors_of(|f| child(f, 0).body = Body::Leaf(levels(&[("A", 25), ("B", 10)]))),
        [FrameworkError::LevelsTop {
            code: "A1".into(),
            best: Points::whole(25),
            points: Points::whole(30)
        }]
    );
    assert_eq!(
        errors_of(|f| child(f, 0).body = Body::Leaf(levels(&[("A", 30), ("B", -5)]))).len(),
        1
    );
    for bad in [
        vec![],
        vec![("A", 30), ("A", 10)],
        vec![("A", 30), (" ", 10)],
    ] {
        assert_eq!(
            errors_of(|f| child(f, 0).body = Body::Leaf(levels(&bad))),
            [FrameworkError::LevelLabels { code: "A1".into() }],
            "{bad:?}"
        );
    }
}

#[test]
fn a_checklist_adds_up_to_its_indicator() {
    assert_eq!(
        errors_of(|f| child(f, 1).body = Body::Leaf(checklist(&[10, 10]))),
        [FrameworkError::ChecklistSum {
            code: "A2".into(),
            sum: Points::whole(20),
            points: Points::whole(30)
        }]
    );
    assert_eq!(
        errors_of(|f| child(f, 1).body = Body::Leaf(checklist(&[]))).len(),
        1
    );
    // An item worth nothing is allowed (a check that only records a fact).
    assert_eq!(
        errors_of(|f| child(f, 1).body = Body::Leaf(checklist(&[30, 0]))),
        vec![]
    );
    assert_eq!(
        errors_of(|f| child(f, 1).body = Body::Leaf(checklist(&[40, -10]))).len(),
        1
    );
}

#[test]
fn a_range_starts_between_zero_and_its_points() {
    let min = |m: i64| {
        errors_of(move |f| {
            top(f, 1).body = Body::Leaf(Method::Range {
                min: Points::whole(m),
            })
        })
    };
    assert_eq!(min(40), vec![]);
    assert_eq!(
        min(41),
        [FrameworkError::RangeMin {
            code: "B".into(),
            min: Points::whole(41),
            points: Points::whole(40)
        }]
    );
    assert_eq!(min(-1).len(), 1);
}

#[test]
fn a_veto_has_no_points_and_caps_within_the_total() {
    assert_eq!(
        errors_of(|f| {
            top(f, 2).points = Points::whole(5);
            top(f, 1).points = Points::whole(35);
            top(f, 1).body = Body::Leaf(Method::Range { min: Points::ZERO });
        }),
        [FrameworkError::VetoPoints {
            code: "V".into(),
            points: Points::whole(5)
        }]
    );
    let cap = |c: i64| {
        errors_of(move |f| {
            top(f, 2).body = Body::Leaf(Method::Veto {
                cap: Points::whole(c),
            })
        })
    };
    assert_eq!(cap(100), vec![]);
    assert_eq!(cap(0), vec![]);
    assert_eq!(
        cap(101),
        [FrameworkError::VetoCap {
            code: "V".into(),
            cap: Points::whole(101),
            total: Points::whole(100)
        }]
    );
    assert_eq!(cap(-1).len(), 1);
}

#[test]
fn bands_run_from_high_to_low_within_the_total() {
    let band = |label: &str, min: i64| Band {
        label: label.into(),
        min: Points::whole(min),
    };
    assert_eq!(errors_of(|f| f.bands = vec![]), [FrameworkError::Bands]);
    assert_eq!(
        errors_of(|f| f.bands = vec![band("合格", 60), band("优秀", 90)]),
        [FrameworkError::Bands]
    );
    assert_eq!(
        errors_of(|f| f.bands = vec![band("优秀", 90), band("良好", 90)]),
        [FrameworkError::Bands]
    );
    assert_eq!(
        errors_of(|f| f.bands = vec![band("满分", 101)]),
        [FrameworkError::Bands]
    );
    assert_eq!(
        errors_of(|f| f.bands = vec![band("负", -1)]),
        [FrameworkError::Bands]
    );
    assert_eq!(errors_of(|f| f.bands = vec![band("满分", 100)]), vec![]);

    let f = framework();
    assert_eq!(
        f.band(Points::whole(90)).map(|b| b.label.as_str()),
        Some("优秀")
    );
    assert_eq!(f.band(Points(899)).map(|b| b.label.as_str()), Some("良好"));
    assert_eq!(
        f.band(Points::ZERO).map(|b| b.label.as_str()),
        Some("不合格")
    );
    let mut f = framework();
    f.bands.pop();
    assert_eq!(f.band(Points(599)), None);
}

#[test]
fn a_framework_round_trips_through_json() {
    let f = framework();
    let text = serde_json::to_string(&f).expect("json");
    assert_eq!(serde_json::from_str::<Framework>(&text).expect("parse"), f);
}
