//! An indicator as people write it in a row of text: one line of the .xlsx
//! import (指标编号, 上级指标编号, 指标名称, 分值, 计分方法, 等级或检查项, 最低分,
//! 否决封顶分, 佐证材料) or the builder's form. Both read it with the same
//! rules, so a form and a file refuse the same things in the same words.

use super::framework::{Band, Body, Check, LevelOption, Method, Node};
use super::points::Points;

/// A field of an indicator row: its form key and its column in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Code,
    Parent,
    Title,
    Points,
    Method,
    Options,
    Min,
    Cap,
    Evidence,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Code,
        Field::Parent,
        Field::Title,
        Field::Points,
        Field::Method,
        Field::Options,
        Field::Min,
        Field::Cap,
        Field::Evidence,
    ];

    /// The form field's name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Code => "code",
            Field::Parent => "parent",
            Field::Title => "title",
            Field::Points => "points",
            Field::Method => "method",
            Field::Options => "options",
            Field::Min => "min",
            Field::Cap => "cap",
            Field::Evidence => "evidence",
        }
    }

    /// The column header of the import file.
    pub fn column(self) -> &'static str {
        match self {
            Field::Code => "指标编号",
            Field::Parent => "上级指标编号",
            Field::Title => "指标名称",
            Field::Points => "分值",
            Field::Method => "计分方法",
            Field::Options => "等级或检查项",
            Field::Min => "最低分",
            Field::Cap => "否决封顶分",
            Field::Evidence => "佐证材料",
        }
    }
}

/// How a row says an indicator is scored; a group has no method.
pub const METHODS: [(&str, &str); 5] = [
    ("group", "分组"),
    ("levels", "等级"),
    ("checklist", "检查项"),
    ("range", "区间"),
    ("veto", "否决"),
];

/// The key of a method as a row writes it: its key, its label, or blank
/// for a group.
fn method_key(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Some("group");
    }
    METHODS
        .iter()
        .find(|(k, l)| *k == text || *l == text)
        .map(|(k, _)| *k)
}

/// An indicator row as text, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct IndicatorRow {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub points: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub options: String,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub cap: String,
    #[serde(default)]
    pub evidence: String,
}

/// The problems of a row, one per field at most.
pub type RowProblems = Vec<(Field, String)>;

impl IndicatorRow {
    /// The text of `field`.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Code => &self.code,
            Field::Parent => &self.parent,
            Field::Title => &self.title,
            Field::Points => &self.points,
            Field::Method => &self.method,
            Field::Options => &self.options,
            Field::Min => &self.min,
            Field::Cap => &self.cap,
            Field::Evidence => &self.evidence,
        }
    }

    /// A row from cells in the order of [`Field::ALL`].
    pub fn from_cells(cells: &[&str]) -> IndicatorRow {
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or("").to_string();
        IndicatorRow {
            code: cell(0),
            parent: cell(1),
            title: cell(2),
            points: cell(3),
            method: cell(4),
            options: cell(5),
            min: cell(6),
            cap: cell(7),
            evidence: cell(8),
        }
    }

    /// The row that writes `node` under `parent` (blank at the top); a
    /// group's children are rows of their own.
    pub fn of(node: &Node, parent: &str) -> IndicatorRow {
        let mut row = IndicatorRow {
            code: node.code.clone(),
            parent: parent.to_string(),
            title: node.title.clone(),
            points: number(node.points),
            evidence: node.evidence.join("；"),
            ..IndicatorRow::default()
        };
        let label = |key: &str| METHODS.iter().find(|(k, _)| *k == key).map(|(_, l)| *l);
        match &node.body {
            Body::Group(_) => row.method = String::new(),
            Body::Leaf(Method::Levels(options)) => {
                row.method = label("levels").unwrap_or_default().into();
                row.options = pairs(options.iter().map(|o| (&o.label, o.points)));
            }
            Body::Leaf(Method::Checklist(checks)) => {
                row.method = label("checklist").unwrap_or_default().into();
                row.options = pairs(checks.iter().map(|c| (&c.label, c.points)));
            }
            Body::Leaf(Method::Range { min }) => {
                row.method = label("range").unwrap_or_default().into();
                row.min = number(*min);
            }
            Body::Leaf(Method::Veto { cap }) => {
                row.method = label("veto").unwrap_or_default().into();
                row.cap = number(*cap);
            }
        }
        row
    }

    /// The indicator the row describes and its parent's code (none at the
    /// top). A group comes without children: they are rows of their own.
    pub fn parse(&self) -> Result<(Option<String>, Node), RowProblems> {
        let mut problems = RowProblems::new();
        let mut required = |field: Field, what: &str| {
            let text = self.get(field).trim();
            if text.is_empty() {
                problems.push((field, format!("请填写{what}")));
            }
            text.to_string()
        };
        let code = required(Field::Code, "指标编号");
        let title = required(Field::Title, "指标名称");
        let method = method_key(&self.method);
        if method.is_none() {
            problems.push((
                Field::Method,
                format!(
                    "计分方法应为“等级”“检查项”“区间”“否决”之一（分组留空），而不是“{}”",
                    self.method.trim()
                ),
            ));
        }
        let veto = method == Some("veto");
        let points = match (self.points.trim(), veto) {
            ("", true) => Some(Points::ZERO),
            (text, _) => points_of(Field::Points, text, &mut problems),
        };
        let body = match method {
            Some("levels") => options_of(&self.options, &mut problems).map(|o| {
                Body::Leaf(Method::Levels(
                    o.into_iter()
                        .map(|(label, points)| LevelOption { label, points })
                        .collect(),
                ))
            }),
            Some("checklist") => options_of(&self.options, &mut problems).map(|o| {
                Body::Leaf(Method::Checklist(
                    o.into_iter()
                        .map(|(label, points)| Check { label, points })
                        .collect(),
                ))
            }),
            Some("range") => match self.min.trim() {
                "" => Some(Points::ZERO),
                text => points_of(Field::Min, text, &mut problems),
            }
            .map(|min| Body::Leaf(Method::Range { min })),
            Some("veto") => points_of(Field::Cap, self.cap.trim(), &mut problems)
                .map(|cap| Body::Leaf(Method::Veto { cap })),
            Some(_) => Some(Body::Group(vec![])),
            None => None,
        };
        match (points, body) {
            (Some(points), Some(body)) if problems.is_empty() => {
                let parent = Some(self.parent.trim().to_string()).filter(|p| !p.is_empty());
                Ok((
                    parent,
                    Node {
                        code,
                        title,
                        points,
                        evidence: evidence_of(&self.evidence),
                        body,
                    },
                ))
            }
            _ => Err(problems),
        }
    }
}

