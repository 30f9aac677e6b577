//! CSV: decoded whole (UTF-8 or GB18030), read record by record, cells
//! held to the same limits as a worksheet's.

use std::collections::BTreeSet;

use super::super::decode_text;
use super::{normalize, ReadError, Rows, MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS};

pub(super) fn read(bytes: &[u8], filename: &str) -> Result<Rows, ReadError> {
    let text = decode_text(bytes).ok_or_else(|| ReadError::NotSpreadsheet(filename.to_string()))?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Line numbers are counted here: the reader's own count starts a record
    // at the blank lines before it.
    let (mut line, mut counted_to, mut kept) = (1usize, 0usize, 0usize);
    for r in reader.records() {
        let r = r.map_err(|e| ReadError::CorruptCsv(e.position().map_or(0, |p| p.line())))?;
        let mut start = r
            .position()
            .map(|p| p.byte() as usize)
            .unwrap_or(counted_to);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text
            .as_bytes()
            .get(counted_to..start)
            .unwrap_or_default()
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start.max(counted_to);
        let cells: Vec<String> = r.iter().map(normalize).collect();
        check_row(line, &cells)?;
        kept += cells.len();
        if kept > MAX_CELLS {
            return Err(ReadError::TooManyCells {
                sheet: None,
                row: line,
            });
        }
        rows.push((line, cells));
    }
    Ok(Rows {
        rows,
        lossy: BTreeSet::new(),
    })
}

/// The width and cell-length limits of one CSV record.
fn check_row(row: usize, cells: &[String]) -> Result<(), ReadError> {
    if let Some(col) = (MAX_COLUMNS..cells.len()).find(|c| !cells[*c].is_empty()) {
        return Err(ReadError::TooWide {
            sheet: None,
            row,
            col,
        });
    }
    match cells
        .iter()
        .enumerate()
        .map(|(col, c)| (col, c.chars().count()))
        .find(|(_, chars)| *chars > MAX_CELL_CHARS)
    {
        Some((col, chars)) => Err(ReadError::CellTooLong {
            sheet: None,
            row,
            col,
            chars,
        }),
        None => Ok(()),
    }
}
