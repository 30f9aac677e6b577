//! The SQLite image payload: the database file itself, as `VACUUM INTO`
//! writes it from one read transaction (a consistent copy at close to file
//! speed, without serialising a single value), LZ4-compressed.
//!
//! ```text
//! {"format":"edubureau-backup","format_version":2,"payload":"sqlite-image",…}   header, plain
//! <one LZ4 frame (with its content checksum): the database file>
//! {"manifest":{…row counts…,"data_sha256":"…","payload_bytes":N}}                last line, plain
//! ```
//!
//! The manifest's `data_sha256` is the SHA-256 of the uncompressed
//! database file; its row counts are read from the copy before it is
//! compressed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use lz4_flex::frame::{BlockSize, FrameDecoder, FrameEncoder, FrameInfo};
use sha2::{Digest, Sha256};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool};
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use super::catalogue::{self, quote};
use super::format::{hex, Header, Manifest, ManifestLine, Payload, TableSum};
use super::BackupError;

/// Buffer for reading and writing the image: large reads keep the
/// compressor busy rather than the system calls.
const CHUNK: usize = 1 << 20;

/// The manifest is looked for in this much of the end of the file.
const TAIL: u64 = 1 << 20;

const MANIFEST_START: &[u8] = b"{\"manifest\":";

/// Whether the file at `path` starts as an image does (a rows file is
/// gzip from its first byte).
pub fn is_image(path: &Path) -> Result<bool, BackupError> {
    let mut first = [0u8; 1];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut first))
        .map_err(|e| BackupError::io(path, e))?;
    Ok(n == 1 && first[0] == b'{')
}

/// Where the database copy of the backup being written to `partial` lives
/// until it is compressed (its name carries the temporary mark too).
fn copy_name(partial: &Path) -> PathBuf {
    let mut name = partial.as_os_str().to_os_string();
    name.push(".sqlite");
    PathBuf::from(name)
}

/// A database file opened read-only, never written or extended.
pub(super) async fn open_read_only(path: &Path) -> Result<SqliteConnection, BackupError> {
    Ok(SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true)
        .connect()
        .await?)
}

