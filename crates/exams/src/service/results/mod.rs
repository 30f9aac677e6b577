//! Services of exams: exams with their papers and lines (the bureau), the
//! versions of their results (imports write the open one; publishing
//! freezes it; a correction opens the next with a reason), and what a
//! caller may read.

mod analysis;
mod demo;
mod import;
mod report;

pub use analysis::{analysis, Analysis, LineFigures, SchoolFigures};
pub use demo::fill_demo;
pub(crate) use import::{count, refused};
pub use import::{import_schools, import_students, ImportOutcome, SCHOOL_HEADERS, STUDENT_HEADERS};
pub use report::{check as check_report, save_report, ReportCheck};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Ex, Tx};
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{parse_score, ExamKind};
use crate::store::results::{self as store, Exam, Line, Paper, ScoreRow, Version};

/// A new exam.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ExamInput {
    pub year: i64,
    /// zhongkao, gaokao, xueye or 中考, 高考, 学业水平考试.
    pub kind: String,
    pub name: String,
}

/// A paper (科目) or a line (分数线) to add; a score as typed ("150", "587.5").
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct MarkInput {
    /// The subject of a paper, or the line's name (本科线).
    pub name: String,
    /// The line's track (科类: 综合, 物理类, 历史类 …); empty for a paper.
    #[serde(default)]
    pub track: String,
    pub score: String,
}

/// An exam with its papers, lines and result versions.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExamDetail {
    pub exam: Exam,
    pub papers: Vec<Paper>,
    pub lines: Vec<Line>,
    /// The newest first; a school sees published ones only.
    pub versions: Vec<Version>,
}

fn require_write(caller: &Caller) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Exams)
}

pub async fn list(db: &Db, caller: &Caller) -> Result<Vec<Exam>, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    Ok(store::exams(db).await?)
}

pub async fn create(db: &Db, caller: &Caller, input: &ExamInput) -> Result<i64, AppError> {
    require_write(caller)?;
    let kind = ExamKind::parse(input.kind.trim())
        .ok_or_else(|| AppError::invalid("kind", "请选择考试类别（中考、高考或学业水平考试）"))?;
    if !(2000..=2100).contains(&input.year) {
        return Err(AppError::invalid(
            "year",
            "考试年度应在 2000 至 2100 年之间",
        ));
    }
    let name = input.name.trim();
    let name = if name.is_empty() {
        format!("{}年{}", input.year, kind.label())
    } else {
        name.to_string()
    };
    let mut tx = db.begin().await?;
    let id = store::insert_exam(&mut tx, input.year, kind, &name, &caller.who.username).await?;
    let entry = Entry::new("create", "exams_exam", format!("新增考试 {name}"))
        .id(id)
        .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

pub async fn detail(db: &Db, caller: &Caller, exam: i64) -> Result<ExamDetail, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    let exam = store::exam(db, exam).await?;
    let mut versions = store::versions(db, exam.id).await?;
    if caller.scope.institution().is_some() {
        versions.retain(Version::published);
    }
    Ok(ExamDetail {
        papers: store::papers(db, exam.id).await?,
        lines: store::lines(db, exam.id).await?,
        versions,
        exam,
    })
}

/// Refuses any change once the newest version is published.
async fn require_open(ex: impl Into<Ex<'_>>, exam: i64) -> Result<Option<Version>, AppError> {
    let newest = store::versions(ex, exam).await?.into_iter().next();
    match newest {
        Some(v) if v.published() => Err(AppError::Conflict(format!(
            "第{}版成绩已发布，已冻结，不能修改；如需更正，请发起更正（生成新版本）并说明原因",
            v.version
        ))),
        other => Ok(other),
    }
}

/// The open version of the exam, opening version 1 when there is none.
pub(crate) async fn open_version(tx: &mut Tx, caller: &Caller, exam: i64) -> Result<i64, AppError> {
    match require_open(&mut *tx, exam).await? {
        Some(v) => Ok(v.id),
        None => Ok(store::insert_version(tx, exam, 1, "", &caller.who.username).await?),
    }
}

/// Adds (or changes) a paper or a line while the results are open.
pub async fn put_mark(
    db: &Db,
    caller: &Caller,
    exam: i64,
    line: bool,
    input: &MarkInput,
) -> Result<(), AppError> {
    require_write(caller)?;
    let e = store::exam(db, exam).await?;
    let name = input.name.trim();
    let field = if line { "线名称" } else { "科目" };
    if name.is_empty() || name.chars().count() > 20 {
        return Err(AppError::invalid(
            "name",
            format!("请填写{field}（20 字以内）"),
        ));
    }
    let score = parse_score(&input.score).map_err(|m| AppError::invalid("score", m))?;
    let mut tx = db.begin().await?;
    require_open(&mut tx, exam).await?;
    let (what, summary) = if line {
        let track = match input.track.trim() {
            "" => "综合",
            t => t,
        };
        store::put_line(&mut tx, exam, track, name, score.0).await?;
        (
            "exams_line",
            format!("{} {track}{name} {}", e.name, input.score.trim()),
        )
    } else {
        if score.0 == 0 {
            return Err(AppError::invalid("score", "满分应大于 0"));
        }
        store::put_paper(&mut tx, exam, name, score.0).await?;
        (
            "exams_paper",
            format!("{} {name} 满分 {}", e.name, input.score.trim()),
        )
    };
    let entry = Entry::new("update", what, summary).id(exam).after(input);
    audit::commit(tx, &caller.who, entry).await
}

