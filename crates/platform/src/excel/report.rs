use serde::Serialize;

use super::{Cell, Title, Workbook};

/// One problem in an imported file: which row (as the user sees it in Excel,
/// header = row 1), which column, and why, in Chinese; in a workbook, on
/// which sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RowError {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub row: usize,
    pub column: String,
    pub reason: String,
}

impl RowError {
    pub fn new(row: usize, column: impl Into<String>, reason: impl Into<String>) -> Self {
        RowError {
            sheet: None,
            row,
            column: column.into(),
            reason: reason.into(),
        }
    }

    /// The same problem, placed on the worksheet `sheet` (none for CSV).
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_string);
        self
    }
}

/// The downloadable error report: one line per problem, with the sheet
/// when the file was a workbook.
pub fn error_workbook(errors: &[RowError]) -> anyhow::Result<Vec<u8>> {
    let title = Title::new("导入错误报告");
    let sheets = errors.iter().any(|e| e.sheet.is_some());
    let headers: &[&str] = if sheets {
        &["工作表", "行号", "列", "错误原因"]
    } else {
        &["行号", "列", "错误原因"]
    };
    let mut wb = Workbook::export(&title, headers);
    for e in errors {
        let mut cells = vec![
            Cell::Int(e.row as i64),
            Cell::text(&e.column),
            Cell::text(&e.reason),
        ];
        if sheets {
            cells.insert(0, Cell::text(e.sheet.as_deref().unwrap_or("")));
        }
        wb.row(&cells)?;
    }
    wb.finish()
}
