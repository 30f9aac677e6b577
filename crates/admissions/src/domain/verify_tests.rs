//! The verifier catches each kind of tampering with a result.

use super::engine::{allocate, Allocation};
use super::instance::{ChildSpec, Choice, Instance, SchoolSpec};
use super::verify::{verify, Violation};

const SEED: &str = "2026-核验";

/// School 0 has one seat and three tier-1 applicants (a lottery); school 1
/// has two seats; school 2 has one seat nobody lists first.
fn round() -> Instance {
    let child = |key: &str, list: &[u32]| ChildSpec {
        key: key.into(),
        choices: list
            .iter()
            .map(|&school| Choice { school, tier: 1 })
            .collect(),
    };
    Instance {
        schools: vec![
            SchoolSpec { seats: 1 },
            SchoolSpec { seats: 2 },
            SchoolSpec { seats: 1 },
        ],
        children: vec![child("A", &[0, 1]), child("B", &[0, 1]), child("C", &[0])],
    }
}

fn kinds(v: &[Violation]) -> Vec<&'static str> {
    v.iter()
        .map(|v| match v {
            Violation::Shape { .. } => "shape",
            Violation::NotAChoice { .. } => "not-a-choice",
            Violation::OverCapacity { .. } => "over-capacity",
            Violation::Wasteful { .. } => "wasteful",
            Violation::JustifiedEnvy { .. } => "envy",
            Violation::Cutoff { .. } => "cutoff",
            Violation::NotReproduced { .. } => "not-reproduced",
            Violation::Refused(_) => "refused",
        })
        .collect()
}

fn tampered(f: impl FnOnce(&mut Allocation)) -> Vec<Violation> {
    let inst = round();
    let mut a = allocate(&inst, SEED).unwrap();
    f(&mut a);
    verify(&inst, SEED, &a).unwrap_err()
}

fn winner(a: &Allocation) -> usize {
    a.assigned.iter().position(|s| *s == Some(0)).unwrap_or(0)
}

#[test]
fn the_engine_result_passes() {
    let inst = round();
    assert_eq!(verify(&inst, SEED, &allocate(&inst, SEED).unwrap()), Ok(()));
}

#[test]
fn a_school_not_listed() {
    let v = tampered(|a| a.assigned[2] = Some(2));
    assert_eq!(kinds(&v), vec!["not-a-choice", "not-reproduced"]);
    assert_eq!(
        v[0].to_string(),
        "第 3 名儿童（C）被分配到未填报的学校（序号 2）"
    );
}

#[test]
fn over_capacity_and_envy_when_everyone_is_let_in() {
    let v = tampered(|a| a.assigned = vec![Some(0), Some(0), Some(0)]);
    let k = kinds(&v);
    assert!(
        k.contains(&"over-capacity") && k.contains(&"cutoff"),
        "{k:?}"
    );
    let text = v.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert!(text.contains(&"学校（序号 0）录取 3 人，超过招生计划 1 人".to_string()));
}

#[test]
fn a_seat_left_free() {
    let v = tampered(|a| {
        let w = winner(a);
        a.assigned[w] = None;
        a.cutoffs[0] = None;
    });
    assert!(kinds(&v).contains(&"wasteful"), "{v:?}");
}

#[test]
fn a_lottery_loser_put_in_place_of_the_winner() {
    let inst = round();
    let a = allocate(&inst, SEED).unwrap();
    let w = winner(&a);
    let loser = if w == 2 { 0 } else { 2 };
    let v = tampered(|a| {
        a.assigned[w] = if w == 2 { None } else { Some(1) };
        a.assigned[loser] = Some(0);
    });
    assert!(kinds(&v).contains(&"envy"), "{v:?}");
    let envy = v
        .iter()
        .find(|x| matches!(x, Violation::JustifiedEnvy { .. }));
    let msg = envy.map(ToString::to_string).unwrap_or_default();
    assert!(msg.contains("该校却录取了顺位或摇号在其后的"), "{msg}");
}

#[test]
fn a_tampered_cutoff_or_version_or_size() {
    let v = tampered(|a| {
        if let Some(c) = a.cutoffs[0].as_mut() {
            c.lottery ^= 1;
        }
    });
    assert_eq!(kinds(&v), vec!["cutoff", "not-reproduced"]);
    let v = tampered(|a| a.engine_version = "another engine");
    assert_eq!(
        v[0].to_string(),
        "用同一种子重新运行得到的算法版本与公布结果不同"
    );
    let v = tampered(|a| {
        a.assigned.pop();
    });
    assert_eq!(v[0].to_string(), "结果中的儿童数量为 2，输入中为 3");
}

#[test]
fn another_seed_is_a_different_result_to_the_verifier() {
    let inst = round();
    // Some seed among these moves the single seat of school 0 elsewhere.
    let base = allocate(&inst, SEED).unwrap();
    let moved = (0..50)
        .map(|i| format!("other-{i}"))
        .find(|s| allocate(&inst, s).unwrap().assigned != base.assigned);
    let Some(other) = moved else {
        panic!("fifty seeds all gave the same draw")
    };
    assert!(verify(&inst, &other, &base).is_err());
}

#[test]
fn an_input_the_engine_refuses_fails_verification() {
    let mut inst = round();
    let a = allocate(&inst, SEED).unwrap();
    inst.children[2].choices.push(Choice { school: 0, tier: 3 });
    let v = verify(&inst, SEED, &a).unwrap_err();
    assert_eq!(kinds(&v), vec!["refused"]);
}
