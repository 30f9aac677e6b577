//! A program form's fields: read from the submitted pairs, and filled in
//! from a stored program for editing.

use crate::domain::{
    AmountInput, Condition, ConditionInput, Flag, ProgramDef, ProgramInput, Stage,
};

/// A submitted form: repeated keys (check boxes) arrive as separate pairs.
pub type Pairs = Vec<(String, String)>;

pub(in crate::web) fn all<'a>(
    pairs: &'a Pairs,
    key: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

pub(in crate::web) fn one(pairs: &Pairs, key: &str) -> String {
    all(pairs, key).next().unwrap_or("").to_string()
}

/// The program a form describes, and the version it was edited from.
pub fn input_of(pairs: &Pairs) -> (ProgramInput, Option<i64>) {
    let mut amounts = Vec::new();
    for s in Stage::ALL {
        let v = one(pairs, &format!("amount_{}", s.key()));
        if !v.is_empty() {
            amounts.push(AmountInput {
                stage: s.key().into(),
                amount: serde_json::Value::String(v),
            });
        }
    }
    let mut conditions = Vec::new();
    for f in Flag::ALL {
        let required = match one(pairs, &format!("flag_{}", f.key())).as_str() {
            "required" => Some(true),
            "forbidden" => Some(false),
            _ => continue,
        };
        conditions.push(ConditionInput {
            kind: "flag".into(),
            flag: Some(f.key().into()),
            required,
            ..Default::default()
        });
    }
    let list = |key: &str| all(pairs, key).map(String::from).collect::<Vec<_>>();
    if !list("any_flag").is_empty() {
        conditions.push(ConditionInput {
            kind: "any_flag".into(),
            flags: list("any_flag"),
            ..Default::default()
        });
    }
    for kind in ["urban_rural", "ownership"] {
        if !list(kind).is_empty() {
            conditions.push(ConditionInput {
                kind: kind.into(),
                values: list(kind),
                ..Default::default()
            });
        }
    }
    let budget = one(pairs, "budget");
    let input = ProgramInput {
        name: one(pairs, "name"),
        funding_source: one(pairs, "funding_source"),
        period: one(pairs, "period"),
        stages: amounts.iter().map(|a| a.stage.clone()).collect(),
        amounts,
        conditions,
        incompatible_with: all(pairs, "incompatible_with")
            .filter_map(|v| v.parse().ok())
            .collect(),
        budget: (!budget.is_empty()).then_some(serde_json::Value::String(budget)),
        needs_application: one(pairs, "needs_application") == "on",
        documents: one(pairs, "documents")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        active: one(pairs, "active") == "on",
    };
    (input, one(pairs, "version").parse().ok())
}

/// A stored condition as the form (and the API) submits it.
fn condition_input(c: &Condition) -> ConditionInput {
    let keys = |v: Vec<&str>| v.into_iter().map(String::from).collect();
    match c {
        Condition::Flag { flag, required } => ConditionInput {
            kind: "flag".into(),
            flag: Some(flag.key().into()),
            required: Some(*required),
            ..Default::default()
        },
        Condition::AnyFlag { flags } => ConditionInput {
            kind: "any_flag".into(),
            flags: keys(flags.iter().map(|f| f.key()).collect()),
            ..Default::default()
        },
        Condition::UrbanRural { values } => ConditionInput {
            kind: "urban_rural".into(),
            values: keys(values.iter().map(|v| v.key()).collect()),
            ..Default::default()
        },
        Condition::Ownership { values } => ConditionInput {
            kind: "ownership".into(),
            values: keys(values.iter().map(|v| v.key()).collect()),
            ..Default::default()
        },
    }
}

/// The form's values as a stored program has them.
pub(super) fn input_from(def: &ProgramDef) -> ProgramInput {
    let conditions = def.conditions.iter().map(condition_input).collect();
    ProgramInput {
        name: def.name.clone(),
        funding_source: def.funding_source.clone(),
        period: def.period.key().into(),
        stages: def.stages.iter().map(|s| s.key().into()).collect(),
        amounts: def
            .amounts
            .iter()
            .map(|(s, f)| AmountInput {
                stage: s.key().into(),
                amount: serde_json::Value::String(f.yuan()),
            })
            .collect(),
        conditions,
        incompatible_with: def.incompatible_with.clone(),
        budget: (def.budget.0 > 0).then(|| serde_json::Value::String(def.budget.yuan())),
        needs_application: def.needs_application,
        documents: def.documents.clone(),
        active: def.active,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Pairs {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_form_becomes_the_program_the_api_would_take() {
        let (input, version) = input_of(&pairs(&[
            ("name", " 低保寄宿生加发 "),
            ("period", "day"),
            ("amount_junior", "2"),
            ("amount_primary", "1"),
            ("amount_senior", ""),
            ("flag_boarding", "required"),
            ("flag_dibao", "required"),
            ("flag_orphan", ""),
            ("urban_rural", "rural"),
            ("incompatible_with", "3"),
            ("documents", "申请表\n\n 证明 \n"),
            ("active", "on"),
            ("version", "4"),
        ]));
        assert_eq!(version, Some(4));
        let def = input.validate(None, &[3]).expect("valid");
        assert_eq!(def.name, "低保寄宿生加发");
        assert_eq!(def.stages, vec![Stage::Primary, Stage::Junior]);
        assert_eq!(def.conditions.len(), 3);
        assert_eq!(def.incompatible_with, vec![3]);
        assert_eq!(def.documents, vec!["申请表", "证明"]);
        assert!(def.active && !def.needs_application);
        // And back: the edit form shows what was stored.
        let again = input_from(&def);
        let twice = again.validate(None, &[3]).expect("valid");
        assert_eq!(twice, def);
    }

    #[test]
    fn a_contradiction_on_the_form_is_refused() {
        let (input, _) = input_of(&pairs(&[
            ("name", "x"),
            ("period", "term"),
            ("amount_junior", "-3"),
        ]));
        let errors = input.validate(None, &[]).unwrap_err();
        assert!(
            errors.iter().any(|e| e.message.contains("负数")),
            "{errors:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_form_is_answered_without_a_panic(
            values in proptest::collection::vec(("(name|period|amount_junior|amount_primary|flag_dibao|any_flag|urban_rural|ownership|budget|documents|incompatible_with|version)", "\\PC{0,12}"), 0..16)
        ) {
            let (input, _) = input_of(&values);
            let _ = input.validate(None, &[1, 2]);
        }
    }
}
