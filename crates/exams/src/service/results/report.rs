//! 成绩分析说明: a short report text saved with the exam, its figures
//! checked against each other and against the records of the version shown.

use figures::Finding;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::analysis::analysis;
use crate::domain::report::check_report;
use crate::store::results as store;

/// The text and every figure in it that does not follow from the records.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReportCheck {
    pub text: String,
    #[schema(value_type = Vec<Object>)]
    pub findings: Vec<Finding>,
}

/// Checks a text against the exam's figures as the caller reads them.
pub async fn check(
    db: &Db,
    caller: &Caller,
    exam: i64,
    text: &str,
) -> Result<ReportCheck, AppError> {
    let a = analysis(db, caller, exam, None).await?;
    Ok(ReportCheck {
        text: text.into(),
        findings: check_report(text, &a.facts),
    })
}

/// Saves the text with the exam (the bureau) and returns its findings: a
/// text with wrong figures is kept, so the writer can correct it, and
/// flagged wherever it is shown.
pub async fn save_report(
    db: &Db,
    caller: &Caller,
    exam: i64,
    text: &str,
) -> Result<ReportCheck, AppError> {
    caller.require_bureau(platform::auth::WorkArea::Exams)?;
    let text = text.trim();
    if text.chars().count() > 5000 {
        return Err(AppError::invalid("text", "成绩分析说明不能超过 5000 字"));
    }
    let e = store::exam(db, exam).await?;
    let checked = check(db, caller, exam, text).await?;
    let mut tx = db.begin().await?;
    store::set_report(&mut tx, exam, text).await?;
    let entry = Entry::new(
        "update",
        "exams_exam",
        format!("修改 {} 的成绩分析说明", e.name),
    )
    .id(exam)
    .before(&e.report)
    .after(&text);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(checked)
}
