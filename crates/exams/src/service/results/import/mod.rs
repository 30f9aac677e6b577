//! Results from a spreadsheet, per student (考号, 身份证件号, 姓名, 科类, one
//! column per paper, 总分) joined to the student record by national ID or
//! 考号, or per school where only totals exist (学校, 科类, 参考人数, one
//! column per line). Every row is checked and each problem named by row,
//! column and reason; a bad file changes nothing.

use std::collections::{HashMap, HashSet};

use platform::excel::{RowError, Table, TableRow};
use serde::Serialize;

use crate::store::results::Line;

mod schools;
mod students;

pub use schools::import_schools;
pub use students::import_students;

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

impl ImportOutcome {
    pub(crate) fn applied(rows: usize) -> ImportOutcome {
        ImportOutcome {
            applied: true,
            rows,
            errors: vec![],
        }
    }
}

pub(crate) fn refused(table: &Table, errors: Vec<RowError>) -> ImportOutcome {
    let sheet = table.sheet.as_deref();
    ImportOutcome {
        applied: false,
        rows: 0,
        errors: errors.into_iter().map(|e| e.in_sheet(sheet)).collect(),
    }
}

/// The fixed columns by header, and the extra ones (papers or lines) with
/// their index.
type Columns = (HashMap<String, usize>, Vec<(String, usize)>);

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
) -> Result<Columns, Vec<RowError>> {
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

/// A count typed in a cell (不小于 0 的整数); a bad one is named.
pub(crate) fn count(r: &TableRow, name: &str, c: usize, errors: &mut Vec<RowError>) -> i64 {
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
