use serde::Serialize;

use super::{Cell, Title, Workbook};

/// One problem in an imported file: which row (as the user sees it in Excel,
/// header = row 1), which column, and why, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub row: usize,
    pub column: String,
    pub reason: String,
}

impl RowError {
    pub fn new(row: usize, column: impl Into<String>, reason: impl Into<String>) -> Self {
        RowError {
            row,
            column: column.into(),
            reason: reason.into(),
        }
    }
}

/// The downloadable error report: one line per problem.
pub fn error_workbook(errors: &[RowError]) -> anyhow::Result<Vec<u8>> {
    let title = Title::new("导入错误报告");
    let mut wb = Workbook::export(&title, &["行号", "列", "错误原因"]);
    for e in errors {
        wb.row(&[
            Cell::Int(e.row as i64),
            Cell::text(&e.column),
            Cell::text(&e.reason),
        ])?;
    }
    wb.finish()
}
