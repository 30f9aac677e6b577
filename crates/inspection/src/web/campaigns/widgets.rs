//! The indicator widgets the self-evaluation and scoring forms share: an
//! answer input per scoring method, and reading the answers back from the
//! form's fields.

use std::collections::BTreeMap;

use maud::{html, Markup};
use platform::FieldError;

use crate::domain::campaigns::{parse_answer, Answers, FormValue};
use crate::domain::{Answer, Framework, Method, Node, Points};

/// The fields of a form as sent: name → every value (checklists repeat).
pub type Fields = BTreeMap<String, Vec<String>>;

pub fn fields(pairs: Vec<(String, String)>) -> Fields {
    let mut out = Fields::new();
    for (k, v) in pairs {
        out.entry(k).or_default().push(v);
    }
    out
}

/// The one text value of a field, or "".
pub fn text<'a>(f: &'a Fields, name: &str) -> &'a str {
    f.get(name)
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

/// The non-empty text of each leaf's field `<prefix><code>`, by code.
pub fn texts_of(framework: &Framework, f: &Fields, prefix: &str) -> BTreeMap<String, String> {
    framework
        .leaves()
        .iter()
        .map(|l| l.code.trim())
        .map(|code| {
            (
                code.to_string(),
                text(f, &format!("{prefix}{code}")).trim().to_string(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The answers of every leaf (field `<prefix><code>`), and the leaves whose
/// field cannot be read (error field `<error_prefix><code>`).
pub fn answers_of(
    framework: &Framework,
    f: &Fields,
    prefix: &str,
    error_prefix: &str,
) -> (Answers, Vec<FieldError>) {
    let mut answers = Answers::new();
    let mut errors = Vec::new();
    for leaf in framework.leaves() {
        let Some(method) = leaf_method(leaf) else {
            continue;
        };
        let code = leaf.code.trim();
        let name = format!("{prefix}{code}");
        let values = f.get(&name).cloned().unwrap_or_default();
        let ticked: Vec<usize>;
        let value = if let Method::Checklist(_) = method {
            ticked = values.iter().filter_map(|v| v.parse().ok()).collect();
            FormValue::Ticked(&ticked)
        } else {
            FormValue::Text(values.first().map_or("", String::as_str))
        };
        match parse_answer(method, value) {
            Ok(Some(a)) => {
                answers.insert(code.to_string(), a);
            }
            Ok(None) => {}
            Err(e) => errors.push(FieldError::new(format!("{error_prefix}{code}"), e)),
        }
    }
    (answers, errors)
}

pub fn leaf_method(node: &Node) -> Option<&Method> {
    match &node.body {
        crate::domain::Body::Leaf(m) => Some(m),
        crate::domain::Body::Group(_) => None,
    }
}

/// How a leaf is scored, in a few words.
pub fn method_label(m: &Method) -> String {
    match m {
        Method::Levels(options) => {
            let levels: Vec<String> = options
                .iter()
                .map(|o| format!("{} {}", o.label, o.points))
                .collect();
            format!("等级：{}", levels.join("，"))
        }
        Method::Checklist(checks) => format!("逐项勾选（{} 项）", checks.len()),
        Method::Range { min } => format!("填写分数（不低于 {min}）"),
        Method::Veto { cap } => format!("一票否决（触发后最高 {cap}）"),
    }
}

/// The answer as a reader sees it.
pub fn answer_label(m: &Method, a: Option<&Answer>) -> String {
    match (m, a) {
        (_, None) => "—".into(),
        (_, Some(Answer::Level(l))) => l.clone(),
        (Method::Checklist(checks), Some(Answer::Checks(met))) => {
            let done: Vec<&str> = checks
                .iter()
                .zip(met)
                .filter(|(_, m)| **m)
                .map(|(c, _)| c.label.as_str())
                .collect();
            format!(
                "达到 {}/{} 项：{}",
                done.len(),
                checks.len(),
                done.join("、")
            )
        }
        (_, Some(Answer::Checks(met))) => format!("{} 项", met.iter().filter(|m| **m).count()),
        (_, Some(Answer::Value(p))) => p.to_string(),
        (_, Some(Answer::Veto(true))) => "触发否决".into(),
        (_, Some(Answer::Veto(false))) => "未触发".into(),
    }
}

/// The input of a leaf's answer, named `name`, showing `current`.
pub fn answer_input(name: &str, leaf: &Node, m: &Method, current: Option<&Answer>) -> Markup {
    match m {
        Method::Levels(options) => {
            let chosen = match current {
                Some(Answer::Level(l)) => l.as_str(),
                _ => "",
            };
            html! {
                select name=(name) id=(name) aria-label=(format!("{} 等级", leaf.code)) {
                    option value="" { "请选择" }
                    @for o in options {
                        option value=(o.label) selected[o.label == chosen] { (o.label) "（" (o.points) "）" }
                    }
                }
            }
        }
        Method::Checklist(checks) => {
            let met = match current {
                Some(Answer::Checks(m)) => m.clone(),
                _ => vec![],
            };
            html! {
                @for (i, c) in checks.iter().enumerate() {
                    label.check {
                        input type="checkbox" name=(name) value=(i) checked[met.get(i) == Some(&true)];
                        " " (c.label) "（" (c.points) "）"
                    }
                }
            }
        }
        Method::Range { min } => {
            let v = match current {
                Some(Answer::Value(p)) => p.to_string().trim_end_matches('分').to_string(),
                _ => String::new(),
            };
            html! {
                input name=(name) id=(name) inputmode="decimal" value=(v)
                    aria-label=(format!("{} 得分", leaf.code))
                    placeholder=(format!("{}～{}", bare(*min), bare(leaf.points)));
            }
        }
        Method::Veto { .. } => {
            let v = match current {
                Some(Answer::Veto(true)) => "yes",
                Some(Answer::Veto(false)) => "no",
                _ => "",
            };
            html! {
                select name=(name) id=(name) aria-label=(format!("{} 是否触发否决", leaf.code)) {
                    option value="" { "请选择" }
                    option value="no" selected[v == "no"] { "未触发" }
                    option value="yes" selected[v == "yes"] { "触发否决" }
                }
            }
        }
    }
}

/// Points without the 分: "12.5".
pub fn bare(p: Points) -> String {
    p.to_string().trim_end_matches('分').to_string()
}
