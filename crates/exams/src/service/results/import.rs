//! Results from a spreadsheet, per student (考号, 身份证件号, 姓名, 科类, one
//! column per paper, 总分) joined to the student record by national ID or
//! 考号, or per school where only totals exist (学校, 科类, 参考人数, one
//! column per line). Every row is checked and each problem named by row,
//! column and reason; a bad file changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::excel::{RowError, Table, TableRow};
use platform::AppError;
use serde::Serialize;

use crate::domain::{over_line, parse_score, show_score, within_max, Score};
use crate::store::results::{self as store, Line, NewScore};

pub const STUDENT_HEADERS: [&str; 5] = ["考号", "身份证件号", "姓名", "科类", "总分"];
pub const SCHOOL_HEADERS: [&str; 3] = ["学校", "科类", "参考人数"];
/// The track of an exam without tracks.
const ANY_TRACK: &str = "综合";

/// What an import did: the rows saved, or every problem found.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    pub applied: bool,
    pub rows: usize,
    pub errors: Vec<RowError>,
}

fn refused(table: &Table, errors: Vec<RowError>) -> ImportOutcome {
    let sheet = table.sheet.as_deref();
    ImportOutcome {
        applied: false,
        rows: 0,
        errors: errors.into_iter().map(|e| e.in_sheet(sheet)).collect(),
    }
}

fn column(table: &Table, name: &str) -> Option<usize> {
    table.headers.iter().position(|h| h.trim() == name)
}

