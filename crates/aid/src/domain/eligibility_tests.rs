//! Eligibility rules the broad tests in `tests.rs` leave open: programs
//! restricted by the school's ownership (公办/民办/普惠性民办) or by areas
//! other than 城区, values named twice, how the reason reads, programs paid
//! once a year, approved applications and which partner an incompatible
//! program loses to.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::tests::{program, term};
use super::*;

/// A 初中 program paying 100 元 a term under `conditions`.
fn junior_program(conditions: Value) -> Rule {
    let def = program(json!({"name": "p", "period": "term", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 100}], "conditions": conditions}))
    .unwrap();
    Rule::compile(1, &def, &term())
}

fn student(flags: u16, area: Option<UrbanRural>, owner: Option<Ownership>) -> Profile {
    Profile {
        grade: 8,
        flags,
        urban_rural: area,
        ownership: owner,
        vocational: false,
    }
}

/// Which of 公办, 民办, 普惠性民办 and an unknown ownership qualify.
fn owners_paid(rule: &Rule) -> Vec<Option<Ownership>> {
    let all = Ownership::ALL.into_iter().map(Some).chain([None]);
    all.filter(|o| rule.evaluate(0, &student(0, None, *o), false).is_some())
        .collect()
}

fn areas_paid(rule: &Rule) -> Vec<Option<UrbanRural>> {
    let all = UrbanRural::ALL.into_iter().map(Some).chain([None]);
    all.filter(|a| rule.evaluate(0, &student(0, *a, None), false).is_some())
        .collect()
}

/// The reason `rule` gives for paying `p`, which it must pay.
fn reason(rule: &Rule, p: &Profile) -> String {
    let hit = rule.evaluate(0, p, false).expect("qualifies");
    rule.reason_text(&hit.why)
}

#[test]
fn a_program_for_inclusive_private_schools_pays_only_their_students() {
    let rule = junior_program(json!([{"kind": "ownership", "values": ["private_inclusive"]}]));
    assert_eq!(owners_paid(&rule), vec![Some(Ownership::PrivateInclusive)]);
    let hit = rule
        .evaluate(
            0,
            &student(0, None, Some(Ownership::PrivateInclusive)),
            false,
        )
        .unwrap();
    assert_eq!(hit.amount, Fen::from_yuan(100));
    assert_eq!(hit.why.owner, Some(2));
    assert_eq!(rule.reason_text(&hit.why), "初中·普惠性民办");
}

#[test]
fn a_program_for_public_and_private_schools_refuses_inclusive_ones() {
    let rule = junior_program(json!([{"kind": "ownership", "values": ["public", "民办"]}]));
    assert_eq!(
        owners_paid(&rule),
        vec![Some(Ownership::Public), Some(Ownership::Private)]
    );
    let private = student(0, None, Some(Ownership::Private));
    assert_eq!(reason(&rule, &private), "初中·民办");
}

#[test]
fn without_an_ownership_condition_every_school_qualifies_and_none_is_named() {
    let rule = junior_program(json!([]));
    assert_eq!(owners_paid(&rule).len(), 4);
    let hit = rule
        .evaluate(0, &student(0, None, Some(Ownership::Public)), false)
        .unwrap();
    assert_eq!((hit.why.owner, hit.why.area), (None, None));
    assert_eq!(rule.reason_text(&hit.why), "初中");
}

#[test]
fn town_and_village_schools_qualify_for_a_program_outside_the_city() {
    let rule = junior_program(json!([{"kind": "urban_rural", "values": ["town", "乡村"]}]));
    assert_eq!(
        areas_paid(&rule),
        vec![Some(UrbanRural::Town), Some(UrbanRural::Rural)]
    );
    let town = student(0, Some(UrbanRural::Town), None);
    assert_eq!(reason(&rule, &town), "初中·镇区");
}

