//! Finds the figures of a text that do not follow from the others beside
//! them, clause by clause:
//! - a change on last year and its rate: "19人，比去年增加7人，增长率36.8%"
//!   (the rate is 7 ÷ 12, last year's 12 being 19 − 7);
//! - a change from one figure to another: "由120所增加到150所，增长25%",
//!   "由31.26%提高到34.02%，提高2.76个百分点";
//! - a share: "全区教师1,200人，其中高级职称312人，占26%".
//!
//! A stated figure agrees when the exact value rounds (half up) to it at
//! the decimals the writer gave.

use crate::number::{numbers, Number};
use crate::rate::{growth_rate, share, Decimal};

/// A figure that does not follow from the figures beside it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Byte offsets of the wrong figure in the text.
    pub start: usize,
    pub end: usize,
    pub stated: String,
    pub correct: String,
    /// How the correct value follows, in Chinese.
    pub reason: String,
}

const LAST_YEAR: &[&str] = &["比去年", "较去年", "比上年", "较上年", "同比"];
const UP: &[&str] = &["增加", "增长", "提高", "上升", "多"];
const DOWN: &[&str] = &["减少", "下降", "降低", "少"];
const RATE_WORDS: &[&str] = &["增长率", "增幅", "增长", "降幅", "下降", "提高", "减少"];

/// Every inconsistent figure of `text`, in order.
pub fn check(text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if "。；;！？!?\n".contains(c) {
            check_clause(text, start, at, &mut findings);
            start = at + c.len_utf8();
        }
    }
    check_clause(text, start, text.len(), &mut findings);
    findings
}

/// A clause's text and its numbers (offsets in the whole text).
struct Clause<'t> {
    text: &'t str,
    from: usize,
    nums: Vec<Number>,
}

impl<'t> Clause<'t> {
    /// The clause's text before a number.
    fn before(&self, n: &Number) -> &'t str {
        &self.text[self.from..n.start]
    }
}

fn check_clause(text: &str, from: usize, to: usize, findings: &mut Vec<Finding>) {
    let nums = numbers(&text[from..to])
        .into_iter()
        .map(|n| Number {
            start: n.start + from,
            end: n.end + from,
            ..n
        })
        .collect();
    let clause = Clause { text, from, nums };
    let found = change_on_last_year(&clause)
        .or_else(|| change_between(&clause))
        .or_else(|| share_of(&clause));
    findings.extend(found);
}

/// The word the text before a figure ends with, among `words`.
fn ends_with_any<'a>(prefix: &str, words: &[&'a str]) -> Option<&'a str> {
    let trimmed = prefix.trim_end_matches(['了', '为', '达', '到', ' ', '约']);
    words.iter().find(|w| trimmed.ends_with(**w)).copied()
}

/// The sign of a change stated as "<比去年><增加>N", if `n` is one.
fn change_sign(prefix: &str) -> Option<f64> {
    let verb_up = ends_with_any(prefix, UP);
    let verb = verb_up.or_else(|| ends_with_any(prefix, DOWN))?;
    let trimmed = prefix.trim_end_matches(['了', '为', '达', '到', ' ', '约']);
    let head = &trimmed[..trimmed.len() - verb.len()];
    ends_with_any(head, LAST_YEAR)?;
    Some(if verb_up.is_some() { 1.0 } else { -1.0 })
}

fn rate_after<'c>(c: &'c Clause, after: usize) -> Option<&'c Number> {
    c.nums
        .iter()
        .skip(after + 1)
        .find(|n| n.is_percent() && ends_with_any(c.before(n), RATE_WORDS).is_some())
}

fn finding(n: &Number, exact: f64, reason: String) -> Option<Finding> {
    if n.value.agrees_with(exact) {
        return None;
    }
    // A rate is shown to at least one decimal; a count as written.
    let scale = if n.is_percent() || n.unit == "个百分点" {
        n.value.scale.max(1)
    } else {
        n.value.scale
    };
    let correct = Decimal::round(exact, scale);
    Some(Finding {
        start: n.start,
        end: n.end,
        stated: format!("{}{}", n.value, n.unit),
        correct: format!("{correct}{}", n.unit),
        reason,
    })
}

