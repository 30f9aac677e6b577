//! Reading a backup file back, checking it line by line against its
//! manifest (see [`super::format`] for the layout).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use sha2::{Digest, Sha256};

use super::format::{
    hex, Column, Header, Manifest, ManifestLine, Payload, RowSum, TableEnd, TableHead, TableSum,
};
use super::BackupError;

/// What the reader found next.
#[derive(Debug)]
pub enum Item {
    Table {
        name: String,
        columns: Vec<Column>,
    },
    Row(Vec<serde_json::Value>),
    /// The manifest, after every check passed; nothing follows it.
    End(Manifest),
}

/// Reads a backup file and checks it while reading: structure, row counts,
/// per-table checksums and the file's SHA-256 against the manifest.
pub struct Reader {
    input: BufReader<MultiGzDecoder<BufReader<File>>>,
    pub header: Header,
    file_hash: Sha256,
    tables: BTreeMap<String, TableSum>,
    current: Option<(String, usize, RowSum)>,
    line_no: u64,
    line: Vec<u8>,
    done: bool,
}

impl Reader {
    pub fn open(path: &Path) -> Result<Reader, BackupError> {
        let file = File::open(path).map_err(|e| BackupError::io(path, e))?;
        let input = BufReader::with_capacity(
            1 << 16,
            MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)),
        );
        let mut r = Reader {
            input,
            header: Header::new(0, "", Payload::Rows),
            file_hash: Sha256::new(),
            tables: BTreeMap::new(),
            current: None,
            line_no: 0,
            line: Vec::new(),
            done: false,
        };
        // Not gzip at all, or no first line: not one of our files.
        if !r.read_line().unwrap_or(false) {
            return Err(BackupError::NotABackup);
        }
        let header: Header =
            serde_json::from_slice(&r.line).map_err(|_| BackupError::NotABackup)?;
        header.check(Payload::Rows)?;
        r.hash_line();
        r.header = header;
        Ok(r)
    }

    /// Reads the next line into `self.line` (without its newline).
    fn read_line(&mut self) -> Result<bool, BackupError> {
        self.line.clear();
        let n = self
            .input
            .read_until(b'\n', &mut self.line)
            .map_err(|e| BackupError::Damaged(format!("解压失败（{e}）")))?;
        if n == 0 {
            return Ok(false);
        }
        if self.line.last() != Some(&b'\n') {
            return Err(BackupError::Damaged("最后一行不完整".into()));
        }
        self.line.pop();
        self.line_no += 1;
        Ok(true)
    }

    fn hash_line(&mut self) {
        self.file_hash.update(&self.line);
        self.file_hash.update(b"\n");
    }

    fn bad(&self, what: &str) -> BackupError {
        BackupError::Damaged(format!("第 {} 行{what}", self.line_no))
    }

    pub fn next_item(&mut self) -> Result<Item, BackupError> {
        loop {
            if self.done {
                return Err(self.bad("之后不应再有内容"));
            }
            if !self.read_line()? {
                return Err(BackupError::Incomplete);
            }
            match self.line.first() {
                Some(b'[') => {
                    let Some((_, width, sum)) = &mut self.current else {
                        return Err(self.bad("的数据不属于任何表"));
                    };
                    sum.add(&self.line);
                    let width = *width;
                    let values: Vec<serde_json::Value> = serde_json::from_slice(&self.line)
                        .map_err(|_| self.bad("不是有效的数据行"))?;
                    if values.len() != width {
                        return Err(self.bad("的列数与表头不符"));
                    }
                    self.hash_line();
                    return Ok(Item::Row(values));
                }
                Some(b'{') => {}
                _ => return Err(self.bad("无法识别")),
            }
            let object: serde_json::Value =
                serde_json::from_slice(&self.line).map_err(|_| self.bad("无法识别"))?;
            if object.get("manifest").is_some() {
                return self.manifest(object).map(Item::End);
            }
            self.hash_line();
            if object.get("end").is_some() {
                let end: TableEnd =
                    serde_json::from_value(object).map_err(|_| self.bad("无法识别"))?;
                match self.current.take() {
                    Some((name, _, sum)) if name == end.end && sum.rows == end.rows => {
                        self.tables.insert(name, sum.finish());
                    }
                    _ => return Err(self.bad("的表结尾与内容不符")),
                }
                continue;
            }
            let head: TableHead =
                serde_json::from_value(object).map_err(|_| self.bad("无法识别"))?;
            if self.current.is_some() {
                return Err(self.bad("之前的表没有结尾"));
            }
            self.current = Some((head.table.clone(), head.columns.len(), RowSum::default()));
            return Ok(Item::Table {
                name: head.table,
                columns: head.columns,
            });
        }
    }

    fn manifest(&mut self, object: serde_json::Value) -> Result<Manifest, BackupError> {
        let line: ManifestLine =
            serde_json::from_value(object).map_err(|_| self.bad("的清单无法识别"))?;
        let m = line.manifest;
        if self.current.is_some() {
            return Err(self.bad("之前的表没有结尾"));
        }
        if hex(&self.file_hash.clone().finalize()) != m.data_sha256 {
            return Err(BackupError::Damaged("数据的校验和与清单不符".into()));
        }
        if m.tables != self.tables || m.schema_version != self.header.schema_version {
            return Err(BackupError::Damaged("各表的行数或校验和与清单不符".into()));
        }
        self.done = true;
        if self.read_line()? {
            return Err(self.bad("之后不应再有内容"));
        }
        Ok(m)
    }
}

/// Reads the whole file and checks it; returns its manifest. A file under a
/// backup's temporary name is refused whatever it holds: a backup killed
/// between writing and renaming must never pass as one.
pub fn verify(path: &Path) -> Result<Manifest, BackupError> {
    refuse_temporary(path)?;
    check_contents(path)
}

/// Refuses a path that carries the temporary mark of an unfinished backup.
pub fn refuse_temporary(path: &Path) -> Result<(), BackupError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if name.contains(super::TEMPORARY_MARK) {
        return Err(BackupError::Unfinished(path.to_path_buf()));
    }
    Ok(())
}

/// Reads the whole file and checks its contents against its manifest.
pub(super) fn check_contents(path: &Path) -> Result<Manifest, BackupError> {
    if super::image::is_image(path)? {
        return super::image::check(path);
    }
    let mut r = Reader::open(path)?;
    loop {
        if let Item::End(m) = r.next_item()? {
            return Ok(m);
        }
    }
}
