//! .xlsx: cells read one by one with calamine's streaming cell reader into
//! rows that hold only what is present, so a workbook declaring a cell at
//! XFD1048576 costs what it holds, not a range of 17 billion cells.

use std::collections::BTreeSet;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{DataRef, Reader, Xlsx};

use super::{into_table, normalize, ReadError, Rows, SheetChoice, Table};
use super::{MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS};

/// An .xlsx whose parts would unpack to more than this is refused as a
/// probable zip bomb.
const MAX_UNPACKED_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const MAX_RATIO: u64 = 250;

type Book<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Reads the sheet `choice` names or finds. A panic inside the third-party
/// parser (it does unchecked arithmetic on cell references) becomes a
/// refusal of the file, never a lost import.
pub(super) fn read(bytes: &[u8], choice: &SheetChoice<'_>) -> Result<Table, ReadError> {
    check_zip(bytes)?;
    catch_unwind(AssertUnwindSafe(|| read_book(bytes, choice))).unwrap_or(Err(ReadError::NotXlsx))
}

fn read_book(bytes: &[u8], choice: &SheetChoice<'_>) -> Result<Table, ReadError> {
    let mut book: Book<'_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| ReadError::from_xlsx(&e, ""))?;
    let names = book.sheet_names();
    if let Some(s) = choice.named {
        let name = names
            .iter()
            .find(|n| n.as_str() == s)
            .ok_or_else(|| ReadError::NoSheet(s.to_string()))?;
        return read_named(&mut book, name);
    }
    let first = names.first().ok_or(ReadError::NoHeader(None))?;
    if choice.headers.is_empty() {
        return read_named(&mut book, first);
    }
    let mut order: Vec<&String> = names
        .iter()
        .filter(|n| Some(n.as_str()) == choice.preferred)
        .collect();
    order.extend(
        names
            .iter()
            .filter(|n| Some(n.as_str()) != choice.preferred),
    );
    let mut first_read = None;
    for name in order {
        let table = match read_named(&mut book, name) {
            Ok(t) => t,
            // A sheet without rows (or a chart sheet) is not the data.
            Err(ReadError::NoHeader(_) | ReadError::CorruptSheet(_)) if name != first => continue,
            Err(e) => return Err(e),
        };
        if choice
            .headers
            .iter()
            .all(|h| table.headers.iter().any(|x| x == h))
        {
            return Ok(table);
        }
        if name == first {
            first_read = Some(table);
        }
    }
    match first_read {
        Some(t) => Ok(t),
        None => read_named(&mut book, first),
    }
}

fn read_named(book: &mut Book<'_>, name: &str) -> Result<Table, ReadError> {
    let rows = read_cells(book, name)?;
    into_table(Some(name.to_string()), rows)
}

/// Every cell present, placed in its row; rows kept in order of number.
fn read_cells(book: &mut Book<'_>, name: &str) -> Result<Rows, ReadError> {
    let corrupt = |e: calamine::XlsxError| ReadError::from_xlsx(&e, name);
    let mut cells = book.worksheet_cells_reader(name).map_err(corrupt)?;
    let sheet = || Some(name.to_string());
    let mut rows: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    let mut lossy = BTreeSet::new();
    let mut kept = 0usize;
    while let Some(cell) = cells.next_cell().map_err(corrupt)? {
        let (r, c) = cell.get_position();
        let (row, col) = (r as usize + 1, c as usize);
        let (text, is_lossy) = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        if col >= MAX_COLUMNS {
            return Err(ReadError::TooWide {
                sheet: sheet(),
                row,
                col,
            });
        }
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(ReadError::CellTooLong {
                sheet: sheet(),
                row,
                col,
                chars,
            });
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= col {
            kept += col + 1 - cells.len();
            if kept > MAX_CELLS {
                return Err(ReadError::TooManyCells {
                    sheet: sheet(),
                    row,
                });
            }
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
        if is_lossy {
            lossy.insert((row, col));
        }
    }
    Ok(Rows {
        rows: rows.into_iter().collect(),
        lossy,
    })
}

/// The text of a cell, and whether it was a number with more than 15
/// significant digits (an ID number Excel stored as a number).
fn cell_text(d: &DataRef<'_>) -> (String, bool) {
    let text = match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) => normalize(s),
        DataRef::SharedString(s) => normalize(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e17 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        DataRef::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        DataRef::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => {
                t.date().format("%Y-%m-%d").to_string()
            }
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => normalize(s),
        DataRef::Error(e) => format!("#错误:{e}"),
    };
    let lossy = match d {
        DataRef::Float(f) => f.is_finite() && f.abs() >= 1e15,
        DataRef::Int(i) => i.unsigned_abs() >= 1_000_000_000_000_000,
        _ => false,
    };
    (text, lossy)
}

fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::NotXlsx)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let f = archive.by_index_raw(i).map_err(|_| ReadError::NotXlsx)?;
        total = total.saturating_add(f.size());
        if f.size() > 1024 * 1024 && f.size() / f.compressed_size().max(1) > MAX_RATIO {
            return Err(ReadError::ZipBomb);
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(ReadError::ZipBomb);
    }
    Ok(())
}
