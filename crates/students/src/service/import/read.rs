//! Reading the rows of an import: a workbook's data sheet (the one named
//! 学生信息, or the first whose header has the template's columns) or a
//! CSV stream, each row handed to the [`Importer`] in turn.

use std::sync::atomic::Ordering;

use platform::excel::{is_code_header, read_sheet, ReadError, SheetChoice, Table};
use platform::AppError;

use super::source::csv_cells;
use super::{flush, Importer, Progress, Source, BATCH};
use crate::domain::template::fields;

/// The sheet of the blank template, and the headers that find the data
/// sheet in a workbook that starts with instructions.
const CHOICE: SheetChoice<'static> = SheetChoice {
    named: None,
    preferred: Some("学生信息"),
    headers: &["姓名", "身份证件号"],
    report_lossy: true,
};

/// Reads and checks every row of `source`, handing good ones to the writer.
/// Stops early only on a broken file or when the writer has stopped.
pub(super) async fn read(
    imp: &mut Importer,
    source: Source,
    progress: &Progress,
) -> Result<(), AppError> {
    match source {
        Source::Bytes { name, bytes } => {
            progress
                .bytes_total
                .store(bytes.len() as u64, Ordering::Relaxed);
            let table = read_sheet(&bytes, &name, &CHOICE)
                .map_err(|e| AppError::BadRequest(e.to_string()))?;
            imp.outcome.sheet = table.sheet.clone();
            imp.headers(&table.headers, table.header_row, progress);
            let total = table.rows.len().max(1) as u64;
            for (n, r) in table.rows.iter().enumerate() {
                if !lossy_codes(imp, &table, r.number, progress) {
                    let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
                    imp.row(r.number, &cells, progress);
                }
                progress.bytes_done.store(
                    bytes.len() as u64 * (n as u64 + 1) / total,
                    Ordering::Relaxed,
                );
                if imp.batch.len() >= BATCH && !flush(imp).await {
                    return Ok(());
                }
            }
        }
        Source::CsvReader { reader, size } => {
            progress.bytes_total.store(size, Ordering::Relaxed);
            let mut csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .buffer_capacity(1 << 16)
                .from_reader(reader);
            let mut rec = csv::ByteRecord::new();
            let mut header: Option<usize> = None;
            let mut line = 0usize;
            while csv
                .read_byte_record(&mut rec)
                .map_err(|e| csv_error(&e, line))?
            {
                line += 1;
                let Some(cells) = csv_cells(&rec) else {
                    imp.error(line, "", "该行不是 UTF-8 编码；大文件请以 UTF-8 编码的 CSV 导入（Excel：另存为“CSV UTF-8”）".into(), progress);
                    continue;
                };
                if cells.iter().all(|c| c.is_empty()) {
                    continue;
                }
                if header.is_none() {
                    let h: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                    imp.headers(&h, line, progress);
                    header = Some(line);
                    continue;
                }
                imp.row(line, &cells, progress);
                if let Some(p) = rec.position() {
                    progress.bytes_done.store(p.byte(), Ordering::Relaxed);
                }
                if imp.batch.len() >= BATCH && !flush(imp).await {
                    return Ok(());
                }
            }
            if header.is_none() {
                return Err(AppError::BadRequest(ReadError::NoHeader(None).to_string()));
            }
        }
    }
    flush(imp).await;
    Ok(())
}

/// A CSV reading error (an unreadable encoding, a broken quote) in Chinese.
fn csv_error(e: &csv::Error, line: usize) -> AppError {
    let line = e.position().map_or(line as u64 + 1, |p| p.line());
    let text = match e.kind() {
        csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => io.to_string(),
        _ => ReadError::CorruptCsv(line).to_string(),
    };
    AppError::BadRequest(text)
}

/// Reports the cells of row `number` that Excel stored as numbers of more
/// than 15 digits in a column of codes (身份证件号, 学籍辅号, 联系电话 …):
/// the digits after the fifteenth are lost, so the row is not imported.
/// True when there were any. A large number in another column is kept.
fn lossy_codes(imp: &mut Importer, table: &Table, number: usize, progress: &Progress) -> bool {
    let mut any = false;
    for &(_, col) in table.lossy.range((number, 0)..(number + 1, 0)) {
        let Some(field) = imp
            .columns
            .get(col)
            .copied()
            .flatten()
            .map(|f| &fields()[f])
        else {
            continue;
        };
        if is_code_header(&field.header) {
            let why = "该单元格是超过 15 位的数字，Excel 只保留了前 15 位，后几位已变成 0；请将该列设置为文本格式后重新录入";
            imp.error(number, &field.header, why.into(), progress);
            any = true;
        }
    }
    if any {
        imp.outcome.rows += 1;
        progress.rows.fetch_add(1, Ordering::Relaxed);
    }
    any
}
