//! Spreadsheet import and export: reading .xlsx/.csv uploads into rows of
//! text (IDs never pass through floating point), reporting bad rows, and
//! the one writer of every export (typed cells, a title row, a frozen
//! header, Chinese column widths, no text that can run as a formula).

mod cell;
mod decode;
mod read;
mod report;
mod title;
mod write;

pub use cell::{neutralise, unneutralise, Cell};
pub use decode::{decode_text, detect_encoding, DecodingReader};
pub use read::{
    column_letters, is_code_header, normalize, read_sheet, read_table, ReadError, SheetChoice,
    Table, TableRow, MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_UPLOAD_BYTES,
};
pub use report::{error_workbook, RowError};
pub use title::Title;
pub use write::{Workbook, XLSX_MIME};
