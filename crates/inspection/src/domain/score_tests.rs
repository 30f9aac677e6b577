use std::collections::BTreeMap;

use proptest::prelude::*;

use super::points::Points;
use super::sample::framework;
use super::score::*;

fn answers(a1: &str, checks: [bool; 3], b: i64, veto: bool) -> BTreeMap<String, Answer> {
    BTreeMap::from([
        ("A1".to_string(), Answer::Level(a1.into())),
        ("A2".to_string(), Answer::Checks(checks.to_vec())),
        ("B".to_string(), Answer::Value(Points::whole(b))),
        ("V".to_string(), Answer::Veto(veto)),
    ])
}

#[test]
fn groups_add_up_and_the_total_reaches_its_band() {
    let s = framework()
        .score(&answers("B", [true, false, true], 35, false))
        .expect("scored");
    assert_eq!(s.by_code["A1"], Points::whole(20));
    assert_eq!(s.by_code["A2"], Points::whole(20));
    assert_eq!(s.by_code["A"], Points::whole(40));
    assert_eq!(s.by_code["B"], Points::whole(35));
    assert_eq!(s.by_code["V"], Points::ZERO);
    assert_eq!(s.raw, Points::whole(75));
    assert_eq!(s.total, Points::whole(75));
    assert_eq!(s.band.as_deref(), Some("良好"));
    assert!(s.vetoed_by.is_empty());
}

#[test]
fn a_veto_that_applies_caps_the_result() {
    let s = framework()
        .score(&answers("A", [true, true, true], 40, true))
        .expect("scored");
    assert_eq!(s.raw, Points::whole(100));
    assert_eq!(s.total, Points::whole(59));
    assert_eq!(s.vetoed_by, ["V"]);
    assert_eq!(s.band.as_deref(), Some("不合格"));
    // A cap above the points earned changes nothing.
    let s = framework()
        .score(&answers("D", [false, false, false], 10, true))
        .expect("scored");
    assert_eq!(s.total, Points::whole(10));
    assert_eq!(s.vetoed_by, ["V"]);
}

#[test]
fn every_leaf_must_be_answered_and_every_answer_must_fit() {
    let f = framework();
    let mut a = answers("A", [true; 3], 40, false);
    a.remove("B");
    assert_eq!(f.score(&a), Err(vec![ScoreError::Missing("B".into())]));
    let mut a = answers("A", [true; 3], 40, false);
    a.insert("Z9".into(), Answer::Veto(true));
    assert_eq!(f.score(&a), Err(vec![ScoreError::UnknownCode("Z9".into())]));
    assert_eq!(
        f.score(&answers("E", [true; 3], 40, false)),
        Err(vec![ScoreError::UnknownLevel {
            code: "A1".into(),
            level: "E".into()
        }])
    );
    let e = f.score(&answers("A", [true; 3], 41, false)).unwrap_err();
    assert_eq!(
        e,
        [ScoreError::OutOfRange {
            code: "B".into(),
            value: Points::whole(41),
            min: Points::ZERO,
            max: Points::whole(40)
        }]
    );
    assert_eq!(e[0].to_string(), "指标 B 的得分 41分 超出范围（0分～40分）");
    let mut a = answers("A", [true; 3], 0, false);
    a.insert("A2".into(), Answer::Checks(vec![true]));
    assert_eq!(
        f.score(&a),
        Err(vec![ScoreError::CheckCount {
            code: "A2".into(),
            expected: 3,
            given: 1
        }])
    );
}

#[test]
fn an_answer_of_the_wrong_kind_names_the_kind_expected() {
    let f = framework();
    let cases = [
        ("A1", Answer::Veto(true), "选择等级"),
        ("A2", Answer::Level("A".into()), "逐项勾选"),
        ("B", Answer::Checks(vec![]), "填写分数"),
        ("V", Answer::Value(Points::ZERO), "是否触发否决"),
    ];
    for (code, answer, expected) in cases {
        let mut a = answers("A", [true; 3], 40, false);
        a.insert(code.into(), answer);
        assert_eq!(
            f.score(&a),
            Err(vec![ScoreError::WrongKind {
                code: code.into(),
                expected
            }]),
            "{code}"
        );
    }
}

#[test]
fn range_bounds_are_inclusive() {
    let f = framework();
    assert_eq!(
        f.score(&answers("D", [false; 3], 0, false)).unwrap().total,
        Points::ZERO
    );
    assert_eq!(
        f.score(&answers("A", [true; 3], 40, false)).unwrap().total,
        Points::whole(100)
    );
    let mut f = framework();
    f.items[1].body = super::framework::Body::Leaf(super::framework::Method::Range {
        min: Points::whole(10),
    });
    assert!(f.score(&answers("D", [false; 3], 9, false)).is_err());
    assert!(f.score(&answers("D", [false; 3], 10, false)).is_ok());
}

proptest! {
    #[test]
    fn the_total_never_exceeds_the_framework_nor_a_cap_that_applies(
        level in prop::sample::select(vec!["A", "B", "C", "D"]),
        checks in prop::array::uniform3(any::<bool>()),
        b in 0i64..=40,
        veto in any::<bool>(),
    ) {
        let f = framework();
        let s = f.score(&answers(level, checks, b, veto)).unwrap();
        prop_assert!(s.total <= f.total);
        prop_assert!(s.total <= s.raw);
        prop_assert_eq!(s.raw, Points(s.by_code["A"].0 + s.by_code["B"].0));
        if veto {
            prop_assert!(s.total <= Points::whole(59));
        } else {
            prop_assert_eq!(s.total, s.raw);
        }
        prop_assert_eq!(s.band.as_deref(), f.band(s.total).map(|b| b.label.as_str()));
    }
}
