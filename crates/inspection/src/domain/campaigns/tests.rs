use std::collections::BTreeMap;

use proptest::prelude::*;

use super::summary::rounding;
use super::*;
use crate::domain::framework::Method;
use crate::domain::points::Points;
use crate::domain::sample::{checklist, framework, levels};
use crate::domain::score::{Answer, ScoreError, Scored};

fn answers(a1: &str, checks: [bool; 3], b: i64, veto: bool) -> Answers {
    BTreeMap::from([
        ("A1".to_string(), Answer::Level(a1.into())),
        ("A2".to_string(), Answer::Checks(checks.to_vec())),
        ("B".to_string(), Answer::Value(Points::whole(b))),
        ("V".to_string(), Answer::Veto(veto)),
    ])
}

fn scored(a1: &str, checks: [bool; 3], b: i64, veto: bool) -> Scored {
    framework()
        .score(&answers(a1, checks, b, veto))
        .expect("scored")
}

#[test]
fn form_values_become_answers_of_their_method() {
    let text = FormValue::Text;
    let lv = levels(&[("A", 10), ("B", 5)]);
    assert_eq!(
        parse_answer(&lv, text(" B ")),
        Ok(Some(Answer::Level("B".into())))
    );
    assert_eq!(parse_answer(&lv, text("  ")), Ok(None));
    let range = Method::Range { min: Points::ZERO };
    assert_eq!(
        parse_answer(&range, text("12.5")),
        Ok(Some(Answer::Value(Points(125))))
    );
    assert_eq!(parse_answer(&range, text("")), Ok(None));
    assert!(parse_answer(&range, text("12.55"))
        .unwrap_err()
        .contains("12.55"));
    let veto = Method::Veto { cap: Points::ZERO };
    for (t, v) in [("yes", true), ("是", true), ("no", false), ("否", false)] {
        assert_eq!(parse_answer(&veto, text(t)), Ok(Some(Answer::Veto(v))));
    }
    assert_eq!(parse_answer(&veto, text("")), Ok(None));
    assert_eq!(
        parse_answer(&veto, text("maybe")),
        Err("请选择是否触发否决".into())
    );
    let list = checklist(&[5, 5, 5]);
    assert_eq!(
        parse_answer(&list, FormValue::Ticked(&[0, 2])),
        Ok(Some(Answer::Checks(vec![true, false, true])))
    );
    assert_eq!(
        parse_answer(&list, FormValue::Ticked(&[])),
        Ok(Some(Answer::Checks(vec![false; 3])))
    );
    assert_eq!(
        parse_answer(&list, FormValue::Ticked(&[3])),
        Err("没有第 4 个检查项".into())
    );
    assert_eq!(parse_answer(&list, text("1")), Err("请逐项勾选".into()));
    assert_eq!(
        parse_answer(&lv, FormValue::Ticked(&[0])),
        Err("本指标不是逐项勾选".into())
    );
}

#[test]
fn each_scoring_error_names_its_leaf() {
    let errors = [
        ScoreError::Missing("A1".into()),
        ScoreError::UnknownCode("A1".into()),
        ScoreError::WrongKind {
            code: "A1".into(),
            expected: "选择等级",
        },
        ScoreError::UnknownLevel {
            code: "A1".into(),
            level: "E".into(),
        },
        ScoreError::CheckCount {
            code: "A1".into(),
            expected: 3,
            given: 2,
        },
        ScoreError::OutOfRange {
            code: "A1".into(),
            value: Points(1),
            min: Points(2),
            max: Points(3),
        },
    ];
    for e in &errors {
        assert_eq!(error_code(e), "A1", "{e:?}");
    }
}

#[test]
fn a_self_evaluation_gives_the_answers_it_has() {
    let items = SelfAnswers::from([
        (
            "A1".to_string(),
            SelfItem {
                answer: Some(Answer::Level("A".into())),
                note: "已达标".into(),
            },
        ),
        (
            "B".to_string(),
            SelfItem {
                answer: None,
                note: "待补充".into(),
            },
        ),
    ]);
    assert_eq!(
        self_answers(&items),
        BTreeMap::from([("A1".to_string(), Answer::Level("A".into()))])
    );
}

