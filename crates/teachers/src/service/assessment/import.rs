//! 年度考核 from a spreadsheet: one row per person (身份证件号, 姓名,
//! 考核等次, 备注), matched to the institution's active staff by national
//! ID. Every row is checked and named in the error list; nothing is saved
//! unless every row and the quota pass.

use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::excel::{RowError, Table};
use platform::{AppError, InstitutionId};
use serde::Serialize;

use super::{check_year, institution_of, save, Line, Saved};
use crate::domain::AssessmentGrade;
use crate::store::assessment as store;

/// The columns of the import file, in template order.
pub const IMPORT_HEADERS: [&str; 4] = ["身份证件号", "姓名", "考核等次", "备注"];

/// What an import did: the grades saved, or every problem found.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    pub applied: bool,
    pub saved: Option<Saved>,
    pub errors: Vec<RowError>,
}

fn column(table: &Table, name: &str) -> Option<usize> {
    table.headers.iter().position(|h| h.trim() == name)
}

pub async fn import_table(
    db: &Db,
    caller: &Caller,
    asked: Option<InstitutionId>,
    year: i64,
    table: &Table,
) -> Result<ImportOutcome, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let institution = institution_of(caller, asked)?;
    check_year(year)?;
    let sheet = table.sheet.as_deref();
    let refuse = |errors: Vec<RowError>| ImportOutcome {
        applied: false,
        saved: None,
        errors: errors.into_iter().map(|e| e.in_sheet(sheet)).collect(),
    };
    let cols: Vec<Option<usize>> = IMPORT_HEADERS[..3]
        .iter()
        .map(|h| column(table, h))
        .collect();
    let missing: Vec<RowError> = IMPORT_HEADERS[..3]
        .iter()
        .zip(&cols)
        .filter(|(_, c)| c.is_none())
        .map(|(h, _)| RowError::new(table.header_row, *h, format!("缺少“{h}”列，请使用导入模板")))
        .collect();
    if !missing.is_empty() {
        return Ok(refuse(missing));
    }
    if table.rows.is_empty() {
        return Ok(refuse(vec![RowError::new(
            table.header_row,
            "",
            "文件中没有数据行",
        )]));
    }
    let (id_col, name_col, grade_col) = (
        cols[0].unwrap_or(0),
        cols[1].unwrap_or(1),
        cols[2].unwrap_or(2),
    );
    let note_col = column(table, IMPORT_HEADERS[3]);
    let staff = store::staff_by_national_id(db, institution).await?;
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    for r in &table.rows {
        let national_id = r.get(id_col).trim().to_uppercase();
        let name = r.get(name_col).trim();
        let person = staff.iter().find(|(n, _, _)| *n == national_id);
        let grade = AssessmentGrade::parse(r.get(grade_col));
        match person {
            None if national_id.is_empty() => {
                errors.push(RowError::new(r.number, "身份证件号", "身份证件号不能为空"))
            }
            None => errors.push(RowError::new(
                r.number,
                "身份证件号",
                format!("身份证件号 {national_id} 不是本单位在职教职工"),
            )),
            Some((_, _, n)) if n != name => errors.push(RowError::new(
                r.number,
                "姓名",
                format!("姓名“{name}”与身份证件号对应的教职工“{n}”不一致"),
            )),
            Some(_) => {}
        }
        if grade.is_none() {
            errors.push(RowError::new(
                r.number,
                "考核等次",
                format!(
                    "考核等次“{}”无法识别，应为优秀、合格、基本合格或不合格",
                    r.get(grade_col).trim()
                ),
            ));
        }
        if let (Some((_, id, _)), Some(grade)) = (person, grade) {
            lines.push(Line {
                staff: *id,
                grade,
                note: note_col
                    .map(|c| r.get(c).trim().to_string())
                    .unwrap_or_default(),
            });
            rows.push(r.number);
        }
    }
    if !errors.is_empty() {
        return Ok(refuse(errors));
    }
    match save(db, caller, institution, year, &lines, "导入").await? {
        Ok(saved) => Ok(ImportOutcome {
            applied: true,
            saved: Some(saved),
            errors: vec![],
        }),
        Err(refused) => Ok(refuse(
            refused
                .into_iter()
                .map(|(i, m)| match i {
                    Some(i) => RowError::new(rows[i], "考核等次", m),
                    None => RowError::new(table.header_row, "考核等次", m),
                })
                .collect(),
        )),
    }
}
