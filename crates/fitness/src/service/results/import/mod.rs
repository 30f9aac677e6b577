//! Import of test results in the national template's 体测成绩导入表
//! layout (.csv in UTF-8 or GBK, or .xlsx). Each row is joined to its
//! pupil by 学籍号 (or ID number) among the pupils of the importing school
//! in the school year (the whole district for the bureau when no school is
//! named), checked, scored and, while the file is clean, written inside
//! one open transaction; the transaction commits only if no row was bad,
//! so a bad file changes nothing.
//!
//! Checking and writing overlap: this task reads and checks the rows and
//! sends batches of good ones through a short channel to a writer task that
//! owns the transaction.

mod read;

use std::collections::HashMap;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::excel::RowError;
use platform::vocab::SchoolYear;
use platform::{AppError, InstitutionId};
use serde::Serialize;
use tokio::sync::mpsc;

pub use students::service::import::{source_of_file, source_of_upload, Source};

use crate::domain::results::template::{aligned, class_label, column_map, read_row, TemplateRow};
use crate::domain::results::{grade_label, Field};
use crate::store::results::bulk::{self, NewTest};
use crate::store::results::{self as store, sex_of, PupilRow, Raw, Scores};

/// Which pupils an import is for.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// The school; `None`: every school of the caller's scope (bureau).
    pub institution: Option<InstitutionId>,
    pub year: SchoolYear,
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Outcome {
    /// Data rows read.
    pub rows: u64,
    /// Tests stored (0 unless the whole file was good).
    pub imported: u64,
    /// Of those, tests complete enough to be scored.
    pub scored: u64,
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
/// The columns a file must have.
const REQUIRED: [&str; 3] = ["年级编号", "学籍号", "性别"];

struct Importer {
    year: SchoolYear,
    /// Whether a pupil not found is "not in the school" or "not in the district".
    one_school: bool,
    /// The pupils of the year by ID number.
    pupils: HashMap<String, PupilRow>,
    /// Pupils met in this file, with their row.
    seen: HashMap<i64, usize>,
    /// Where each template header is in the file.
    columns: Vec<Option<usize>>,
    batch: Vec<NewTest>,
    outcome: Outcome,
    out: Option<mpsc::Sender<Vec<NewTest>>>,
}

impl Importer {
    fn error(&mut self, row: usize, column: &str, reason: String) {
        if self.outcome.errors.len() < MAX_ERRORS {
            let e = RowError::new(row, column, reason).in_sheet(self.outcome.sheet.as_deref());
            self.outcome.errors.push(e);
        } else {
            self.outcome.errors_truncated = true;
        }
    }

    fn headers(&mut self, headers: &[String], header_row: usize) {
        self.columns = column_map(headers);
        let place = match &self.outcome.sheet {
            Some(s) => format!("工作表“{s}”的表头"),
            None => "文件的表头".into(),
        };
        for h in REQUIRED {
            if !headers.iter().any(|c| c.trim() == h) {
                let why = format!("{place}缺少必需的列“{h}”（请使用体测成绩导入表的表头）");
                self.error(header_row, h, why);
            }
        }
    }

    fn writing(&self) -> bool {
        self.outcome.errors.is_empty() && self.out.is_some()
    }

    /// Checks one row; a good row joins the batch while the file is clean.
    fn row(&mut self, number: usize, cells: &[&str]) {
        self.outcome.rows += 1;
        let row = match read_row(&aligned(&self.columns, cells)) {
            Ok(r) => r,
            Err(problems) => {
                for p in problems {
                    self.error(number, p.column, p.reason);
                }
                return;
            }
        };
        let Some(pupil) = self.pupil_of(number, &row) else {
            return;
        };
        if !self.writing() {
            return;
        }
        let (grade, sex) = (row.grade, row.sex);
        let scores = Scores::of(row.sheet.score(grade, sex).as_ref());
        if scores.total.is_some() {
            self.outcome.scored += 1;
        }
        self.batch.push(NewTest {
            student_id: pupil.0,
            institution_id: pupil.1,
            grade: i64::from(grade),
            class_name: pupil.2,
            sex,
            exempt: row.sheet.exempt,
            raw: Raw::of(&row.sheet),
            scores,
        });
    }

    /// The pupil a row is about (student, institution, class), or the
    /// errors that say why it cannot be.
    fn pupil_of(&mut self, number: usize, row: &TemplateRow) -> Option<(i64, i64, String)> {
        let year = self.year.label();
        let Some(p) = self.pupils.get(&row.id_number) else {
            let place = if self.one_school {
                "本校"
            } else {
                "本区各校"
            };
            let why = format!("学籍号 {} 的学生不在{place}{year}的学籍中", row.id_number);
            self.error(number, "学籍号", why);
            return None;
        };
        let mut problems: Vec<(&str, String)> = Vec::new();
        if i64::from(row.grade) != p.grade {
            let why = format!(
                "年级编号为{}，但该生{year}在读{}",
                grade_label(row.grade),
                class_label(p.grade as u8, &p.class_name)
            );
            problems.push(("年级编号", why));
        }
        if sex_of(&p.sex_code) != row.sex {
            problems.push((
                "性别",
                format!("性别与学籍不符（学籍为{}）", sex_of(&p.sex_code).label()),
            ));
        }
        if !row.name.is_empty() && row.name != p.name {
            problems.push(("姓名", format!("姓名与学籍不符（学籍为{}）", p.name)));
        }
        if p.test_id.is_some() {
            problems.push((
                "学籍号",
                format!(
                    "{}{year}已有体测成绩，同一学年只能有一条；如需更正，请在班级成绩页面修改",
                    p.name
                ),
            ));
        }
        let found = (p.student_id, p.institution_id, p.class_name.clone());
        if let Some(first) = self.seen.insert(p.student_id, number) {
            problems.push((
                "学籍号",
                format!("该学生在第 {first} 行已有成绩，同一学年只能测一次"),
            ));
        }
        if problems.is_empty() {
            return Some(found);
        }
        for (column, why) in problems {
            self.error(number, column, why);
        }
        None
    }
}

/// Sends the batch to the writer; false once the writer has stopped.
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

/// Imports the results in `source` for `target`.
pub async fn import(
    db: &Db,
    caller: &Caller,
    source: Source,
    target: Target,
) -> Result<Outcome, AppError> {
    caller.require(WorkArea::Fitness, Access::Write)?;
    let institution = match (caller.scope, target.institution) {
        (Scope::Institution(own), Some(i)) if i != own => return Err(AppError::NotFound),
        (Scope::Institution(own), _) => Some(own),
        (Scope::All, i) => i,
    };
    let job = platform::jobs::start("fitness_results_import");
    let mut pupils = HashMap::new();
    for p in store::pupils_of_year(db, institution, target.year.0).await? {
        pupils.insert(p.id_number.clone(), p);
    }
    let mut imp = Importer {
        year: target.year,
        one_school: institution.is_some(),
        pupils,
        seen: HashMap::new(),
        columns: vec![],
        batch: Vec::with_capacity(BATCH),
        outcome: Outcome::default(),
        out: None,
    };
    let mut tx = db.begin().await?;
    let (out, batches) = mpsc::channel(QUEUE);
    imp.out = Some(out);
    let year = target.year.0;
    let writer = tokio::spawn(async move {
        let written = write(&mut tx, year, batches).await;
        (tx, written)
    });
    let read = read::read(&mut imp, source).await;
    imp.out = None;
    let (mut tx, written): (Tx, Result<u64, DbError>) = writer
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("导入写入任务失败：{e}")))?;
    read?;
    written?;
    job.rows(imp.outcome.rows as usize);
    if !imp.outcome.errors.is_empty() {
        // Dropping the transaction rolls back whatever was written.
        imp.outcome.imported = 0;
        imp.outcome.scored = 0;
        return Ok(imp.outcome);
    }
    if imp.outcome.rows == 0 {
        imp.error(1, "", "文件中没有数据行".into());
        return Ok(imp.outcome);
    }
    let summary = format!(
        "导入{}体测成绩 {} 条（已评分 {} 条）",
        target.year.label(),
        imp.outcome.imported,
        imp.outcome.scored
    );
    let entry = Entry::new("import", "fitness_test", summary).institution(institution);
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    imp.outcome.applied = true;
    job.succeeded();
    Ok(imp.outcome)
}

async fn write(
    tx: &mut Tx,
    year: i64,
    batches: mpsc::Receiver<Vec<NewTest>>,
) -> Result<u64, DbError> {
    bulk::load_stream(tx, year, batches).await
}

/// The template's result headers (for the page that explains the layout).
pub fn result_headers() -> Vec<&'static str> {
    Field::ALL.iter().map(|f| f.header()).collect()
}
