use proptest::prelude::*;
use serde_json::json;

use super::*;

fn ownership(code: &str) -> Option<&'static str> {
    match code {
        "public" => Some("公办"),
        "private" => Some("民办"),
        _ => None,
    }
}

fn grouped_yuan(v: &Value) -> Option<String> {
    v.as_i64().map(|f| format!("{}.{:02}元", f / 100, f % 100))
}

const SCHOOL: &[EntityLabels] = crate::audit_labels! {
    institution "机构" {
        name: "机构名称", ownership: "举办性质" code(ownership),
        township_id: "所在乡镇（街道）" township, boarding: "是否寄宿制" yes_no,
        budget: "预算" show(grouped_yuan), checked_at: "检查时间" time,
        stages: "学段" code(ownership), _: "状态" code(ownership);
        hidden version
    }
};

fn names() -> Names {
    Names {
        townships: HashMap::from([(3, "南浔镇".to_string()), (5, "练市镇".to_string())]),
        institutions: HashMap::new(),
    }
}

fn lines(before: Option<Value>, after: Option<Value>) -> Vec<String> {
    changes(Some(&SCHOOL[0]), before.as_ref(), after.as_ref(), &names())
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn only_changed_fields_are_listed_with_labels_and_decoded_codes() {
    let before = json!({"name": "实验小学", "ownership": "public", "township_id": 3,
        "boarding": false, "version": 4, "phone": "1"});
    let after = json!({"name": "实验小学", "ownership": "private", "township_id": 5,
        "boarding": true, "version": 5, "phone": "2"});
    assert_eq!(
        lines(Some(before), Some(after)),
        [
            "举办性质：公办 → 民办",
            "所在乡镇（街道）：南浔镇 → 练市镇",
            "是否寄宿制：否 → 是",
            "phone：1 → 2",
        ]
    );
}

#[test]
fn money_times_and_unknown_codes_read_as_people_write_them() {
    let before = json!({"budget": 123450, "checked_at": "2026-08-31T16:00:05Z", "ownership": "x"});
    let after = json!({"budget": 100, "checked_at": "2026-09-01T01:30:00.25Z", "ownership": null});
    assert_eq!(
        lines(Some(before), Some(after)),
        [
            "举办性质：x → （空）",
            "预算：1234.50元 → 1.00元",
            "检查时间：2026-09-01 00:00:05 → 2026-09-01 09:30:00",
        ]
    );
}

#[test]
fn a_created_record_lists_its_filled_in_fields() {
    let after = json!({"name": "新幼儿园", "ownership": "private", "group_name": null,
        "stages": ["public", "other"], "version": 1, "notes": ""});
    assert_eq!(
        lines(None, Some(after)),
        ["机构名称：新幼儿园", "举办性质：民办", "学段：公办、other"]
    );
    assert_eq!(
        lines(Some(json!({"name": "旧"})), None),
        ["机构名称：旧 → （无）"]
    );
}

#[test]
fn single_values_and_nested_objects() {
    assert_eq!(
        lines(Some(json!("public")), Some(json!("private"))),
        ["状态：公办 → 民办"]
    );
    let before = json!({"archive": {"guardian": "张三", "phone": "1"}, "list": [[1, 2], {"a": 1}]});
    let after = json!({"archive": {"guardian": "李四", "phone": "1"}, "list": [3]});
    assert_eq!(
        lines(Some(before), Some(after)),
        ["archive.guardian：张三 → 李四", "list：[1、2]、{a：1} → 3"]
    );
    // Unlabelled, a single value is the record's content.
    let plain = changes(None, Some(&json!(1)), Some(&json!(2)), &Names::default());
    assert_eq!(plain[0].to_string(), "内容：1 → 2");
}

#[test]
fn long_values_are_cut_off() {
    let long = "很".repeat(500);
    let shown = show(FieldKind::Text, &json!(long), &Names::default());
    assert_eq!(shown.chars().count(), MAX_CHARS + 1);
    assert!(shown.ends_with('…'));
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_.]{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn flat_object() -> impl Strategy<Value = BTreeMap<String, Value>> {
    let scalar = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..3).prop_map(Value::from),
        "[ab]{0,2}".prop_map(Value::String),
    ];
    prop::collection::btree_map("[a-e]{1,2}", scalar, 0..8)
}

fn object(m: &BTreeMap<String, Value>) -> Value {
    Value::Object(m.clone().into_iter().collect())
}

proptest! {
    #[test]
    fn never_panics_on_any_json(
        before in prop::option::of(any_json()),
        after in prop::option::of(any_json()),
        labelled in any::<bool>(),
    ) {
        let labels = labelled.then_some(&SCHOOL[0]);
        for c in changes(labels, before.as_ref(), after.as_ref(), &names()) {
            prop_assert!(!c.to_string().is_empty());
            prop_assert!(c.before.is_some() || c.after.is_some());
        }
    }

    #[test]
    fn an_unchanged_record_lists_nothing(v in any_json(), labelled in any::<bool>()) {
        let labels = labelled.then_some(&SCHOOL[0]);
        prop_assert!(changes(labels, Some(&v), Some(&v), &names()).is_empty());
    }

    #[test]
    fn exactly_the_changed_fields_are_listed_by_their_keys(
        before in flat_object(),
        after in flat_object(),
    ) {
        let listed: Vec<String> = changes(None, Some(&object(&before)), Some(&object(&after)), &names())
            .into_iter()
            .map(|c| {
                assert_eq!(c.label, c.field, "unlabelled fields are shown by their key");
                c.field
            })
            .collect();
        let null = Value::Null;
        let mut differing: Vec<String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k).unwrap_or(&null) != after.get(*k).unwrap_or(&null))
            .cloned()
            .collect();
        differing.sort();
        differing.dedup();
        prop_assert_eq!(listed, differing);
    }
}
