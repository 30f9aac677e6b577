//! Reading the rows of an import: a workbook's 体测成绩导入表 (or the first
//! sheet whose header has the template's columns) or a CSV stream, each row
//! handed to the [`Importer`] in turn.

use platform::excel::{read_sheet, ReadError, SheetChoice};
use platform::AppError;

use super::{flush, Importer, Source, BATCH};
use crate::domain::results::template::RESULTS_SHEET;

const CHOICE: SheetChoice<'static> = SheetChoice {
    named: None,
    preferred: Some(RESULTS_SHEET),
    headers: &["年级编号", "学籍号"],
    report_lossy: false,
};

/// Reads and checks every row of `source`, handing good ones to the writer.
pub(super) async fn read(imp: &mut Importer, source: Source) -> Result<(), AppError> {
    match source {
        Source::Bytes { name, bytes } => {
            let table = read_sheet(&bytes, &name, &CHOICE)
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
            imp.outcome.sheet = table.sheet.clone();
            imp.headers(&table.headers, table.header_row);
            for r in &table.rows {
                let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
                imp.row(r.number, &cells);
                if imp.batch.len() >= BATCH && !flush(imp).await {
                    return Ok(());
                }
            }
        }
        Source::CsvReader { reader, .. } => {
            let mut csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .buffer_capacity(1 << 16)
                .from_reader(reader);
            let mut rec = csv::ByteRecord::new();
            let mut header = false;
            let mut line = 0usize;
            while csv
                .read_byte_record(&mut rec)
                .map_err(|e| csv_error(&e, line))?
            {
                line += 1;
                let Some(cells) = csv_cells(&rec) else {
                    let why = "该行不是 UTF-8 或 GBK 编码的文字".to_string();
                    imp.error(line, "", why);
                    continue;
                };
                if cells.iter().all(|c| c.is_empty()) {
                    continue;
                }
                if !header {
                    let h: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                    imp.headers(&h, line);
                    header = true;
                    continue;
                }
                imp.row(line, &cells);
                if imp.batch.len() >= BATCH && !flush(imp).await {
                    return Ok(());
                }
            }
            if !header {
                return Err(AppError::BadRequest(ReadError::NoHeader(None).to_string()));
            }
        }
    }
    flush(imp).await;
    Ok(())
}

/// The cells of a CSV record as trimmed text, or `None` if the record is
/// not UTF-8.
fn csv_cells(rec: &csv::ByteRecord) -> Option<Vec<&str>> {
    let all = std::str::from_utf8(rec.as_slice()).ok()?;
    (0..rec.len())
        .map(|i| {
            rec.range(i)
                .and_then(|r| all.get(r))
                .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}'))
        })
        .collect()
}

/// A CSV reading error (a broken quote, an unreadable encoding) in Chinese.
fn csv_error(e: &csv::Error, line: usize) -> AppError {
    let line = e.position().map_or(line as u64 + 1, |p| p.line());
    let text = match e.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => io.to_string(),
        _ => ReadError::CorruptCsv(line).to_string(),
    };
    AppError::BadRequest(text)
}