/// "19人，比去年增加7人，增长率36.8%": the rate is over last year's figure.
fn change_on_last_year(c: &Clause) -> Option<Finding> {
    let (nums, before) = (&c.nums, |n: &Number| c.before(n));
    let (ci, change) = nums
        .iter()
        .enumerate()
        .find(|(_, n)| !n.is_percent() && !n.unit.is_empty() && change_sign(before(n)).is_some())?;
    let sign = change_sign(before(change))?;
    let total = nums[..ci]
        .iter()
        .rev()
        .chain(nums[ci + 1..].iter())
        .find(|n| n.unit == change.unit)?;
    let rate = rate_after(c, ci)?;
    let (now, delta) = (total.value.value(), sign * change.value.value());
    let last = now - delta;
    let exact = growth_rate(last, now)?;
    let mut reason = format!(
        "增长率以去年的{}{}为基数：{}{} ÷ {}{} = {}%",
        Decimal::round(last, total.value.scale),
        total.unit,
        change.value,
        change.unit,
        Decimal::round(last, total.value.scale),
        total.unit,
        Decimal::round(exact, rate.value.scale.max(1)),
    );
    if share(delta, now).is_some_and(|wrong| rate.value.agrees_with(wrong.abs())) {
        reason.push_str(&format!(
            "（{}%是以今年的{}{}为基数算出的）",
            rate.value, total.value, total.unit
        ));
    }
    finding(rate, exact.abs(), reason)
}

/// "由P增加到T，增长R%" or "由P%提高到T%，提高D个百分点".
fn change_between(c: &Clause) -> Option<Finding> {
    let (nums, before) = (&c.nums, |n: &Number| c.before(n));
    let fi = nums.iter().position(|n| {
        let b = before(n);
        b.ends_with('由') || b.ends_with('从')
    })?;
    let (from, to) = (&nums[fi], nums.get(fi + 1)?);
    let b = before(to);
    if to.unit != from.unit || !(b.ends_with('到') || b.ends_with('至')) {
        return None;
    }
    let (p, t) = (from.value.value(), to.value.value());
    let stated = nums.get(fi + 2)?;
    if from.is_percent() && stated.unit == "个百分点" {
        let exact = (t - p).abs();
        let reason = format!(
            "{}% − {}% = {}个百分点",
            to.value,
            from.value,
            Decimal::round(exact, stated.value.scale.max(1))
        );
        return finding(stated, exact, reason);
    }
    if stated.is_percent() && ends_with_any(before(stated), RATE_WORDS).is_some() {
        let exact = growth_rate(p, t)?.abs();
        let reason = format!(
            "({}{} − {}{}) ÷ {}{} = {}%",
            to.value,
            to.unit,
            from.value,
            from.unit,
            from.value,
            from.unit,
            Decimal::round(exact, stated.value.scale.max(1))
        );
        return finding(stated, exact, reason);
    }
    if stated.unit == from.unit && ends_with_any(before(stated), &[UP, DOWN].concat()).is_some() {
        let exact = (t - p).abs();
        let reason = format!(
            "{}{} − {}{} = {}{}",
            to.value,
            to.unit,
            from.value,
            from.unit,
            Decimal::round(exact, stated.value.scale),
            stated.unit
        );
        return finding(stated, exact, reason);
    }
    None
}

/// "教师1,200人，其中高级职称312人，占26%": the share is part over whole.
fn share_of(c: &Clause) -> Option<Finding> {
    let (nums, before) = (&c.nums, |n: &Number| c.before(n));
    let (ri, rate) = nums.iter().enumerate().find(|(_, n)| {
        let b = before(n).trim_end_matches(['了', '为', '达', '约']);
        n.is_percent() && (b.ends_with('占') || b.ends_with("占比"))
    })?;
    let part = nums[..ri]
        .iter()
        .rev()
        .find(|n| !n.is_percent() && !n.unit.is_empty())?;
    let whole = nums[..ri]
        .iter()
        .find(|n| n.unit == part.unit && n.start < part.start)?;
    let exact = share(part.value.value(), whole.value.value())?;
    if part.value.value() > whole.value.value() {
        return None;
    }
    let reason = format!(
        "{}{} ÷ {}{} = {}%",
        part.value,
        part.unit,
        whole.value,
        whole.unit,
        Decimal::round(exact, rate.value.scale.max(1))
    );
    finding(rate, exact, reason)
}