/// The columns of the file: the fixed ones required, the others each one
/// of `known` (papers or lines); anything else is an error of the header.
fn columns(
    table: &Table,
    fixed: &[&str],
    required: &[&str],
    known: &[String],
    unknown: &str,
) -> Result<(HashMap<String, usize>, Vec<(String, usize)>), Vec<RowError>> {
    let mut errors = Vec::new();
    for h in required {
        if column(table, h).is_none() {
            errors.push(RowError::new(
                table.header_row,
                *h,
                format!("缺少“{h}”列，请使用导入模板"),
            ));
        }
    }
    let mut extra = Vec::new();
    for (i, h) in table.headers.iter().enumerate() {
        let h = h.trim();
        if h.is_empty() || fixed.contains(&h) {
            continue;
        }
        if known.iter().any(|k| k == h) {
            extra.push((h.to_string(), i));
        } else {
            errors.push(RowError::new(
                table.header_row,
                h,
                format!("{unknown}“{h}”"),
            ));
        }
    }
    if table.rows.is_empty() {
        errors.push(RowError::new(table.header_row, "", "文件中没有数据行"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let fixed = fixed
        .iter()
        .filter_map(|h| column(table, h).map(|c| (h.to_string(), c)))
        .collect();
    Ok((fixed, extra))
}

fn cell<'r>(r: &'r TableRow, cols: &HashMap<String, usize>, name: &str) -> &'r str {
    cols.get(name).map_or("", |c| r.get(*c).trim())
}

/// The track of a row: 综合 when blank; one with lines when the exam has any.
fn track_of(
    r: &TableRow,
    cols: &HashMap<String, usize>,
    lines: &[Line],
    errors: &mut Vec<RowError>,
) -> String {
    let track = match cell(r, cols, "科类") {
        "" => ANY_TRACK,
        t => t,
    };
    if !lines.is_empty() && !lines.iter().any(|l| l.track == track) {
        let known: Vec<&str> = lines
            .iter()
            .map(|l| l.track.as_str())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        errors.push(RowError::new(
            r.number,
            "科类",
            format!("科类“{track}”没有分数线，应为：{}", known.join("、")),
        ));
    }
    track.to_string()
}

struct StudentRow {
    institution: i64,
    student: i64,
    candidate_no: String,
    name: String,
    track: String,
    total: Score,
    subjects: BTreeMap<String, i64>,
}

pub async fn import_students(
    db: &Db,
    caller: &Caller,
    exam: i64,
    table: &Table,
) -> Result<ImportOutcome, AppError> {
    caller.require(WorkArea::Exams, Access::Write)?;
    let e = store::exam(db, exam).await?;
    let papers = store::papers(db, exam).await?;
    let lines = store::lines(db, exam).await?;
    let known: Vec<String> = papers.iter().map(|p| p.subject.clone()).collect();
    let (cols, subject_cols) = match columns(
        table,
        &STUDENT_HEADERS,
        &["考号", "姓名"],
        &known,
        "未知科目（本考试没有该科目）",
    ) {
        Ok(c) => c,
        Err(errors) => return Ok(refused(table, errors)),
    };
    if subject_cols.is_empty() && !cols.contains_key("总分") {
        return Ok(refused(
            table,
            vec![RowError::new(
                table.header_row,
                "总分",
                "缺少“总分”列或各科目成绩列",
            )],
        ));
    }
    let full: i64 = papers.iter().map(|p| p.max_score).sum();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let (mut numbers, mut students) = (HashSet::new(), HashSet::new());
    for r in &table.rows {
        let before = errors.len();
        let no = cell(r, &cols, "考号").to_string();
        let national_id = cell(r, &cols, "身份证件号").to_uppercase();
        let name = cell(r, &cols, "姓名").to_string();
        if no.is_empty() {
            errors.push(RowError::new(r.number, "考号", "考号不能为空"));
        } else if !numbers.insert(no.clone()) {
            errors.push(RowError::new(
                r.number,
                "考号",
                format!("考号 {no} 在文件中重复（重复考生）"),
            ));
        }
        let found = if !national_id.is_empty() {
            store::student_by_national_id(db, &national_id).await?
        } else if !no.is_empty() {
            store::student_by_candidate_no(db, exam, &no).await?
        } else {
            None
        };
        let track = track_of(r, &cols, &lines, &mut errors);
        let mut subjects = BTreeMap::new();
        for (subject, c) in &subject_cols {
            let max = papers
                .iter()
                .find(|p| &p.subject == subject)
                .map_or(0, |p| p.max_score);
            match parse_score(r.get(*c)).and_then(|s| within_max(s, Score(max)).map(|_| s)) {
                Ok(s) => {
                    subjects.insert(subject.clone(), s.0);
                }
                Err(m) => errors.push(RowError::new(r.number, subject.as_str(), m)),
            }
        }
        let sum = Score(subjects.values().sum());
        let total = match cell(r, &cols, "总分") {
            "" if !subject_cols.is_empty() => Some(sum),
            t => match parse_score(t) {
                Ok(s) if !subject_cols.is_empty() && s != sum && errors.len() == before => {
                    errors.push(RowError::new(
                        r.number,
                        "总分",
                        format!(
                            "总分 {} 与各科成绩之和 {} 不一致",
                            show_score(s),
                            show_score(sum)
                        ),
                    ));
                    None
                }
                Ok(s) if full > 0 && s.0 > full => {
                    errors.push(RowError::new(
                        r.number,
                        "总分",
                        format!(
                            "总分 {} 高于各科满分之和 {}",
                            show_score(s),
                            show_score(Score(full))
                        ),
                    ));
                    None
                }
                Ok(s) => Some(s),
                Err(m) => {
                    errors.push(RowError::new(r.number, "总分", m));
                    None
                }
            },
        };
        let who = if national_id.is_empty() {
            "考号"
        } else {
            "身份证件号"
        };
        let student = match found {
            None => {
                let key = if national_id.is_empty() {
                    &no
                } else {
                    &national_id
                };
                errors.push(RowError::new(
                    r.number,
                    who,
                    format!("未找到{who}为 {key} 的学生学籍记录"),
                ));
                None
            }
            Some(s) if s.name != name => {
                errors.push(RowError::new(
                    r.number,
                    "姓名",
                    format!("姓名“{name}”与学籍记录中的“{}”不一致", s.name),
                ));
                None
            }
            Some(s) => match s.institution_id {
                None => {
                    errors.push(RowError::new(
                        r.number,
                        who,
                        format!("{name} 当前没有在读学校"),
                    ));
                    None
                }
                Some(i) if !caller.scope.allows(platform::InstitutionId(i)) => {
                    errors.push(RowError::new(r.number, who, format!("{name} 不是本校学生")));
                    None
                }
                Some(i) if !students.insert(s.student_id) => {
                    errors.push(RowError::new(
                        r.number,
                        who,
                        format!("{name} 在文件中重复（重复考生）"),
                    ));
                    let _ = i;
                    None
                }
                Some(i) => Some((i, s.student_id)),
            },
        };
        if let (Some((institution, student)), Some(total), true) =
            (student, total, errors.len() == before)
        {
            rows.push(StudentRow {
                institution,
                student,
                candidate_no: no,
                name,
                track,
                total,
                subjects,
            });
        }
    }
    if !errors.is_empty() {
        return Ok(refused(table, errors));
    }
    let mut tx = db.begin().await?;
    let version = super::open_version(&mut tx, caller, exam).await?;
    let mut by_school: BTreeMap<i64, Vec<&StudentRow>> = BTreeMap::new();
    for r in &rows {
        by_school.entry(r.institution).or_default().push(r);
    }
    for (school, list) in &by_school {
        store::delete_school_scores(&mut tx, version, *school).await?;
        store::delete_school(&mut tx, version, *school).await?;
        for r in list {
            let subjects =
                serde_json::to_string(&r.subjects).map_err(|e| AppError::Internal(e.into()))?;
            let new = NewScore {
                institution_id: *school,
                student_id: r.student,
                candidate_no: &r.candidate_no,
                name: &r.name,
                track: &r.track,
                total: r.total.0,
                subjects,
            };
            store::insert_score(&mut tx, version, &new).await?;
        }
        let mut tracks: BTreeMap<&str, Vec<Score>> = BTreeMap::new();
        for r in list {
            tracks.entry(r.track.as_str()).or_default().push(r.total);
        }
        for (track, totals) in tracks {
            let reached: Vec<(String, i64)> = lines
                .iter()
                .filter(|l| l.track == track)
                .map(|l| (l.name.clone(), over_line(&totals, Score(l.score)) as i64))
                .collect();
            store::put_school(
                &mut tx,
                version,
                *school,
                track,
                totals.len() as i64,
                true,
                &reached,
            )
            .await?;
        }
    }
    let entry = Entry::new(
        "import",
        "exams_score",
        format!("导入 {} 考生成绩 {} 人", e.name, rows.len()),
    )
    .id(exam)
    .institution(caller.scope.institution());
    audit::commit(tx, &caller.who, entry).await?;
    Ok(ImportOutcome {
        applied: true,
        rows: rows.len(),
        errors: vec![],
    })
}

fn count(r: &TableRow, name: &str, c: usize, errors: &mut Vec<RowError>) -> i64 {
    let t = r.get(c).trim();
    match t.parse::<i64>() {
        Ok(n) if n >= 0 => n,
        _ => {
            errors.push(RowError::new(
                r.number,
                name,
                format!("“{t}”不是有效的人数（应为不小于 0 的整数）"),
            ));
            0
        }
    }
}

/// Per-school totals (the bureau's import where only totals exist).
pub async fn import_schools(
    db: &Db,
    caller: &Caller,
    exam: i64,
    table: &Table,
) -> Result<ImportOutcome, AppError> {
    caller.require_bureau(WorkArea::Exams)?;
    let e = store::exam(db, exam).await?;
    let lines = store::lines(db, exam).await?;
    let known: Vec<String> = lines.iter().map(|l| l.name.clone()).collect();
    let (cols, line_cols) = match columns(
        table,
        &SCHOOL_HEADERS,
        &["学校", "参考人数"],
        &known,
        "未知分数线（本考试没有该分数线）",
    ) {
        Ok(c) => c,
        Err(errors) => return Ok(refused(table, errors)),
    };
    let schools: HashMap<String, i64> = store::institution_names(db)
        .await?
        .into_iter()
        .map(|(id, n)| (n, id))
        .collect();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for r in &table.rows {
        let before = errors.len();
        let name = cell(r, &cols, "学校");
        let school = schools.get(name).copied();
        if school.is_none() {
            errors.push(RowError::new(
                r.number,
                "学校",
                format!("未找到学校“{name}”，请填写机构名录中的全称"),
            ));
        }
        let track = track_of(r, &cols, &lines, &mut errors);
        if !seen.insert((name.to_string(), track.clone())) {
            errors.push(RowError::new(
                r.number,
                "学校",
                format!("{name}（{track}）在文件中重复"),
            ));
        }
        let candidates = count(r, "参考人数", cols["参考人数"], &mut errors);
        let mut reached = Vec::new();
        for (line, c) in &line_cols {
            let n = count(r, line, *c, &mut errors);
            if n > candidates {
                errors.push(RowError::new(
                    r.number,
                    line.as_str(),
                    format!("上线人数 {n} 多于参考人数 {candidates}"),
                ));
            }
            if lines.iter().any(|l| l.track == track && &l.name == line) {
                reached.push((line.clone(), n));
            }
        }
        if let (Some(s), true) = (school, errors.len() == before) {
            rows.push((s, track, candidates, reached));
        }
    }
    if !errors.is_empty() {
        return Ok(refused(table, errors));
    }
    let mut tx = db.begin().await?;
    let version = super::open_version(&mut tx, caller, exam).await?;
    let mut cleared = HashSet::new();
    for (school, track, candidates, reached) in &rows {
        if cleared.insert(*school) {
            store::delete_school_scores(&mut tx, version, *school).await?;
            store::delete_school(&mut tx, version, *school).await?;
        }
        store::put_school(
            &mut tx,
            version,
            *school,
            track,
            *candidates,
            false,
            reached,
        )
        .await?;
    }
    let entry = Entry::new(
        "import",
        "exams_school_result",
        format!("导入 {} 学校汇总成绩 {} 行", e.name, rows.len()),
    )
    .id(exam);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(ImportOutcome {
        applied: true,
        rows: rows.len(),
        errors: vec![],
    })
}