#[test]
fn the_summary_counts_bands_and_averages_each_indicator() {
    let good = scored("A", [true, true, true], 35, false); // 95 优秀
    let fair = scored("C", [true, false, false], 30, false); // 50 不合格
    let capped = scored("A", [true, true, true], 40, true); // 100 → 59 不合格
    let results = [Some(&good), None, Some(&fair), Some(&capped)];
    let s = summarize(&framework(), &results);
    assert_eq!(s.targets, 4);
    assert_eq!(s.scored, 3);
    let bands: Vec<(&str, usize)> = s
        .by_band
        .iter()
        .map(|b| (b.band.as_str(), b.count))
        .collect();
    assert_eq!(
        bands,
        [("优秀", 1), ("良好", 0), ("合格", 0), ("不合格", 2)]
    );
    assert_eq!(s.max, Some(Points::whole(95)));
    assert_eq!(s.min, Some(Points::whole(50)));
    // (95 + 50 + 59) / 3 = 68.0
    assert_eq!(s.average, Some(Points::whole(68)));
    assert_eq!(s.vetoed, 1);
    let stat = |code: &str| s.indicators.iter().find(|i| i.code == code).expect(code);
    assert_eq!(stat("A").depth, 1);
    assert_eq!(stat("A1").depth, 2);
    // A1: 30 + 10 + 30 of 3 × 30 → 23.3, lost 20 of 90 = 222‰.
    assert_eq!(stat("A1").average, Some(Points(233)));
    assert_eq!(stat("A1").loss_permille, Some(222));
    assert_eq!(stat("B").loss_permille, Some(125));
    assert_eq!(stat("V").average, None);
    assert_eq!(stat("V").loss_permille, None);
    assert_eq!(stat("V").vetoes, 1);
    assert_eq!(stat("A1").vetoes, 0);
    let order: Vec<&str> = s.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(order, ["A", "A1", "A2", "B", "V"]);
}

#[test]
fn a_total_below_every_band_is_counted_apart() {
    let mut f = framework();
    f.bands.retain(|b| b.min > Points::ZERO);
    let low = f
        .score(&answers("D", [false; 3], 0, false))
        .expect("scored");
    assert_eq!(low.band, None);
    let s = summarize(&f, &[Some(&low)]);
    assert_eq!(
        s.by_band.last().map(|b| (b.band.as_str(), b.count)),
        Some((NO_BAND, 1))
    );
    assert_eq!(s.by_band.len(), 4);
}

#[test]
fn an_empty_campaign_has_no_figures() {
    let s = summarize(&framework(), &[None, None]);
    assert_eq!((s.targets, s.scored, s.vetoed), (2, 0, 0));
    assert_eq!((s.average, s.max, s.min), (None, None, None));
    assert!(s.by_band.iter().all(|b| b.count == 0));
    assert_eq!(s.by_band.len(), 4);
    assert!(s
        .indicators
        .iter()
        .all(|i| i.average.is_none() && i.loss_permille.is_none()));
}

#[test]
fn rounding_is_half_up_on_both_sides_of_zero() {
    assert_eq!(rounding(5, 10), 1);
    assert_eq!(rounding(4, 10), 0);
    assert_eq!(rounding(15, 10), 2);
    assert_eq!(rounding(-5, 10), -1);
    assert_eq!(rounding(-4, 10), 0);
    assert_eq!(rounding(0, 3), 0);
}

proptest! {
    #[test]
    fn the_average_lies_between_the_lowest_and_the_highest(
        picks in proptest::collection::vec((0usize..4, any::<[bool; 3]>(), 0i64..=40, any::<bool>()), 1..12)
    ) {
        let all: Vec<Scored> = picks
            .iter()
            .map(|(l, c, b, v)| scored(["A", "B", "C", "D"][*l], *c, *b, *v))
            .collect();
        let results: Vec<Option<&Scored>> = all.iter().map(Some).collect();
        let s = summarize(&framework(), &results);
        let (avg, min, max) = (s.average.unwrap(), s.min.unwrap(), s.max.unwrap());
        prop_assert!(min <= avg && avg <= max);
        prop_assert_eq!(s.by_band.iter().map(|b| b.count).sum::<usize>(), all.len());
        for i in &s.indicators {
            if let Some(l) = i.loss_permille {
                prop_assert!((0..=1000).contains(&l));
            }
        }
    }
}
