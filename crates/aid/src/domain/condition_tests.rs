//! Conditions as the bureau writes them: how each reads on a page, and
//! every refusal with its message placed on the condition at fault.

use serde_json::{json, Value};

use super::condition::validate;
use super::*;

fn conditions(v: Value) -> Result<Vec<Condition>, Vec<platform::FieldError>> {
    let inputs: Vec<ConditionInput> = serde_json::from_value(v).expect("shape");
    validate(&inputs)
}

/// The (field, message) of each refusal.
fn refusals(v: Value) -> Vec<(String, String)> {
    let errors = conditions(v).expect_err("refused");
    errors.into_iter().map(|e| (e.field, e.message)).collect()
}

#[test]
fn each_kind_of_condition_reads_as_the_bureau_writes_it() {
    let list = conditions(json!([
        {"kind": "flag", "flag": "boarding", "required": true},
        {"kind": "flag", "flag": "本县户籍", "required": false},
        {"kind": "any_flag", "flags": ["dibao", "orphan"]},
        {"kind": "urban_rural", "values": ["urban", "town"]},
        {"kind": "ownership", "values": ["public", "private_inclusive"]},
    ]))
    .unwrap();
    let text: Vec<String> = list.iter().map(Condition::describe).collect();
    assert_eq!(
        text,
        [
            "须为寄宿生",
            "须非本县户籍",
            "至少具备其一：低保、孤儿",
            "学校位于城区或镇区",
            "学校举办性质为公办或普惠性民办",
        ]
    );
}

#[test]
fn one_condition_of_each_kind_is_accepted_as_written() {
    let list = conditions(json!([
        {"kind": "ownership", "values": ["民办"]},
        {"kind": "urban_rural", "values": ["农村"]},
        {"kind": "flag", "flag": "dibao", "required": false},
        {"kind": "any_flag", "flags": ["dibao", "orphan"]},
    ]))
    .unwrap();
    assert_eq!(
        list,
        vec![
            Condition::Ownership {
                values: vec![Ownership::Private]
            },
            Condition::UrbanRural {
                values: vec![UrbanRural::Rural]
            },
            Condition::Flag {
                flag: Flag::Dibao,
                required: false
            },
            Condition::AnyFlag {
                flags: vec![Flag::Dibao, Flag::Orphan]
            },
        ]
    );
}

#[test]
fn a_flag_named_twice_is_a_repeat_and_the_second_is_marked() {
    for required in [true, false] {
        let got = refusals(json!([
            {"kind": "urban_rural", "values": ["urban"]},
            {"kind": "flag", "flag": "orphan", "required": required},
            {"kind": "flag", "flag": "孤儿", "required": required},
        ]));
        assert_eq!(
            got,
            vec![("conditions[2]".into(), "条件重复：“孤儿”出现了两次".into())]
        );
    }
}

#[test]
fn a_flag_both_required_and_excluded_is_a_contradiction_either_way_round() {
    for first in [true, false] {
        let got = refusals(json!([
            {"kind": "flag", "flag": "dibao", "required": first},
            {"kind": "flag", "flag": "dibao", "required": !first},
        ]));
        assert_eq!(
            got,
            vec![(
                "conditions[1]".into(),
                "条件矛盾：既要求又排除“低保”，无人能满足".into()
            )]
        );
    }
}

#[test]
fn areas_and_ownership_take_one_condition_each() {
    let got = refusals(json!([
        {"kind": "urban_rural", "values": ["urban"]},
        {"kind": "ownership", "values": ["public"]},
        {"kind": "urban_rural", "values": ["rural"]},
        {"kind": "ownership", "values": ["private"]},
        {"kind": "ownership", "values": ["private_inclusive"]},
    ]));
    let area = "条件重复：城乡类别只能设一个条件（可多选）";
    let owner = "条件重复：举办性质只能设一个条件（可多选）";
    assert_eq!(
        got,
        vec![
            ("conditions[2]".into(), area.into()),
            ("conditions[3]".into(), owner.into()),
            ("conditions[4]".into(), owner.into()),
        ]
    );
}

#[test]
fn an_any_of_is_refused_only_when_every_listed_flag_is_excluded() {
    let excluded = |flags: Value| {
        conditions(json!([
            {"kind": "flag", "flag": "dibao", "required": false},
            {"kind": "flag", "flag": "orphan", "required": false},
            {"kind": "any_flag", "flags": flags},
        ]))
    };
    assert!(excluded(json!(["dibao", "disability"])).is_ok());
    let errors = excluded(json!(["dibao", "orphan"])).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "conditions[2]");
    assert!(errors[0].message.contains("均已被排除"), "{errors:?}");
}

#[test]
fn unreadable_conditions_are_each_refused_with_a_reason() {
    let got = refusals(json!([
        {"kind": "flag", "flag": "wealthy", "required": true},
        {"kind": "flag", "flag": "dibao"},
        {"kind": "any_flag", "flags": []},
        {"kind": "urban_rural", "values": []},
        {"kind": "urban_rural", "values": ["suburb"]},
        {"kind": "ownership", "values": []},
        {"kind": "ownership", "values": ["foreign"]},
        {"kind": "age"},
    ]));
    let want = [
        "条件1：未知的学生类别“wealthy”",
        "条件2：请说明“低保”是必须具备还是必须不具备",
        "条件3：“至少具备其一”没有列出任何类别，无人能满足",
        "条件4：未选择城区/镇区/乡村，无人能满足",
        "条件5：未知的城乡类别“suburb”",
        "条件6：未选择举办性质，无人能满足",
        "条件7：未知的举办性质“foreign”",
        "条件8：未知的条件类型“age”",
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .enumerate()
        .map(|(n, m)| (format!("conditions[{n}]"), m.to_string()))
        .collect();
    assert_eq!(got, want);
}
