//! Reading an uploaded .xlsx or .csv into rows of text. Memory is bounded
//! by the data actually present: an .xlsx is read cell by cell (never as a
//! dense range spanning the cells it declares), and what exceeds the
//! documented [limits](Limits) is refused with a message that says where
//! and what to do.

use std::collections::BTreeSet;

use super::unneutralise;

mod csv;
mod error;
mod xlsx;

pub use error::ReadError;

/// Uploads larger than this are refused before parsing (also the web body
/// limit).
pub const MAX_UPLOAD_BYTES: usize = 256 * 1024 * 1024;
/// Columns a sheet may use (column IV); a cell further right is refused.
pub const MAX_COLUMNS: usize = 256;
/// Characters a cell may hold: Excel's own limit for one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Cells kept in memory (the rows times the width each row is read to):
/// about 250,000 rows of the full 75-column student template. Larger files
/// are imported as CSV, which is streamed.
pub const MAX_CELLS: usize = 20_000_000;

/// A sheet as rows of text. `number` is the row number a user sees in Excel
/// (the header is usually row 1) or the line in a CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The worksheet read (none for a CSV file), to name in messages.
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    pub header_row: usize,
    pub rows: Vec<TableRow>,
    /// Numeric cells (row number, column index) whose value had more than
    /// 15 significant digits: Excel kept only 15, so the digits shown are
    /// not the ones typed.
    pub lossy: BTreeSet<(usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<String>,
}

impl TableRow {
    pub fn get(&self, col: usize) -> &str {
        self.cells.get(col).map(String::as_str).unwrap_or("")
    }
}

/// Which sheet of a workbook to read.
#[derive(Clone, Copy, Debug, Default)]
pub struct SheetChoice<'a> {
    /// Read this sheet and no other (refused when missing).
    pub named: Option<&'a str>,
    /// Otherwise: the sheet so named is tried first, …
    pub preferred: Option<&'a str>,
    /// … and the first sheet whose header row holds all these headers is
    /// read (an instructions sheet before the data is passed over). With no
    /// headers, or no sheet that has them, the first sheet is read.
    pub headers: &'a [&'a str],
    /// Report lossy numbers in [`Table::lossy`] for the importer to judge
    /// per column; otherwise a lossy number in a column whose header names
    /// a code or number ([`is_code_header`]) refuses the file.
    pub report_lossy: bool,
}

/// Whether a column holds a code or number that must keep every digit
/// (身份证件号, 学籍号, 学校标识码, 联系电话, 邮政编码 …).
pub fn is_code_header(header: &str) -> bool {
    ["号", "码", "电话"].iter().any(|k| header.contains(k))
}

/// Reads the first sheet (or the named one) of an .xlsx, or a CSV file in
/// UTF-8 or GB18030/GBK, into text rows. Blank rows are skipped; cells are
/// trimmed and full-width letters and digits made half-width.
pub fn read_table(bytes: &[u8], filename: &str, sheet: Option<&str>) -> Result<Table, ReadError> {
    read_sheet(
        bytes,
        filename,
        &SheetChoice {
            named: sheet,
            ..SheetChoice::default()
        },
    )
}

/// [`read_table`] choosing the sheet as `choice` says.
pub fn read_sheet(
    bytes: &[u8],
    filename: &str,
    choice: &SheetChoice<'_>,
) -> Result<Table, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ReadError::TooLarge(MAX_UPLOAD_BYTES / 1024 / 1024));
    }
    let table = if bytes.starts_with(b"PK\x03\x04") {
        xlsx::read(bytes, choice)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::OldXls);
    } else {
        into_table(None, csv::read(bytes, filename)?)?
    };
    if !choice.report_lossy {
        refuse_lossy_codes(&table)?;
    }
    Ok(table)
}

fn refuse_lossy_codes(t: &Table) -> Result<(), ReadError> {
    match t
        .lossy
        .iter()
        .find(|(_, col)| t.headers.get(*col).is_some_and(|h| is_code_header(h)))
    {
        Some(&(row, col)) => Err(ReadError::LossyNumber {
            sheet: t.sheet.clone().unwrap_or_default(),
            row,
            column: t.headers[col].clone(),
        }),
        None => Ok(()),
    }
}

/// Rows as read: (row number, cells), and the lossy cells.
pub(super) struct Rows {
    pub rows: Vec<(usize, Vec<String>)>,
    pub lossy: BTreeSet<(usize, usize)>,
}

fn into_table(sheet: Option<String>, read: Rows) -> Result<Table, ReadError> {
    let mut rows: Vec<(usize, Vec<String>)> = read
        .rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let titles = title_rows(&rows);
    let mut rows = rows.drain(titles..);
    let (header_row, headers) = rows
        .next()
        .ok_or_else(|| ReadError::NoHeader(sheet.clone()))?;
    Ok(Table {
        sheet,
        headers,
        header_row,
        rows: rows
            .map(|(number, cells)| TableRow { number, cells })
            .collect(),
        lossy: read.lossy,
    })
}

/// How many of the first (non-blank) rows are titles above the header: rows
/// with a single filled cell, such as the title row of our exports or a
/// heading a user typed over the table, followed by a row of several
/// headers. At most three, so a one-column file keeps its first row.
fn title_rows(rows: &[(usize, Vec<String>)]) -> usize {
    let filled = |cells: &[String]| cells.iter().filter(|c| !c.is_empty()).count();
    let lead = rows
        .iter()
        .take(4)
        .take_while(|(_, cells)| filled(cells) == 1)
        .count();
    match rows.get(lead) {
        Some((_, cells)) if lead <= 3 && filled(cells) > 1 => lead,
        _ => 0,
    }
}

/// The column letters Excel shows for a 0-based column index (0 → A,
/// 16383 → XFD).
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Trims (also full-width and non-breaking spaces), drops the `'` our
/// exports put before text that would start a formula, and maps full-width
/// letters, digits and hyphens (ＡＢＣ１２３－) to half-width. Chinese
/// punctuation such as （） stays as typed.
pub fn normalize(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}');
    unneutralise(trimmed)
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '－' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests;
