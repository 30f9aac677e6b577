//! What a new progress report may say after the ones before it.

use chrono::NaiveDate;
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::{Tenths, WorkItem};

/// One work item's share done.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow, utoipa::ToSchema,
)]
pub struct ItemProgress {
    pub item: WorkItem,
    #[schema(value_type = i64)]
    pub done: Tenths,
}

/// A report as entered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub reported_on: NaiveDate,
    pub overall: Tenths,
    pub items: Vec<ItemProgress>,
    /// Why progress went backwards (a re-survey, demolition); empty if it did not.
    pub reason: String,
}

/// What the project's earlier reports said: the date of the latest, its
/// overall figure, and each item's latest figure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Earlier {
    pub reported_on: Option<NaiveDate>,
    pub overall: Option<Tenths>,
    pub items: Vec<ItemProgress>,
}

/// Every reason to refuse `draft` after `earlier` on `today`, each on the
/// field it concerns: a date before the latest report or in the future, an
/// item named twice, progress going backwards (overall or an item) without
/// a reason.
pub fn check_report(earlier: &Earlier, draft: &Draft, today: NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.reported_on > today {
        errors.push(FieldError::new(
            "reported_on",
            format!(
                "报告日期 {} 晚于今天，请填写实际填报的日期",
                draft.reported_on
            ),
        ));
    }
    if let Some(last) = earlier.reported_on.filter(|last| draft.reported_on < *last) {
        errors.push(FieldError::new(
            "reported_on",
            format!(
                "报告日期 {} 早于上一次报告（{last}），请按时间顺序填报",
                draft.reported_on
            ),
        ));
    }
    for (i, it) in draft.items.iter().enumerate() {
        if draft.items[..i].iter().any(|o| o.item == it.item) {
            errors.push(FieldError::new(
                "items",
                format!(
                    "工程部位“{}”填了两次，每个部位只填一个进度",
                    it.item.label()
                ),
            ));
        }
    }
    if draft.reason.trim().is_empty() {
        errors.extend(backwards(earlier, draft));
    }
    errors
}

/// The figures lower than before, each as a refusal asking for a reason.
fn backwards(earlier: &Earlier, draft: &Draft) -> Vec<FieldError> {
    let ask = |what: &str, before: Tenths, now: Tenths| {
        format!("{what}由 {before} 降为 {now}：进度倒退须在“倒退原因”中说明理由")
    };
    let mut errors = Vec::new();
    if let Some(before) = earlier.overall.filter(|b| draft.overall < *b) {
        errors.push(FieldError::new(
            "reason",
            ask("总形象进度", before, draft.overall),
        ));
    }
    for it in &draft.items {
        let before = earlier.items.iter().find(|e| e.item == it.item);
        if let Some(before) = before.filter(|b| it.done < b.done) {
            errors.push(FieldError::new(
                "reason",
                ask(it.item.label(), before.done, it.done),
            ));
        }
    }
    errors
}
