//! Answers as the scoring and self-evaluation forms send them: one text
//! value per leaf (a level, points, 是/否) or, for a checklist, the
//! numbers of the items ticked.

use crate::domain::framework::Method;
use crate::domain::points::Points;
use crate::domain::score::{Answer, ScoreError};

/// What a form sent for one leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormValue<'a> {
    /// The text of a level, points or veto field.
    Text(&'a str),
    /// The items of a checklist ticked (their numbers from 0).
    Ticked(&'a [usize]),
}

/// The answer a form gives for a leaf scored by `method`: `None` when the
/// field was left empty; an error sentence when it cannot be read. A
/// checklist is always answered (nothing ticked is an answer).
pub fn parse_answer(method: &Method, value: FormValue<'_>) -> Result<Option<Answer>, String> {
    let filled = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    match (method, value) {
        (Method::Checklist(checks), FormValue::Ticked(ticked)) => {
            if let Some(bad) = ticked.iter().find(|i| **i >= checks.len()) {
                return Err(format!("没有第 {} 个检查项", bad + 1));
            }
            Ok(Some(Answer::Checks(
                (0..checks.len()).map(|i| ticked.contains(&i)).collect(),
            )))
        }
        (Method::Checklist(_), FormValue::Text(_)) => Err("请逐项勾选".into()),
        (_, FormValue::Ticked(_)) => Err("本指标不是逐项勾选".into()),
        (Method::Levels(_), FormValue::Text(text)) => Ok(filled(text).map(Answer::Level)),
        (Method::Range { .. }, FormValue::Text(text)) => match filled(text) {
            None => Ok(None),
            Some(t) => Points::parse(&t)
                .map(|p| Some(Answer::Value(p)))
                .ok_or_else(|| format!("“{t}”不是有效的分数（最多一位小数）")),
        },
        (Method::Veto { .. }, FormValue::Text(text)) => match filled(text).as_deref() {
            None => Ok(None),
            Some("yes" | "是") => Ok(Some(Answer::Veto(true))),
            Some("no" | "否") => Ok(Some(Answer::Veto(false))),
            Some(_) => Err("请选择是否触发否决".into()),
        },
    }
}

/// The leaf a scoring error belongs to, so that a form shows it there.
pub fn error_code(e: &ScoreError) -> &str {
    match e {
        ScoreError::Missing(code) | ScoreError::UnknownCode(code) => code,
        ScoreError::WrongKind { code, .. }
        | ScoreError::UnknownLevel { code, .. }
        | ScoreError::CheckCount { code, .. }
        | ScoreError::OutOfRange { code, .. } => code,
    }
}
