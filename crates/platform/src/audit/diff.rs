//! "字段：旧值 → 新值": what an audit entry changed, read from its before and
//! after snapshots with the entity's labels. Pure, and total: any JSON at
//! all gives some list of changes.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::labels::{EntityLabels, FieldKind};

/// Longest value shown; the rest is cut off with "…".
const MAX_CHARS: usize = 200;
const BLANK: &str = "（空）";

/// Names of the records a snapshot refers to by id.
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub townships: HashMap<i64, String>,
    pub institutions: HashMap<i64, String>,
}

/// One field of a snapshot, as a person reads it. A created record has only
/// `after`; a removed one only `before`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field's key (its path for nested objects).
    pub field: String,
    pub label: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => write!(f, "{}：{b} → {a}", self.label),
            (None, Some(v)) => write!(f, "{}：{v}", self.label),
            (Some(b), None) => write!(f, "{}：{b} → （无）", self.label),
            (None, None) => write!(f, "{}", self.label),
        }
    }
}

/// The fields that differ between `before` and `after`, in the order the
/// labels list them (unlabelled fields after, by key). With only one
/// snapshot, its non-blank fields. Bookkeeping fields are left out.
pub fn changes(
    labels: Option<&EntityLabels>,
    before: Option<&Value>,
    after: Option<&Value>,
    names: &Names,
) -> Vec<Change> {
    let (b, a) = (before.map(flatten), after.map(flatten));
    let mut keys: Vec<&String> = b.iter().chain(a.iter()).flat_map(|m| m.keys()).collect();
    keys.sort_by_key(|k| (labels.map_or(0, |l| l.position(head(k))), *k));
    keys.dedup();
    let mut out = Vec::new();
    for key in keys {
        let (label, kind) = lookup(labels, key);
        if matches!(kind, FieldKind::Hidden) {
            continue;
        }
        let old = b
            .as_ref()
            .map(|m| m.get(key).copied().unwrap_or(&Value::Null));
        let new = a
            .as_ref()
            .map(|m| m.get(key).copied().unwrap_or(&Value::Null));
        let listed = match (old, new) {
            (Some(o), Some(n)) => o != n,
            (Some(v), None) | (None, Some(v)) => !is_blank(v),
            (None, None) => false,
        };
        if listed {
            out.push(Change {
                field: key.clone(),
                label,
                before: old.map(|v| show(kind, v, names)),
                after: new.map(|v| show(kind, v, names)),
            });
        }
    }
    out
}

/// Nested objects become `outer.inner` keys; a snapshot that is not an
/// object is one value under the empty key.
fn flatten(v: &Value) -> BTreeMap<String, &Value> {
    fn walk<'v>(path: &str, v: &'v Value, out: &mut BTreeMap<String, &'v Value>) {
        match v {
            // An empty record has no fields; an empty object inside one is
            // a value.
            Value::Object(m) if path.is_empty() || !m.is_empty() => {
                for (k, x) in m {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(&p, x, out);
                }
            }
            _ => {
                out.insert(path.to_string(), v);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk("", v, &mut out);
    out
}

fn head(path: &str) -> &str {
    path.split_once('.').map_or(path, |(h, _)| h)
}

/// The label and kind of a field: its own, or under its labelled outer
/// field, or its key as written.
fn lookup(labels: Option<&EntityLabels>, path: &str) -> (String, FieldKind) {
    let own = labels.and_then(|l| l.field(path));
    let outer = labels.and_then(|l| l.field(head(path)));
    match (own, outer) {
        (Some(f), _) => (f.label.to_string(), f.kind),
        (None, Some(f)) if matches!(f.kind, FieldKind::Hidden) => (String::new(), f.kind),
        (None, Some(f)) => {
            let rest = &path[head(path).len()..];
            (format!("{}{rest}", f.label), FieldKind::Text)
        }
        (None, None) if path.is_empty() => ("内容".into(), FieldKind::Text),
        (None, None) => (path.to_string(), FieldKind::Text),
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// A value as a person reads it.
pub fn show(kind: FieldKind, v: &Value, names: &Names) -> String {
    if is_blank(v) {
        return BLANK.into();
    }
    let by_id = |map: &HashMap<i64, String>| v.as_i64().and_then(|id| map.get(&id)).cloned();
    let shown = match kind {
        FieldKind::Text | FieldKind::Hidden => None,
        FieldKind::Bool => v.as_bool().map(|b| if b { "是" } else { "否" }.to_string()),
        FieldKind::Time => v
            .as_str()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| crate::time::show_second(t.with_timezone(&Utc))),
        FieldKind::Code(decode) => Some(decoded(decode, v)),
        FieldKind::Show(f) => f(v),
        FieldKind::Township => by_id(&names.townships),
        FieldKind::Institution => by_id(&names.institutions),
    };
    clip(shown.unwrap_or_else(|| compact(v)))
}

fn decoded(decode: fn(&str) -> Option<&'static str>, v: &Value) -> String {
    let one = |s: &str| decode(s).map_or_else(|| s.to_string(), str::to_string);
    match v {
        Value::String(s) => one(s),
        Value::Number(n) => one(&n.to_string()),
        Value::Array(items) => items
            .iter()
            .map(|x| decoded(decode, x))
            .collect::<Vec<_>>()
            .join("、"),
        other => compact(other),
    }
}

/// Any JSON on one line, without quotes: lists joined with 、, objects as
/// {键：值，…}.
fn compact(v: &Value) -> String {
    match v {
        Value::Null => BLANK.into(),
        Value::Bool(b) => if *b { "是" } else { "否" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(nested).collect();
            parts.join("、")
        }
        Value::Object(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, x)| format!("{k}：{}", nested(x)))
                .collect();
            format!("{{{}}}", parts.join("，"))
        }
    }
}

/// A list inside a list keeps its brackets, so the levels stay apart.
fn nested(v: &Value) -> String {
    match v {
        Value::Array(_) => format!("[{}]", compact(v)),
        _ => compact(v),
    }
}

fn clip(s: String) -> String {
    match s.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
