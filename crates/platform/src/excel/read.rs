use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::unneutralise;

/// Uploads larger than this are refused before parsing.
pub const MAX_UPLOAD_BYTES: usize = 256 * 1024 * 1024;
/// An .xlsx whose parts would unpack to more than this is refused as a
/// probable zip bomb.
const MAX_UNPACKED_BYTES: u64 = 2 * 1024 * 1024 * 1024;
const MAX_RATIO: u64 = 250;

/// A sheet as rows of text. `number` is the row number a user sees in Excel
/// (the header is usually row 1) or the line in a CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub header_row: usize,
    pub rows: Vec<TableRow>,
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

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReadError {
    #[error("文件是空的")]
    Empty,
    #[error("文件过大（超过 {0} MB），请拆分后分批导入")]
    TooLarge(usize),
    #[error("无法识别文件格式：请上传 Excel 工作簿（.xlsx）或 CSV 文件（{0}）")]
    NotSpreadsheet(String),
    #[error("工作簿中没有名为“{0}”的工作表")]
    NoSheet(String),
    #[error("工作表中没有表头行（第一行应为列名）")]
    NoHeader,
    #[error("文件解压后过大，疑似压缩炸弹，已拒绝")]
    ZipBomb,
    #[error("文件内容损坏，无法读取：{0}")]
    Corrupt(String),
}

/// Reads the first sheet (or the named one) of an .xlsx, or a CSV file in
/// UTF-8 or GB18030/GBK, into text rows. Blank rows are skipped; cells are
/// trimmed and full-width letters and digits made half-width.
pub fn read_table(bytes: &[u8], filename: &str, sheet: Option<&str>) -> Result<Table, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ReadError::TooLarge(MAX_UPLOAD_BYTES / 1024 / 1024));
    }
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, sheet)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::NotSpreadsheet(
            "旧版 .xls 格式请在 Excel 中另存为 .xlsx".into(),
        ));
    } else {
        read_csv(bytes, filename)?
    };
    into_table(rows)
}

fn into_table(rows: Vec<(usize, Vec<String>)>) -> Result<Table, ReadError> {
    let mut rows: Vec<(usize, Vec<String>)> = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let titles = title_rows(&rows);
    let mut rows = rows.drain(titles..);
    let (header_row, headers) = rows.next().ok_or(ReadError::NoHeader)?;
    Ok(Table {
        headers,
        header_row,
        rows: rows
            .map(|(number, cells)| TableRow { number, cells })
            .collect(),
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

fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Corrupt(format!("不是有效的 .xlsx 文件（{e}）")))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let f = archive
            .by_index_raw(i)
            .map_err(|e| ReadError::Corrupt(e.to_string()))?;
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

fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<(usize, Vec<String>)>, ReadError> {
    check_zip(bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Corrupt(format!("不是有效的 .xlsx 文件（{e}）")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| ReadError::NoSheet(s.to_string()))?,
        None => names.first().cloned().ok_or(ReadError::NoHeader)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let lead = first_col as usize;
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            let mut cells: Vec<String> = vec![String::new(); lead];
            cells.extend(r.iter().map(cell_text));
            (first_row as usize + i + 1, cells)
        })
        .collect())
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => normalize(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e17 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => {
                t.date().format("%Y-%m-%d").to_string()
            }
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => normalize(s),
        Data::Error(e) => format!("#错误:{e}"),
    }
}

fn read_csv(bytes: &[u8], filename: &str) -> Result<Vec<(usize, Vec<String>)>, ReadError> {
    let text = decode_text(bytes).ok_or_else(|| ReadError::NotSpreadsheet(filename.to_string()))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Line numbers are counted here: the reader's own count starts a record
    // at the blank lines before it.
    let (mut line, mut counted_to) = (1usize, 0usize);
    for r in reader.records() {
        let r = r.map_err(|e| ReadError::Corrupt(format!("CSV 格式错误：{e}")))?;
        let mut start = r
            .position()
            .map(|p| p.byte() as usize)
            .unwrap_or(counted_to);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        rows.push((line, r.iter().map(normalize).collect()));
    }
    Ok(rows)
}

/// UTF-8 (with or without BOM), else GB18030 (a superset of GBK), which is
/// what Excel writes for "CSV" on a Chinese Windows. Binary data is refused.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) => {
            let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            (!had_errors).then(|| text.into_owned())
        }
    }
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
mod tests {
    use super::*;

    #[test]
    fn csv_in_gbk_is_decoded() {
        let (gbk, _, _) = encoding_rs::GBK.encode("名称,代码\n实验小学,001\n");
        let t = read_table(&gbk, "a.csv", None).unwrap();
        assert_eq!(t.headers, vec!["名称", "代码"]);
        assert_eq!(t.rows[0].cells, vec!["实验小学", "001"]);
        assert_eq!(t.rows[0].number, 2);
    }

    #[test]
    fn full_width_and_spaces_are_normalised() {
        assert_eq!(normalize(" ３３０５０３\u{3000}"), "330503");
        assert_eq!(normalize("Ｘ"), "X");
        assert_eq!(normalize("所在乡镇（街道）"), "所在乡镇（街道）");
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(read_table(b"", "a.csv", None), Err(ReadError::Empty));
        assert!(matches!(
            read_table(b"\x00\x01\x02", "a.bin", None),
            Err(ReadError::NotSpreadsheet(_))
        ));
        assert!(matches!(
            read_table(b"PK\x03\x04garbage", "a.xlsx", None),
            Err(ReadError::Corrupt(_))
        ));
    }

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let t = read_table(
            "机构名录　生成时间：2026-09-01\n名称,代码\n实验小学,001\n".as_bytes(),
            "x.csv",
            None,
        )
        .unwrap();
        assert_eq!((t.header_row, t.headers[0].as_str()), (2, "名称"));
        assert_eq!(t.rows[0].number, 3);
        // A one-column file keeps its first row as the header.
        let t = read_table("名称\n实验小学\n".as_bytes(), "x.csv", None).unwrap();
        assert_eq!((t.header_row, t.rows.len()), (1, 1));
    }

    #[test]
    fn the_export_mark_before_a_formula_is_dropped() {
        assert_eq!(normalize("'=1+1"), "=1+1");
        assert_eq!(normalize(" '+86 572 "), "+86 572");
        assert_eq!(normalize("'abc"), "'abc");
    }

    #[test]
    fn blank_rows_are_skipped_and_numbered_as_in_the_file() {
        let t = read_table("a,b\n\n1,2\n".as_bytes(), "x.csv", None).unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].number, 3);
    }
}
