use serde::Serialize;

use super::Workbook;

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
    let mut wb = Workbook::new("错误报告", &["行号", "列", "错误原因"]);
    for e in errors {
        wb.row(&[e.row.to_string(), e.column.clone(), e.reason.clone()])?;
    }
    wb.finish()
}
