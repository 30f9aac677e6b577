//! Spreadsheet import and export: reading .xlsx/.csv uploads into rows of
//! text (IDs never pass through floating point), reporting bad rows, and
//! writing workbooks with Chinese column widths.

mod read;
mod report;
mod write;

pub use read::{decode_text, normalize, read_table, ReadError, Table, TableRow, MAX_UPLOAD_BYTES};
pub use report::{error_workbook, RowError};
pub use write::{Workbook, XLSX_MIME};
