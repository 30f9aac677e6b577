//! Where an import's rows come from (an upload, a CSV streamed from disk),
//! how a CSV record becomes cells, and the progress an import reports.

use std::io::Read;
use std::path::Path;

use platform::excel::{detect_encoding, DecodingReader};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

/// Live progress of an import, read by the progress bar (CLI) or page.
#[derive(Debug, Default)]
pub struct Progress {
    pub rows: AtomicU64,
    pub errors: AtomicU64,
    pub bytes_done: AtomicU64,
    pub bytes_total: AtomicU64,
    /// 0 reading, 1 checking and writing, 2 committing, 3 done.
    pub phase: AtomicU8,
}

impl Progress {
    pub fn fraction(&self) -> f64 {
        let total = self.bytes_total.load(Ordering::Relaxed).max(1);
        (self.bytes_done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0)
    }

    pub fn phase_label(&self) -> &'static str {
        match self.phase.load(Ordering::Relaxed) {
            0 => "读取文件",
            1 => "校验并写入",
            2 => "提交",
            _ => "完成",
        }
    }
}

/// Where the rows come from.
pub enum Source {
    /// A whole file in memory (uploads): .xlsx or .csv.
    Bytes { name: String, bytes: Vec<u8> },
    /// A CSV file streamed from disk (the command line, large files).
    CsvReader {
        reader: Box<dyn Read + Send>,
        size: u64,
    },
}

/// The cells of a CSV record as trimmed text, or `None` if the record is
/// not UTF-8 (checked once for the whole record).
pub(super) fn csv_cells(rec: &csv::ByteRecord) -> Option<Vec<&str>> {
    let all = std::str::from_utf8(rec.as_slice()).ok()?;
    (0..rec.len())
        .map(|i| rec.range(i).and_then(|r| all.get(r)).map(trim_cell))
        .collect()
}

/// Trims white space, the byte-order mark and the full-width space from
/// both ends of a cell; most cells start and end with a visible ASCII
/// character and are returned as they are.
fn trim_cell(c: &str) -> &str {
    match (c.as_bytes().first(), c.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => c,
        _ => c.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{feff}'),
    }
}

/// Decodes a CSV upload that may be GBK into UTF-8 bytes for streaming.
pub fn utf8_csv(bytes: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(body).is_ok() {
        return Some(std::borrow::Cow::Borrowed(body));
    }
    platform::excel::decode_text(bytes).map(|s| std::borrow::Cow::Owned(s.into_bytes()))
}

/// The source for an uploaded file: a CSV (UTF-8 or GBK) is streamed, an
/// .xlsx read whole.
pub fn source_of_upload(filename: String, bytes: Vec<u8>) -> Source {
    let is_csv = filename.to_lowercase().ends_with(".csv");
    match is_csv
        .then(|| utf8_csv(&bytes).map(|c| c.into_owned()))
        .flatten()
    {
        Some(text) => Source::CsvReader {
            size: text.len() as u64,
            reader: Box::new(std::io::Cursor::new(text)),
        },
        None => Source::Bytes {
            name: filename,
            bytes,
        },
    }
}

/// The source for a file on disk: a CSV is streamed, decoded on the way
/// when it is GBK/GB18030 (the encoding is decided on the whole file, so a
/// GBK file whose first 64 KiB are plain ASCII is still read as GBK); an
/// .xlsx is read whole.
pub fn source_of_file(file: &Path) -> std::io::Result<Source> {
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file.xlsx")
            .to_string();
        return Ok(Source::Bytes {
            name,
            bytes: std::fs::read(file)?,
        });
    }
    let open = || std::fs::File::open(file).map(|f| std::io::BufReader::with_capacity(1 << 20, f));
    let encoding = detect_encoding(open()?)?;
    // UTF-8 is read as it is (the fastest path for a million rows; a BOM
    // is trimmed with the first cell).
    let reader: Box<dyn Read + Send> = if encoding.name() == "UTF-8" {
        Box::new(open()?)
    } else {
        Box::new(DecodingReader::new(open()?, encoding))
    };
    Ok(Source::CsvReader {
        size: std::fs::metadata(file)?.len(),
        reader,
    })
}
