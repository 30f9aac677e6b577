//! Tests of the eligibility rules and program validation.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;

use super::*;

pub(super) fn program(v: serde_json::Value) -> Result<ProgramDef, Vec<platform::FieldError>> {
    let input: ProgramInput = serde_json::from_value(v).expect("shape");
    input.validate(None, &[1, 2, 3])
}

pub(super) fn term() -> Term {
    TermInput {
        school_year: 2025,
        half: 1,
        starts_on: NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(),
        weeks: 20,
        school_days: 100,
    }
    .validate()
    .unwrap()
}

fn tuition() -> ProgramDef {
    program(
        json!({"name": "免学杂费", "period": "year", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": 320}, {"stage": "primary", "amount": "240"}],
        "conditions": [{"kind": "urban_rural", "values": ["urban"]}]}),
    )
    .unwrap()
}

fn facts(grade: i64, flags: u16, area: UrbanRural) -> Profile {
    Profile {
        grade,
        flags,
        urban_rural: Some(area),
        ownership: Some(Ownership::Public),
        vocational: false,
    }
}

#[test]
fn tuition_by_stage_and_area() {
    let r = Rule::compile(1, &tuition(), &term());
    let h = r
        .evaluate(0, &facts(8, 0, UrbanRural::Urban), false)
        .unwrap();
    assert_eq!(h.amount, Fen::from_yuan(320));
    assert_eq!(r.reason_text(&h.why), "初中·城区");
    assert_eq!(
        r.evaluate(0, &facts(3, 0, UrbanRural::Urban), false)
            .unwrap()
            .amount,
        Fen::from_yuan(240)
    );
    assert!(r
        .evaluate(0, &facts(3, 0, UrbanRural::Rural), false)
        .is_none());
    assert!(r
        .evaluate(0, &facts(11, 0, UrbanRural::Urban), false)
        .is_none());
}

#[test]
fn boarders_meals_per_week_and_day() {
    let meals = program(
        json!({"name": "寄宿生生活补助", "period": "week", "stages": ["primary", "junior"],
        "amounts": [{"stage": "primary", "amount": "17.5"}, {"stage": "junior", "amount": 17.5}],
        "conditions": [{"kind": "flag", "flag": "boarding", "required": true}]}),
    )
    .unwrap();
    let extra = program(json!({"name": "低保寄宿生加发", "period": "day", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": 2}, {"stage": "primary", "amount": 1}],
        "conditions": [{"kind": "flag", "flag": "寄宿生", "required": true}, {"kind": "flag", "flag": "低保", "required": true}]})).unwrap();
    let (m, x) = (
        Rule::compile(1, &meals, &term()),
        Rule::compile(2, &extra, &term()),
    );
    let boarder = facts(
        8,
        Flag::Boarding.bit() | Flag::Dibao.bit(),
        UrbanRural::Rural,
    );
    assert_eq!(
        m.evaluate(0, &boarder, false).unwrap().amount,
        Fen(1750 * 20)
    );
    let h = x.evaluate(1, &boarder, false).unwrap();
    assert_eq!(h.amount, Fen(200 * 100));
    assert_eq!(x.reason_text(&h.why), "初中·寄宿生·低保");
    assert_eq!(
        x.evaluate(
            1,
            &facts(
                4,
                Flag::Boarding.bit() | Flag::Dibao.bit(),
                UrbanRural::Rural
            ),
            false
        )
        .unwrap()
        .amount,
        Fen(100 * 100)
    );
    assert!(x
        .evaluate(1, &facts(8, Flag::Boarding.bit(), UrbanRural::Rural), false)
        .is_none());
}

#[test]
fn contradictions_and_bad_amounts_are_refused_in_chinese() {
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}],
        "conditions": [{"kind": "flag", "flag": "boarding", "required": true}, {"kind": "flag", "flag": "boarding", "required": false}]})).unwrap_err();
    assert!(e[0].message.contains("矛盾"), "{e:?}");
    let e =
        program(json!({"name": "x", "period": "term", "stages": [], "amounts": []})).unwrap_err();
    assert!(e.iter().any(|e| e.message.contains("至少选择一个适用学段")));
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}, {"stage": "primary", "amount": 1}]})).unwrap_err();
    assert!(e[0].message.contains("适用学段不含小学"), "{e:?}");
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": -5}]})).unwrap_err();
    assert!(e[0].message.contains("负数"), "{e:?}");
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": "三百"}]})).unwrap_err();
    assert!(e[0].message.contains("不是有效的数字"), "{e:?}");
    let e = program(json!({"name": "x", "period": "month", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}]})).unwrap_err();
    assert!(e[0].message.contains("发放周期"), "{e:?}");
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}],
        "conditions": [{"kind": "any_flag", "flags": ["dibao"]}, {"kind": "flag", "flag": "dibao", "required": false}]})).unwrap_err();
    assert!(e[0].message.contains("均已被排除"), "{e:?}");
    let e = program(json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}], "incompatible_with": [9]})).unwrap_err();
    assert!(e[0].message.contains("不存在"), "{e:?}");
}

#[test]
fn earlier_program_wins_an_incompatible_pair() {
    let a = Rule::compile(10, &tuition(), &term());
    let b = Rule::compile(11, &tuition(), &term());
    let sets = incompatibility_sets(&[(10, vec![11]), (11, vec![])]);
    let (mut hits, mut conflicts) = (Vec::new(), Vec::new());
    evaluate_all(
        &[a, b],
        &sets,
        &facts(8, 0, UrbanRural::Urban),
        |_| false,
        &mut hits,
        &mut conflicts,
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].rule, 0);
    assert_eq!(conflicts, vec![(0, 1)]);
}

