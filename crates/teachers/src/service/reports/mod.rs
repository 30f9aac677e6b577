//! 统计报表: 生师比 by institution and stage against the balance
//! standards, the age, title, education and subject structure of the
//! full-time teachers, and shortages by subject. Each report is one table
//! (page, JSON, .xlsx) and one chart, within the caller's scope.

mod indicators;
mod ratio;
mod structure;

pub use indicators::INDICATORS;

use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::store::reports as store;

platform::text_enum! {
    /// Which report.
    pub enum ReportKind {
        Ratio = "ratio" "生师比",
        Age = "age" "年龄结构",
        Title = "title" "职称结构",
        Education = "education" "学历结构",
        Subject = "subject" "学科结构",
        Shortage = "shortage" "学科缺员",
    }
}

/// A value of a report's table.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum ReportCell {
    Text(String),
    Int(i64),
    /// A ratio or rate, none where it cannot be computed.
    Number(Option<f64>),
}

impl ReportCell {
    /// As printed: numbers to two decimals, "—" when none.
    pub fn text(&self) -> String {
        match self {
            ReportCell::Text(t) => t.clone(),
            ReportCell::Int(n) => n.to_string(),
            ReportCell::Number(Some(v)) => format!("{v:.2}"),
            ReportCell::Number(None) => "—".into(),
        }
    }
}

/// A report: its table, its chart's bars and how it is counted.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReportTable {
    pub kind: ReportKind,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<ReportCell>>,
    pub chart_title: String,
    /// (label, value) of each bar.
    pub bars: Vec<(String, f64)>,
    /// 统计口径
    pub note: String,
}

/// The report of `kind` for the caller's scope (a school: its own figures).
pub async fn report(db: &Db, caller: &Caller, kind: ReportKind) -> Result<ReportTable, AppError> {
    let reader = caller.reader(db, WorkArea::Teachers)?;
    let scope = reader.scope();
    let teachers = store::teachers(db, scope).await?;
    let today = platform::time::today();
    Ok(match kind {
        ReportKind::Ratio => ratio::report(&store::students(db, scope).await?, &teachers, today),
        ReportKind::Shortage => {
            ratio::shortage_report(&store::students(db, scope).await?, &teachers)
        }
        other => structure::report(other, &teachers, today),
    })
}

/// `count` of `total` in percent.
fn share(count: i64, total: i64) -> ReportCell {
    ReportCell::Number((total > 0).then(|| count as f64 * 100.0 / total as f64))
}
