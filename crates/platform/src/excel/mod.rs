//! Spreadsheet import and export: reading .xlsx/.csv uploads into rows of
//! text (IDs never pass through floating point), reporting bad rows, and
//! the one writer of every export (typed cells, a title row, a frozen
//! header, Chinese column widths, no text that can run as a formula).

mod cell;
mod read;
mod report;
mod title;
mod write;

pub use cell::{neutralise, unneutralise, Cell};
pub use read::{decode_text, normalize, read_table, ReadError, Table, TableRow, MAX_UPLOAD_BYTES};
pub use report::{error_workbook, RowError};
pub use title::Title;
pub use write::{Workbook, XLSX_MIME};