/// Writes the image backup of the database of `pool` to `out`: copies it
/// with `VACUUM INTO`, then compresses the copy on a blocking thread while
/// counting its rows here.
pub async fn write(pool: &SqlitePool, out: &Path) -> Result<Manifest, BackupError> {
    let copy = copy_name(out);
    std::fs::remove_file(&copy).ok();
    let result = async {
        let target = copy.to_str().ok_or_else(|| {
            BackupError::Damaged(format!("路径 {} 不是有效的文字", copy.display()))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(pool)
            .await?;
        let mut conn = open_read_only(&copy).await?;
        let (version,): (i64,) =
            sqlx::query_as("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                .fetch_one(&mut conn)
                .await?;
        let header = Header::new(version, "sqlite", Payload::SqliteImage);
        let packed = {
            let (copy, out, header) = (copy.clone(), out.to_path_buf(), header.clone());
            tokio::task::spawn_blocking(move || compress(&copy, &out, &header))
        };
        let counted = row_counts(&mut conn).await;
        conn.close().await.ok();
        let (mut file, sha, payload_bytes) = packed
            .await
            .map_err(|e| BackupError::Io(io::Error::other(e)))??;
        let manifest = Manifest {
            format_version: header.format_version,
            schema_version: version,
            source: header.source,
            created_at: header.created_at,
            tables: counted?,
            data_sha256: sha,
            payload_bytes: Some(payload_bytes),
        };
        serde_json::to_writer(
            &mut file,
            &ManifestLine {
                manifest: manifest.clone(),
            },
        )?;
        file.write_all(b"\n")?;
        file.into_inner()
            .map_err(|e| BackupError::Io(e.into_error()))?
            .sync_all()?;
        Ok(manifest)
    }
    .await;
    std::fs::remove_file(&copy).ok();
    result
}

/// The rows of every table of the database on `conn`.
async fn row_counts(
    conn: &mut SqliteConnection,
) -> Result<std::collections::BTreeMap<String, TableSum>, BackupError> {
    let mut counts = std::collections::BTreeMap::new();
    for t in catalogue::sqlite(conn).await? {
        let sql = format!("SELECT COUNT(*) FROM {}", quote(&t.name));
        let (rows,): (i64,) = sqlx::query_as(&sql).fetch_one(&mut *conn).await?;
        counts.insert(
            t.name,
            TableSum {
                rows: rows as u64,
                checksum: String::new(),
            },
        );
    }
    Ok(counts)
}

/// Counts the bytes written through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the header and the compressed database file `copy` to `out`;
/// returns the file (for the manifest), the SHA-256 of the database and
/// the compressed length.
fn compress(
    copy: &Path,
    out: &Path,
    header: &Header,
) -> Result<(BufWriter<File>, String, u64), BackupError> {
    let file = File::create(out).map_err(|e| BackupError::io(out, e))?;
    let mut file = BufWriter::with_capacity(CHUNK, file);
    serde_json::to_writer(&mut file, header)?;
    file.write_all(b"\n")?;
    let info = FrameInfo::new()
        .block_size(BlockSize::Max4MB)
        .content_checksum(true);
    let mut lz4 = FrameEncoder::with_frame_info(
        info,
        Counted {
            inner: file,
            bytes: 0,
        },
    );
    let mut input = File::open(copy).map_err(|e| BackupError::io(copy, e))?;
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = input.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hash.update(&buf[..n]);
        lz4.write_all(&buf[..n])?;
    }
    let counted = lz4.finish().map_err(io::Error::other)?;
    Ok((counted.inner, hex(&hash.finalize()), counted.bytes))
}

/// An image backup file, its header and manifest read and checked for
/// shape; [`Image::unpack`] checks the data.
pub struct Image {
    pub header: Header,
    pub manifest: Manifest,
    path: PathBuf,
    /// Where the compressed database begins.
    start: u64,
}

impl Image {
    pub fn open(path: &Path) -> Result<Image, BackupError> {
        let mut file = File::open(path).map_err(|e| BackupError::io(path, e))?;
        let len = file.metadata().map_err(|e| BackupError::io(path, e))?.len();
        let mut line = Vec::new();
        BufReader::new(&mut file)
            .take(TAIL)
            .read_until(b'\n', &mut line)
            .map_err(|e| BackupError::io(path, e))?;
        if line.pop() != Some(b'\n') {
            return Err(BackupError::NotABackup);
        }
        let header: Header = serde_json::from_slice(&line).map_err(|_| BackupError::NotABackup)?;
        header.check(Payload::SqliteImage)?;
        let start = line.len() as u64 + 1;
        let manifest = read_manifest(&mut file, start, len).map_err(|e| match e {
            BackupError::File { source, .. } => BackupError::io(path, source),
            other => other,
        })?;
        if manifest.schema_version != header.schema_version {
            return Err(BackupError::Damaged("文件头与清单的结构版本不符".into()));
        }
        Ok(Image {
            header,
            manifest,
            path: path.to_path_buf(),
            start,
        })
    }

    /// Decompresses the database into `to`, checking it against the
    /// manifest on the way.
    pub fn unpack(&self, to: &mut impl Write) -> Result<(), BackupError> {
        let mut file = File::open(&self.path).map_err(|e| BackupError::io(&self.path, e))?;
        file.seek(SeekFrom::Start(self.start))?;
        let payload = BufReader::with_capacity(CHUNK, file)
            .take(self.manifest.payload_bytes.unwrap_or_default());
        let mut lz4 = FrameDecoder::new(payload);
        let mut hash = Sha256::new();
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = lz4
                .read(&mut buf)
                .map_err(|e| BackupError::Damaged(format!("解压失败（{e}）")))?;
            if n == 0 {
                break;
            }
            hash.update(&buf[..n]);
            to.write_all(&buf[..n])?;
        }
        if hex(&hash.finalize()) != self.manifest.data_sha256 {
            return Err(BackupError::Damaged("数据的校验和与清单不符".into()));
        }
        Ok(())
    }
}

/// The manifest on the last line of the file; its stated payload length
/// must account for every byte between the header and it.
fn read_manifest(file: &mut File, start: u64, len: u64) -> Result<Manifest, BackupError> {
    let from = len.saturating_sub(TAIL).max(start);
    file.seek(SeekFrom::Start(from))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)?;
    if tail.pop() != Some(b'\n') {
        return Err(BackupError::Incomplete);
    }
    let at = tail
        .windows(MANIFEST_START.len())
        .rposition(|w| w == MANIFEST_START)
        .ok_or(BackupError::Incomplete)?;
    let line: ManifestLine =
        serde_json::from_slice(&tail[at..]).map_err(|_| BackupError::Incomplete)?;
    let m = line.manifest;
    let manifest_at = from + at as u64;
    if m.payload_bytes.map(|n| start + n) != Some(manifest_at) {
        return Err(BackupError::Damaged("文件长度与清单不符".into()));
    }
    Ok(m)
}

/// Reads the whole image and checks it; returns its manifest.
pub(super) fn check(path: &Path) -> Result<Manifest, BackupError> {
    let image = Image::open(path)?;
    image.unpack(&mut io::sink())?;
    Ok(image.manifest)
}
