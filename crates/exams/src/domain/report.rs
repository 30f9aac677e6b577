//! 成绩分析说明: the figures a user types beside the records, checked two
//! ways — against each other (`figures::check`: a growth rate over the
//! wrong base) and against the records: a clause naming a school (or 全区)
//! and a line states 人数, a change, a growth rate, a 达线率 or its
//! percentage points, each compared with what the records give.

use figures::{check, numbers, Decimal, Finding, Number};

/// A figure the records give for a school (or 全区) and a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// The school's name as written in reports, or "全区".
    pub subject: String,
    pub line: String,
    pub kind: FactKind,
    pub value: Decimal,
    /// Where the value comes from, in Chinese.
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactKind {
    /// 人数 over the line.
    Count,
    /// Change on last year in 人数.
    Change,
    /// Growth rate in percent over last year's 人数.
    Growth,
    /// 达线率 in percent.
    Rate,
    /// Change of 达线率 in percentage points.
    Points,
}

/// Words that name the district in a report.
const DISTRICT_WORDS: &[&str] = &["全区", "全县", "全市"];
const CHANGE_WORDS: &[&str] = &["增加", "减少", "多", "少", "增长", "下降"];

/// Every figure of `text` that disagrees with another figure of the text or
/// with the records, in order of the text.
pub fn check_report(text: &str, facts: &[Fact]) -> Vec<Finding> {
    let mut found = check(text);
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if "。；;\n".contains(c) {
            against_records(text, start, at, facts, &mut found);
            start = at + c.len_utf8();
        }
    }
    against_records(text, start, text.len(), facts, &mut found);
    found.sort_by_key(|f| f.start);
    found.dedup_by_key(|f| f.start);
    found
}

/// The subject a clause speaks of: the longest school name it contains,
/// else the district if it names it.
fn subject_of<'f>(clause: &str, facts: &'f [Fact]) -> Option<&'f str> {
    facts
        .iter()
        .map(|f| f.subject.as_str())
        .filter(|s| {
            clause.contains(*s)
                || (*s == "全区" && DISTRICT_WORDS.iter().any(|w| clause.contains(w)))
        })
        .max_by_key(|s| if *s == "全区" { 0 } else { s.len() })
}

fn kind_of(before: &str, n: &Number) -> Option<FactKind> {
    let b = before.trim_end_matches(['了', '为', '达', '到', ' ', '约']);
    let ends = |words: &[&str]| words.iter().any(|w| b.ends_with(w));
    match n.unit.as_str() {
        "个百分点" => Some(FactKind::Points),
        "%" if ends(&["达线率", "上线率"]) => Some(FactKind::Rate),
        "%" if ends(&["增长率", "增幅", "增长", "降幅", "下降"]) => {
            Some(FactKind::Growth)
        }
        "人" | "名" if ends(CHANGE_WORDS) => Some(FactKind::Change),
        "人" | "名" => Some(FactKind::Count),
        _ => None,
    }
}

fn against_records(text: &str, from: usize, to: usize, facts: &[Fact], out: &mut Vec<Finding>) {
    let clause = &text[from..to];
    let Some(subject) = subject_of(clause, facts) else {
        return;
    };
    let Some(line) = facts
        .iter()
        .filter(|f| f.subject == subject && clause.contains(f.line.as_str()))
        .map(|f| f.line.as_str())
        .max_by_key(|l| l.len())
    else {
        return;
    };
    let mut counted = false;
    for n in numbers(clause) {
        let Some(kind) = kind_of(&clause[..n.start], &n) else {
            continue;
        };
        if kind == FactKind::Count && std::mem::replace(&mut counted, true) {
            continue;
        }
        let Some(fact) = facts
            .iter()
            .find(|f| f.subject == subject && f.line == line && f.kind == kind)
        else {
            continue;
        };
        let exact = match kind {
            FactKind::Change | FactKind::Growth => fact.value.value().abs(),
            _ => fact.value.value(),
        };
        if n.value.agrees_with(exact) {
            continue;
        }
        out.push(Finding {
            start: from + n.start,
            end: from + n.end,
            stated: format!("{}{}", n.value, n.unit),
            correct: format!("{}{}", shown_value(fact.value, kind), n.unit),
            reason: fact.source.clone(),
        });
    }
}

fn shown_value(v: Decimal, kind: FactKind) -> Decimal {
    match kind {
        FactKind::Change | FactKind::Growth => Decimal {
            units: v.units.abs(),
            scale: v.scale,
        },
        _ => v,
    }
}
