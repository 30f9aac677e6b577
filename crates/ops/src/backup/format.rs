//! The backup file's rows payload: one gzip stream of JSON lines, the same
//! for both databases, so a backup restores into PostgreSQL and back. A
//! PostgreSQL database is backed up this way; a SQLite one as an image of
//! the database file instead (see [`super::image`]), whose header is the
//! same [`Header`] with `"payload":"sqlite-image"`.
//!
//! ```text
//! {"format":"edubureau-backup","format_version":1,"schema_version":501,…}   header
//! {"table":"institutions","columns":[{"name":"id","kind":"int"},…]}        a table
//! [1,"湖州市南浔区第一中学",true,"2024-09-01",…]                           its rows
//! {"end":"institutions","rows":152}
//! …
//! {"manifest":{…row counts and checksums…,"data_sha256":"…"}}              last line
//! ```
//!
//! A value is written in one canonical spelling whatever the database
//! (booleans as JSON booleans, dates `YYYY-MM-DD`, times in UTC to the
//! microsecond), so the checksum of a table is the same on both. A table's
//! checksum does not depend on the order of its rows (the sum of the rows'
//! SHA-256), since the two databases sort text differently; the file's own
//! integrity is the SHA-256 of every line before the manifest, and gzip's CRC.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::BackupError;

pub const FORMAT: &str = "edubureau-backup";
/// 2: the SQLite image payload was added; rows files are unchanged, and
/// files of version 1 (all rows files) are still read.
pub const FORMAT_VERSION: i64 = 2;

/// What follows the header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payload {
    /// JSON lines, table by table (every file of format version 1).
    #[default]
    Rows,
    /// The SQLite database file, LZ4-compressed.
    SqliteImage,
}

impl Payload {
    fn is_rows(&self) -> bool {
        *self == Payload::Rows
    }
}

/// How a column's values are spelled in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Int,
    Float,
    Text,
    Bool,
    /// `YYYY-MM-DD`
    Date,
    /// UTC, RFC 3339 with microseconds: `2026-12-07T05:16:00.000000Z`
    Time,
}

impl Kind {
    /// From a declared column type, as either database reports it.
    pub fn of_declared(declared: &str) -> Option<Kind> {
        let t = declared.trim().to_ascii_lowercase();
        let t = t.split('(').next().unwrap_or_default().trim();
        Some(match t {
            "integer" | "bigint" | "int" | "int8" | "int4" | "int2" | "smallint" => Kind::Int,
            "text" | "character varying" | "varchar" | "char" | "character" => Kind::Text,
            "date" => Kind::Date,
            "timestamptz" | "timestamp with time zone" | "timestamp" => Kind::Time,
            "boolean" | "bool" => Kind::Bool,
            "real" | "double precision" | "float8" | "float4" => Kind::Float,
            _ => return None,
        })
    }
}

/// One value of a row.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    /// Text, dates and times (their canonical spelling).
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub format_version: i64,
    /// The highest migration applied to the database backed up.
    pub schema_version: i64,
    /// `sqlite` or `postgres`: where the backup was taken.
    pub source: String,
    pub created_at: String,
    /// Left out for rows, so a rows header reads as in format version 1.
    #[serde(default, skip_serializing_if = "Payload::is_rows")]
    pub payload: Payload,
}

impl Header {
    pub fn new(schema_version: i64, source: &str, payload: Payload) -> Header {
        Header {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            schema_version,
            source: source.into(),
            created_at: super::dump::time_text(chrono::Utc::now()),
            payload,
        }
    }

