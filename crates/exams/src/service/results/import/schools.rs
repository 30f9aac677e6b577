//! Results per school where only totals exist (the bureau's import).

use std::collections::{HashMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::excel::{RowError, Table};
use platform::AppError;

use super::{cell, columns, count, refused, track_of, ImportOutcome, SCHOOL_HEADERS};
use crate::store::results as store;

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
    let version = super::super::open_version(&mut tx, caller, exam).await?;
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
    Ok(ImportOutcome::applied(rows.len()))
}