/// Publishes (freezes) the open version; it must hold results.
pub async fn publish(db: &Db, caller: &Caller, exam: i64) -> Result<i64, AppError> {
    require_write(caller)?;
    let e = store::exam(db, exam).await?;
    let mut tx = db.begin().await?;
    let Some(v) = require_open(&mut tx, exam).await? else {
        return Err(AppError::Conflict("尚未导入成绩，不能发布".into()));
    };
    if crate::store::results::school_results(&mut tx, &caller.scope, v.id)
        .await?
        .is_empty()
    {
        return Err(AppError::Conflict("尚未导入成绩，不能发布".into()));
    }
    store::publish(&mut tx, v.id, &caller.who.username).await?;
    let entry = Entry::new(
        "update",
        "exams_version",
        format!("发布 {} 第{}版成绩", e.name, v.version),
    )
    .id(v.id);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(v.version)
}

/// Opens a correction: the next version, a copy of the published one.
pub async fn correct(db: &Db, caller: &Caller, exam: i64, reason: &str) -> Result<i64, AppError> {
    require_write(caller)?;
    let e = store::exam(db, exam).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", "请说明更正原因"));
    }
    let mut tx = db.begin().await?;
    let newest = store::versions(&mut tx, exam).await?.into_iter().next();
    let Some(published) = newest.filter(Version::published) else {
        return Err(AppError::Conflict(
            "当前版本尚未发布，可直接修改，无需更正".into(),
        ));
    };
    let next = published.version + 1;
    let id = store::insert_version(&mut tx, exam, next, reason, &caller.who.username).await?;
    store::copy_rows(&mut tx, published.id, id).await?;
    let entry = Entry::new(
        "create",
        "exams_version",
        format!("更正 {} 成绩：生成第{next}版", e.name),
    )
    .id(id)
    .after(&reason);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(next)
}

/// The version a caller reads: the one asked for, else the newest (a
/// school: the newest published). None when there is none yet.
pub(crate) fn shown_version(
    caller: &Caller,
    versions: &[Version],
    asked: Option<i64>,
) -> Result<Option<Version>, AppError> {
    let school = caller.scope.institution().is_some();
    let visible = |v: &&Version| !school || v.published();
    match asked {
        Some(n) => versions
            .iter()
            .filter(visible)
            .find(|v| v.version == n)
            .cloned()
            .map(Some)
            .ok_or(AppError::NotFound),
        None => Ok(versions.iter().find(visible).cloned()),
    }
}

/// One candidate's result (personal data: the view is audited).
pub async fn score(db: &Db, caller: &Caller, exam: i64, id: i64) -> Result<ScoreRow, AppError> {
    let reader = caller.reader(db, WorkArea::Exams)?;
    let row = store::score(db, &caller.scope, exam, id).await?;
    let versions = store::versions(db, exam).await?;
    let version = versions.iter().find(|v| v.id == row.version_id);
    if caller.scope.institution().is_some() && !version.is_some_and(Version::published) {
        return Err(AppError::NotFound);
    }
    let entry = Entry::new(
        "view",
        "exams_score",
        format!("查看考生 {} 的考试成绩", row.name),
    )
    .id(row.id)
    .institution(Some(platform::InstitutionId(row.institution_id)));
    reader.audit_view(entry).await?;
    Ok(row)
}

/// The candidates of a version (one school's, or all in scope), audited.
pub async fn scores(
    db: &Db,
    caller: &Caller,
    exam: i64,
    version: Option<i64>,
    institution: Option<i64>,
) -> Result<(Option<Version>, Vec<ScoreRow>), AppError> {
    let reader = caller.reader(db, WorkArea::Exams)?;
    let e = store::exam(db, exam).await?;
    let versions = store::versions(db, exam).await?;
    let Some(v) = shown_version(caller, &versions, version)? else {
        return Ok((None, vec![]));
    };
    let rows = store::scores(db, &caller.scope, exam, v.id, institution).await?;
    let entry = Entry::new(
        "view",
        "exams_score",
        format!(
            "查看 {} 第{}版考生成绩 {} 人",
            e.name,
            v.version,
            rows.len()
        ),
    )
    .institution(caller.scope.institution());
    reader.audit_view(entry).await?;
    Ok((Some(v), rows))
}