#[test]
fn a_value_named_twice_by_key_and_by_label_still_counts_once() {
    let rule = junior_program(json!([{"kind": "ownership", "values": ["public", "公办"]}]));
    assert_eq!(owners_paid(&rule), vec![Some(Ownership::Public)]);
    let rule = junior_program(json!([{"kind": "urban_rural", "values": ["rural", "农村"]}]));
    assert_eq!(areas_paid(&rule), vec![Some(UrbanRural::Rural)]);
    let rule = junior_program(json!([{"kind": "any_flag", "flags": ["dibao", "低保"]}]));
    let dibao = student(Flag::Dibao.bit(), None, None);
    assert!(rule.evaluate(0, &dibao, false).is_some());
    assert!(rule.evaluate(0, &student(0, None, None), false).is_none());
}

#[test]
fn the_reason_names_matched_and_excluded_categories_in_order() {
    let rule = junior_program(json!([
        {"kind": "any_flag", "flags": ["orphan", "dibao", "registered_poor"]},
        {"kind": "flag", "flag": "boarding", "required": true},
        {"kind": "flag", "flag": "local_hukou", "required": false},
    ]));
    let flags =
        Flag::Boarding.bit() | Flag::Dibao.bit() | Flag::Orphan.bit() | Flag::LeftBehind.bit();
    let hit = rule
        .evaluate(0, &student(flags, None, None), false)
        .unwrap();
    assert_eq!(
        hit.why.matched,
        Flag::Boarding.bit() | Flag::Dibao.bit() | Flag::Orphan.bit()
    );
    assert_eq!(
        rule.reason_text(&hit.why),
        "初中·寄宿生·低保·孤儿·非本县户籍"
    );
    let local = flags | Flag::LocalHukou.bit();
    assert!(rule
        .evaluate(0, &student(local, None, None), false)
        .is_none());
}

#[test]
fn a_yearly_program_pays_in_the_autumn_term_only() {
    let def = program(
        json!({"name": "免学杂费", "period": "year", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 320}]}),
    )
    .unwrap();
    let spring = TermInput {
        school_year: 2025,
        half: 2,
        starts_on: NaiveDate::from_ymd_opt(2026, 2, 23).unwrap(),
        weeks: 18,
        school_days: 90,
    }
    .validate()
    .unwrap();
    let someone = student(0, None, None);
    let autumn = Rule::compile(1, &def, &term()).evaluate(0, &someone, false);
    assert_eq!(autumn.map(|h| h.amount), Some(Fen::from_yuan(320)));
    assert!(Rule::compile(1, &def, &spring)
        .evaluate(0, &someone, false)
        .is_none());
}

#[test]
fn a_program_needing_an_application_pays_approved_applicants_only() {
    let grant = program(
        json!({"name": "帮困助学金", "period": "term", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 800}], "needs_application": true,
        "documents": ["申请表"]}),
    )
    .unwrap();
    let rules = [Rule::compile(1, &grant, &term()), junior_program(json!([]))];
    let someone = student(0, None, None);
    let (mut hits, mut clashes) = (Vec::new(), Vec::new());
    evaluate_all(
        &rules,
        &[0, 0],
        &someone,
        |_| false,
        &mut hits,
        &mut clashes,
    );
    assert_eq!(hits.iter().map(|h| h.rule).collect::<Vec<_>>(), vec![1]);
    evaluate_all(
        &rules,
        &[0, 0],
        &someone,
        |i| i == 0,
        &mut hits,
        &mut clashes,
    );
    assert_eq!(hits.iter().map(|h| h.rule).collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(rules[0].reason_text(&hits[0].why), "初中·申请已批准");
    assert!(clashes.is_empty());
}

#[test]
fn a_program_loses_to_the_earlier_one_it_cannot_be_combined_with() {
    // 0 is combinable with both; 1 and 2 exclude each other: 2 is dropped
    // and the clash names 1, the program that was kept.
    let rules: Vec<Rule> = (0..3).map(|_| junior_program(json!([]))).collect();
    let sets = incompatibility_sets(&[(10, vec![]), (11, vec![]), (12, vec![11])]);
    assert_eq!(sets, vec![0, 0b100, 0b010]);
    let (mut hits, mut clashes) = (Vec::new(), Vec::new());
    let someone = student(0, None, None);
    evaluate_all(&rules, &sets, &someone, |_| false, &mut hits, &mut clashes);
    assert_eq!(hits.iter().map(|h| h.rule).collect::<Vec<_>>(), vec![0, 1]);
    assert_eq!(clashes, vec![(1, 2)]);
}