/// Points as a number without the unit: "20", "12.5".
pub fn number(p: Points) -> String {
    p.to_string().trim_end_matches('分').to_string()
}

fn points_of(field: Field, text: &str, problems: &mut RowProblems) -> Option<Points> {
    let parsed = Points::parse(text);
    if parsed.is_none() {
        let why = if text.is_empty() {
            format!("请填写{}", field.column())
        } else {
            format!(
                "{}应为不小于 0 的数，最多一位小数，而不是“{text}”",
                field.column()
            )
        };
        problems.push((field, why));
    }
    parsed
}

/// "A:10;B:8;C:5;D:0" (full-width ；and ：too) as (label, points) pairs.
fn options_of(text: &str, problems: &mut RowProblems) -> Option<Vec<(String, Points)>> {
    let mut out = Vec::new();
    for part in split_list(text) {
        let parsed = part
            .rsplit_once([':', '：'])
            .and_then(|(label, p)| Some((label.trim(), Points::parse(p)?)))
            .filter(|(label, _)| !label.is_empty());
        match parsed {
            Some((label, p)) => out.push((label.to_string(), p)),
            None => {
                problems.push((
                    Field::Options,
                    format!("“{part}”应写成“名称:分值”，如“A:10;B:8”或“制度健全:2”"),
                ));
                return None;
            }
        }
    }
    if out.is_empty() {
        problems.push((
            Field::Options,
            "请填写等级或检查项，如“A:10;B:8;C:5;D:0”".into(),
        ));
        return None;
    }
    Some(out)
}

fn pairs<'a>(items: impl Iterator<Item = (&'a String, Points)>) -> String {
    items
        .map(|(label, p)| format!("{label}:{}", number(p)))
        .collect::<Vec<_>>()
        .join(";")
}

/// The non-empty items of a list separated by ; or ；.
fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn evidence_of(text: &str) -> Vec<String> {
    split_list(text).map(str::to_string).collect()
}

/// A result grade (评定等次) as typed: its label and minimum; `None` for a
/// blank line, or why it cannot be read.
pub fn band_of(label: &str, min: &str) -> Result<Option<Band>, String> {
    let (label, min) = (label.trim(), min.trim());
    match (label.is_empty(), min.is_empty()) {
        (true, true) => Ok(None),
        (true, false) => Err(format!("最低分 {min} 缺少评定等次名称")),
        (false, true) => Err(format!("请填写“{label}”的最低分")),
        (false, false) => Points::parse(min)
            .map(|min| {
                Some(Band {
                    label: label.to_string(),
                    min,
                })
            })
            .ok_or_else(|| format!("“{label}”的最低分应为不小于 0 的数，而不是“{min}”")),
    }
}
