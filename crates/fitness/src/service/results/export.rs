//! Export of a school's, grade's or class's tests in the national
//! template's 体测成绩导入表 layout, so that a school submits them to the
//! national system without retyping: .xlsx (header in row 1, codes as
//! text) or .csv (UTF-8 with a byte-order mark, for Excel).

use platform::audit::Entry;
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::excel::{Cell, Workbook};
use platform::vocab::SchoolYear;
use platform::AppError;

use crate::domain::results::template::{headers, result_cells, Pupil, RESULTS_SHEET};
use crate::store::results::export::{self as store, ExportFilter, ExportRow};
use crate::store::results::sex_of;

/// A file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

/// The rows of the file, header first.
fn lines(rows: &[ExportRow]) -> Vec<Vec<String>> {
    let mut out = vec![headers().iter().map(|h| h.to_string()).collect()];
    out.extend(rows.iter().map(|r| {
        let pupil = Pupil {
            grade: r.grade as u8,
            class_name: r.class_name.clone(),
            id_number: r.id_number.clone(),
            ethnicity: r.ethnicity.clone(),
            name: r.name.clone(),
            sex: sex_of(&r.sex),
            birth_date: r.birth_date.format("%Y-%m-%d").to_string(),
            address: r.address.clone(),
        };
        result_cells(&pupil, &r.raw.sheet(r.exempt))
    }));
    out
}

/// Columns that hold codes (kept as text in the workbook).
const CODES: [&str; 5] = ["年级编号", "班级编号", "学籍号", "民族代码", "性别"];

fn xlsx(lines: &[Vec<String>]) -> anyhow::Result<Vec<u8>> {
    let head: Vec<&str> = lines[0].iter().map(String::as_str).collect();
    let mut book = Workbook::template(RESULTS_SHEET, &head);
    for line in &lines[1..] {
        let cells: Vec<Cell<'_>> = line
            .iter()
            .zip(&head)
            .map(|(v, h)| {
                if CODES.contains(h) {
                    Cell::id(v.as_str())
                } else {
                    Cell::text(v.as_str())
                }
            })
            .collect();
        book.row(&cells)?;
    }
    book.finish()
}

fn csv(lines: &[Vec<String>]) -> anyhow::Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for line in lines {
            w.write_record(line)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The file of `filter` and its name.
pub async fn export(
    db: &Db,
    caller: &Caller,
    filter: &ExportFilter,
    format: Format,
) -> Result<(String, Vec<u8>), AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    if !caller.scope.allows(filter.institution) {
        return Err(AppError::NotFound);
    }
    let rows = store::rows(db, &caller.scope, filter).await?;
    let lines = lines(&rows);
    let bytes = match format {
        Format::Xlsx => xlsx(&lines)?,
        Format::Csv => csv(&lines)?,
    };
    let ext = match format {
        Format::Xlsx => "xlsx",
        Format::Csv => "csv",
    };
    let year = SchoolYear(filter.year).label();
    let summary = format!("导出{year}体测成绩（国家上报模板，{} 条）", rows.len());
    let entry = Entry::new("export", "fitness_test", summary)
        .institution(Some(filter.institution))
        .after(&serde_json::json!({ "grade": filter.grade, "class": filter.class_name }));
    reader.audit_view(entry).await?;
    Ok((format!("{RESULTS_SHEET}-{}.{ext}", filter.year), bytes))
}