    /// Refuses a header that is not ours or is of a newer format.
    pub(super) fn check(&self, payload: Payload) -> Result<(), BackupError> {
        if self.format != FORMAT {
            return Err(BackupError::NotABackup);
        }
        if self.format_version > FORMAT_VERSION {
            return Err(BackupError::NewerFormat(self.format_version));
        }
        if self.payload != payload {
            return Err(BackupError::Damaged("文件头与内容的类型不符".into()));
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSum {
    pub rows: u64,
    /// Sum of the rows' SHA-256 (first 16 bytes, wrapping), in hex; empty
    /// in an image's manifest, whose `data_sha256` covers the whole file.
    pub checksum: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: i64,
    pub schema_version: i64,
    pub source: String,
    pub created_at: String,
    pub tables: BTreeMap<String, TableSum>,
    /// SHA-256 of every line of the file before the manifest; of the
    /// uncompressed database file for an image.
    pub data_sha256: String,
    /// An image's compressed length: where its manifest begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload_bytes: Option<u64>,
}

impl Manifest {
    pub fn total_rows(&self) -> u64 {
        self.tables.values().map(|t| t.rows).sum()
    }

    /// One line for the command line: file, schema version, tables, rows.
    pub fn describe(&self, file: &Path) -> String {
        format!(
            "{}（数据库结构版本 {}，取自 {}，{} 张表共 {} 行，{}）",
            file.display(),
            self.schema_version,
            self.source,
            self.tables.len(),
            self.total_rows(),
            self.created_at
        )
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct TableHead {
    pub table: String,
    pub columns: Vec<Column>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct TableEnd {
    pub end: String,
    pub rows: u64,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ManifestLine {
    pub manifest: Manifest,
}

/// Order-independent sum of row hashes.
#[derive(Default)]
pub(super) struct RowSum {
    pub rows: u64,
    sum: u128,
}

impl RowSum {
    pub fn add(&mut self, line: &[u8]) {
        let digest = Sha256::digest(line);
        let mut first = [0u8; 16];
        first.copy_from_slice(&digest[..16]);
        self.rows += 1;
        self.sum = self.sum.wrapping_add(u128::from_be_bytes(first));
    }

    pub fn finish(&self) -> TableSum {
        TableSum {
            rows: self.rows,
            checksum: format!("{:032x}", self.sum),
        }
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The line of a row, in its canonical spelling, into `line`.
pub(super) fn encode_row(line: &mut Vec<u8>, values: &[Value]) -> Result<(), BackupError> {
    line.clear();
    serde_json::to_writer(&mut *line, values)?;
    Ok(())
}

/// Writes a backup file line by line, counting and hashing as it goes.
pub struct Writer {
    out: GzEncoder<BufWriter<File>>,
    file_hash: Sha256,
    header: Header,
    tables: BTreeMap<String, TableSum>,
    current: Option<(String, RowSum)>,
    line: Vec<u8>,
}

impl Writer {
    pub fn create(path: &Path, header: Header) -> Result<Writer, BackupError> {
        let file = File::create(path).map_err(|e| BackupError::io(path, e))?;
        let out = GzEncoder::new(BufWriter::new(file), flate2::Compression::fast());
        let mut w = Writer {
            out,
            file_hash: Sha256::new(),
            header,
            tables: BTreeMap::new(),
            current: None,
            line: Vec::with_capacity(4096),
        };
        let header = serde_json::to_vec(&w.header)?;
        w.write_line(&header)?;
        Ok(w)
    }

    fn write_line(&mut self, bytes: &[u8]) -> Result<(), BackupError> {
        self.file_hash.update(bytes);
        self.file_hash.update(b"\n");
        self.out.write_all(bytes)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    pub fn table(&mut self, name: &str, columns: &[Column]) -> Result<(), BackupError> {
        self.end_table()?;
        let head = serde_json::to_vec(&TableHead {
            table: name.to_string(),
            columns: columns.to_vec(),
        })?;
        self.write_line(&head)?;
        self.current = Some((name.to_string(), RowSum::default()));
        Ok(())
    }

    pub fn row(&mut self, values: &[Value]) -> Result<(), BackupError> {
        let mut line = std::mem::take(&mut self.line);
        encode_row(&mut line, values)?;
        if let Some((_, sum)) = &mut self.current {
            sum.add(&line);
        }
        self.write_line(&line)?;
        self.line = line;
        Ok(())
    }

    fn end_table(&mut self) -> Result<(), BackupError> {
        if let Some((name, sum)) = self.current.take() {
            let end = serde_json::to_vec(&TableEnd {
                end: name.clone(),
                rows: sum.rows,
            })?;
            self.write_line(&end)?;
            self.tables.insert(name, sum.finish());
        }
        Ok(())
    }

    /// Writes the manifest, flushes and syncs the file to disk.
    pub fn finish(mut self) -> Result<Manifest, BackupError> {
        self.end_table()?;
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            schema_version: self.header.schema_version,
            source: self.header.source.clone(),
            created_at: self.header.created_at.clone(),
            tables: std::mem::take(&mut self.tables),
            data_sha256: hex(&self.file_hash.clone().finalize()),
            payload_bytes: None,
        };
        let line = serde_json::to_vec(&ManifestLine {
            manifest: manifest.clone(),
        })?;
        self.out.write_all(&line)?;
        self.out.write_all(b"\n")?;
        let file = self
            .out
            .finish()?
            .into_inner()
            .map_err(|e| BackupError::Io(e.into_error()))?;
        file.sync_all()?;
        Ok(manifest)
    }
}