fn any_flags() -> impl Strategy<Value = u16> {
    0u16..256
}

proptest! {
    #[test]
    fn evaluation_obeys_every_condition(flags in any_flags(), grade in -3i64..14, req in any_flags(), forb in any_flags(), any in 1u16..256) {
        let forb = forb & !req;
        let to_list = |m: u16| Flag::ALL.iter().filter(|f| m & f.bit() != 0).map(|f| f.key().to_string()).collect::<Vec<_>>();
        let mut conditions = Vec::new();
        for k in to_list(req) { conditions.push(json!({"kind": "flag", "flag": k, "required": true})); }
        for k in to_list(forb) { conditions.push(json!({"kind": "flag", "flag": k, "required": false})); }
        conditions.push(json!({"kind": "any_flag", "flags": to_list(any)}));
        let def = program(json!({"name": "p", "period": "term", "stages": ["primary"], "amounts": [{"stage": "primary", "amount": 1}], "conditions": conditions}));
        if any & !forb == 0 {
            prop_assert!(def.is_err());
            return Ok(());
        }
        let rule = Rule::compile(1, &def.unwrap(), &term());
        let got = rule.evaluate(0, &facts(grade, flags, UrbanRural::Town), false).is_some();
        let want = (1..=6).contains(&grade) && flags & req == req && flags & forb == 0 && flags & any != 0;
        prop_assert_eq!(got, want);
    }

    #[test]
    fn kept_hits_never_hold_an_incompatible_pair(pairs in proptest::collection::vec((0usize..6, 0usize..6), 0..10)) {
        let mut programs: Vec<(i64, Vec<i64>)> = (0..6).map(|i| (i as i64, vec![])).collect();
        for (a, b) in &pairs { if a != b { programs[*a].1.push(*b as i64); } }
        let sets = incompatibility_sets(&programs);
        let rules: Vec<Rule> = (0..6).map(|i| Rule::compile(i, &tuition(), &term())).collect();
        let (mut hits, mut conflicts) = (Vec::new(), Vec::new());
        evaluate_all(&rules, &sets, &facts(8, 0, UrbanRural::Urban), |_| false, &mut hits, &mut conflicts);
        for x in &hits { for y in &hits { prop_assert_eq!(sets[x.rule] & (1 << y.rule), 0); } }
        prop_assert_eq!(hits.len() + conflicts.len(), 6);
        for (kept, dropped) in &conflicts { prop_assert!(hits.iter().any(|h| h.rule == *kept)); prop_assert!(sets[*dropped] & (1 << kept) != 0); }
    }

    #[test]
    fn the_decision_table_agrees_with_deciding_each_student(grade in -2i64..13, flags in any_flags(), urban in proptest::bool::ANY, applied in 0u64..4) {
        let grant = program(json!({"name": "帮困助学金", "period": "term", "stages": ["junior", "primary"],
            "amounts": [{"stage": "junior", "amount": 800}, {"stage": "primary", "amount": 500}], "needs_application": true, "documents": ["申请表"]})).unwrap();
        let meals = program(json!({"name": "寄宿", "period": "week", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 17.5}],
            "conditions": [{"kind": "flag", "flag": "boarding", "required": true}]})).unwrap();
        let rules = vec![Rule::compile(1, &grant, &term()), Rule::compile(2, &meals, &term()), Rule::compile(3, &tuition(), &term())];
        let sets = incompatibility_sets(&[(1, vec![2]), (2, vec![]), (3, vec![])]);
        let area = if urban { UrbanRural::Urban } else { UrbanRural::Rural };
        let classes = vec![
            decisions::Class { grade: 4, urban_rural: Some(UrbanRural::Town), ownership: None, vocational: false },
            decisions::Class { grade, urban_rural: Some(area), ownership: Some(Ownership::Public), vocational: false },
        ];
        let application_sets = [0, 1, applied];
        let table = decide(&rules, &sets, &classes, &application_sets);
        for (set, bits) in application_sets.iter().enumerate() {
            let (mut hits, mut clashes) = (Vec::new(), Vec::new());
            evaluate_all(&rules, &sets, &facts(grade, flags, area), |i| bits & (1 << i) != 0, &mut hits, &mut clashes);
            let key = decisions::key(1, flags, set, application_sets.len());
            match table.iter().find(|d| d.key == key) {
                Some(d) => { prop_assert_eq!(&d.hits, &hits); prop_assert_eq!(&d.clashes, &clashes); }
                None => prop_assert!(hits.is_empty() && clashes.is_empty()),
            }
        }
        let mut keys: Vec<i64> = table.iter().map(|d| d.key).collect();
        keys.sort_unstable();
        keys.dedup();
        prop_assert_eq!(keys.len(), table.len(), "keys are distinct");
    }
}

#[test]
fn zhongzhi_is_its_own_stage() {
    let def = program(json!({"name": "中职国家助学金", "period": "year",
        "stages": ["vocational"], "amounts": [{"stage": "vocational", "amount": "2000"}],
        "conditions": []}))
    .unwrap();
    let rule = Rule::compile(1, &def, &term());
    let senior = facts(11, 0, UrbanRural::Urban);
    let vocational = Profile {
        vocational: true,
        ..senior
    };
    assert!(
        rule.evaluate(0, &senior, false).is_none(),
        "高中 is not 中职"
    );
    let hit = rule
        .evaluate(0, &vocational, false)
        .expect("中职 qualifies");
    assert_eq!(hit.amount, Fen::from_yuan(2000));
    let junior_at_vocational = Profile {
        grade: 9,
        ..vocational
    };
    assert!(rule.evaluate(0, &junior_at_vocational, false).is_none());
}
