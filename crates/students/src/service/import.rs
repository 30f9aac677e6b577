//! Bulk import of students in the national template layout (.csv or .xlsx,
//! Chinese headers, columns in any order, codes or names). One pass: each
//! row is checked and, while the file is clean, written inside one open
//! transaction; at the end the transaction commits only if the file had no
//! bad row (or the user asked for the valid rows only). A crash or kill in
//! the middle leaves nothing behind.
//!
//! Checking and writing overlap: this task reads and checks the rows and
//! sends batches of good ones through a short channel to a writer task that
//! owns the transaction ([`bulk::load_stream`]).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;

use foldhash::fast::RandomState as FastHash;
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError, Sql, Tx};
use platform::excel::RowError;
use platform::{AppError, InstitutionId};
use serde::Serialize;
use tokio::sync::mpsc;

mod read;
mod source;

pub use source::{source_of_file, source_of_upload, utf8_csv, Progress, Source};

use super::{school_year_of, today};
use crate::domain::student::{check, id_number_field, school_field};
use crate::domain::template::{fields, resolve_headers};
use crate::store::bulk::{self, BulkRow};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Any bad row: nothing is imported.
    AllOrNothing,
    /// Bad rows are reported and skipped; the rest is imported.
    ValidRowsOnly,
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Outcome {
    pub rows: u64,
    pub imported: u64,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
    /// Only the first errors are listed when a file is badly broken.
    pub errors_truncated: bool,
    /// The worksheet read (none for a CSV file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// At most this many errors are kept (the count goes on).
const MAX_ERRORS: usize = 10_000;
/// Rows written per batch.
const BATCH: usize = 5_000;
/// Batches checked ahead of the writer.
const QUEUE: usize = 3;

struct Importer {
    mode: Mode,
    /// 学校标识码 → (institution, 办学类型), within the caller's scope.
    institutions: HashMap<String, (InstitutionId, String)>,
    /// Document numbers already in the database, and those of this file
    /// with their row: a million of each in a large import, hashed with
    /// foldhash (randomly seeded per process) rather than SipHash; the keys
    /// are document numbers that passed their format check.
    existing: HashSet<String, FastHash>,
    seen: HashMap<String, usize, FastHash>,
    columns: Vec<Option<usize>>,
    batch: Vec<BulkRow>,
    outcome: Outcome,
    school_year: i64,
    today: chrono::NaiveDate,
    /// To the writer; `None` once it has stopped (its error is reported).
    out: Option<mpsc::Sender<Vec<BulkRow>>>,
}

/// The columns a file must have. 入学年月 is among them: a student without
/// it would be enrolled from the day of import and silently miss any aid
/// term whose counting day has passed.
const REQUIRED: [&str; 5] = ["姓名", "身份证件号", "年级", "学校标识码", "入学年月"];

impl Importer {
    fn error(&mut self, row: usize, column: &str, reason: String, progress: &Progress) {
        progress.errors.fetch_add(1, Ordering::Relaxed);
        if self.outcome.errors.len() < MAX_ERRORS {
            let e = RowError::new(row, column, reason).in_sheet(self.outcome.sheet.as_deref());
            self.outcome.errors.push(e);
        } else {
            self.outcome.errors_truncated = true;
        }
    }

    /// Checks a header row; missing required columns are file errors.
    fn headers(&mut self, headers: &[String], header_row: usize, progress: &Progress) {
        self.columns = resolve_headers(headers);
        let present: HashSet<usize> = self.columns.iter().flatten().copied().collect();
        let place = match &self.outcome.sheet {
            Some(s) => format!("工作表“{s}”的表头"),
            None => "文件的表头".into(),
        };
        for (i, f) in fields().iter().enumerate() {
            if REQUIRED.contains(&f.header.as_str()) && !present.contains(&i) {
                let why = format!("{place}缺少必需的列“{}”（请使用导入模板的表头）", f.header);
                self.error(header_row, &f.header, why, progress);
            }
        }
    }

    /// Checks one row; good rows join the batch.
    fn row(&mut self, number: usize, cells: &[&str], progress: &Progress) {
        let mut values = [""; 80];
        for (c, target) in self.columns.iter().enumerate() {
            if let (Some(t), Some(v)) = (target, cells.get(c)) {
                values[*t] = v;
            }
        }
        progress.rows.fetch_add(1, Ordering::Relaxed);
        self.outcome.rows += 1;
        let (student, placement) = match check(&values[..fields().len()], self.today) {
            Ok(x) => x,
            Err(problems) => {
                for e in problems {
                    self.error(number, &e.field, e.message, progress);
                }
                return;
            }
        };
        let Some((institution, school_type)) = self
            .institutions
            .get(placement.institution_code.as_str())
            .cloned()
        else {
            let why = format!(
                "没有学校标识码为“{}”的机构，或您无权向其导入学生",
                placement.institution_code
            );
            self.error(number, &fields()[school_field()].header, why, progress);
            return;
        };
        if let Err(platform::AppError::Invalid(e)) =
            crate::service::lifecycle::check_grade_taught(&school_type, placement.grade, "年级")
        {
            for f in e {
                self.error(number, "年级", f.message, progress);
            }
            return;
        }
        let id_col = &fields()[id_number_field()].header;
        if let Some(first) = self.seen.get(&student.id_number) {
            let why = format!("身份证件号与第 {first} 行重复");
            self.error(number, &id_col.clone(), why, progress);
            return;
        }
        if self.existing.contains(&student.id_number) {
            self.error(
                number,
                &id_col.clone(),
                format!(
                    "身份证件号 {} 已有学籍（转学请走转学流程）",
                    student.id_number
                ),
                progress,
            );
            return;
        }
        let Some(entered_on) = placement.entered_on else {
            let why = "请填写入学年月（如 202409）：否则学生将按导入当天入学计，可能错过统计日已过的资助学期";
            self.error(number, "入学年月", why.into(), progress);
            return;
        };
        self.seen.insert(student.id_number.clone(), number);
        self.batch.push(BulkRow {
            student,
            institution,
            grade: placement.grade,
            class_name: placement.class_name,
            entered_on,
        });
    }

    /// Whether rows should still be written (a clean file so far, or
    /// valid-rows-only mode).
    fn writing(&self) -> bool {
        self.mode == Mode::ValidRowsOnly
            || self.outcome.errors.is_empty() && !self.outcome.errors_truncated
    }
}

/// Hands the batch to the writer (or drops it when nothing is written any
/// more). Returns false when the writer has stopped on an error.
async fn flush(imp: &mut Importer) -> bool {
    if imp.writing() && !imp.batch.is_empty() {
        let batch = std::mem::replace(&mut imp.batch, Vec::with_capacity(BATCH));
        let n = batch.len() as u64;
        match &imp.out {
            Some(out) if out.send(batch).await.is_ok() => imp.outcome.imported += n,
            _ => {
                imp.out = None;
                return false;
            }
        }
    }
    imp.batch.clear();
    true
}

/// Imports students from `source`. Institution staff may import only into
/// their own institution.
pub async fn import(
    db: &Db,
    caller: &Caller,
    source: Source,
    mode: Mode,
    progress: &Progress,
) -> Result<Outcome, AppError> {
    caller.require(WorkArea::Students, platform::auth::Access::Write)?;
    let job = platform::jobs::start("students_import");
    let institutions: HashMap<String, (InstitutionId, String)> = db
        .fetch_all::<(String, InstitutionId, String)>(caller.scope.restrict(
            Sql::new("SELECT code, id, school_type FROM institutions WHERE code IS NOT NULL"),
            "id",
        ))
        .await?
        .into_iter()
        .map(|(code, id, t)| (code, (id, t)))
        .collect();
    let existing: HashSet<String, FastHash> = db
        .fetch_all::<(String,)>(Sql::new("SELECT id_number FROM students"))
        .await?
        .into_iter()
        .map(|r| r.0)
        .collect();
    let today = today();
    let mut imp = Importer {
        mode,
        institutions,
        existing,
        seen: HashMap::default(),
        columns: vec![],
        batch: Vec::with_capacity(BATCH),
        out: None,
        outcome: Outcome::default(),
        school_year: school_year_of(today),
        today,
    };
    let mut tx = db.begin().await?;
    progress.phase.store(1, Ordering::Relaxed);
    let (out, batches) = mpsc::channel(QUEUE);
    imp.out = Some(out);
    let school_year = imp.school_year;
    let writer = tokio::spawn(async move {
        let written = bulk::load_stream(&mut tx, school_year, batches).await;
        (tx, written)
    });
    let read = read::read(&mut imp, source, progress).await;
    // No more batches: the writer finishes what it has and hands the
    // transaction back.
    imp.out = None;
    let (mut tx, written): (Tx, Result<bulk::Loaded, DbError>) = writer
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("导入写入任务失败：{e}")))?;
    read?;
    let loaded = written?;
    tracing::debug!(
        rows = imp.outcome.rows,
        "import: every row checked and written"
    );
    progress.bytes_done.store(
        progress.bytes_total.load(Ordering::Relaxed),
        Ordering::Relaxed,
    );
    let mut outcome = imp.outcome;
    job.rows(outcome.rows as usize);
    if outcome.rows == 0 && outcome.errors.is_empty() {
        outcome
            .errors
            .push(RowError::new(1, "", "文件中没有数据行"));
    }
    if outcome.errors.is_empty() || mode == Mode::ValidRowsOnly && outcome.imported > 0 {
        progress.phase.store(2, Ordering::Relaxed);
        audit::record(
            &mut tx,
            &caller.who,
            Entry::new(
                "import",
                "student",
                format!(
                    "导入学生 {} 人（文件共 {} 行，错误 {} 处）",
                    outcome.imported,
                    outcome.rows,
                    outcome.errors.len()
                ),
            )
            .institution(caller.scope.institution()),
        )
        .await?;
        tx.commit().await?;
        tracing::debug!("import: committed");
        outcome.applied = true;
        job.succeeded();
        if loaded.large {
            // The students are in; statistics that lag only slow the lists
            // down for a while, so a failure here is logged, not returned.
            if let Err(e) = bulk::refresh_statistics(db).await {
                tracing::warn!(error = %e, "statistics not refreshed after a large import");
            }
        }
    } else {
        // Dropping the transaction rolls every written batch back.
        drop(tx);
        outcome.imported = 0;
    }
    progress.phase.store(3, Ordering::Relaxed);
    Ok(outcome)
}
