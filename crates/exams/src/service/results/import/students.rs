//! Results per candidate, joined to the student record by national ID or
//! by a 考号 matched before; a school imports its own students only.

use std::collections::{BTreeMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::excel::{RowError, Table};
use platform::AppError;

use super::{cell, columns, refused, track_of, ImportOutcome, STUDENT_HEADERS};
use crate::domain::{over_line, parse_score, show_score, within_max, Score};
use crate::store::results::{self as store, NewScore};

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
    let version = super::super::open_version(&mut tx, caller, exam).await?;
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
    Ok(ImportOutcome::applied(rows.len()))
}
