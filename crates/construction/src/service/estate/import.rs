//! Importing buildings from a spreadsheet (.xlsx or CSV). Every row is
//! checked first, with the row, column and reason of each problem; a file
//! with any bad row changes nothing.

use std::collections::HashSet;

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::excel::{RowError, Table, TableRow};
use platform::vocab::check::row_errors;
use platform::web::directory::{resolve, InstitutionChoice};
use platform::AppError;
use serde::Serialize;

use super::buildings::write_error;
use super::require_keeper;
use crate::domain::estate::buildings::FIELDS;
use crate::domain::estate::{BuildingInput, BuildingText};
use crate::store::estate::buildings::{self as store};

/// The institution's column (a school may leave it out: its rows are its own).
pub const INSTITUTION: &str = "学校";

/// The template's header: the institution, then the building's fields.
pub fn columns() -> Vec<&'static str> {
    std::iter::once(INSTITUTION)
        .chain(FIELDS.iter().map(|(_, label)| *label))
        .collect()
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct BuildingImportOutcome {
    /// Buildings added.
    pub imported: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

fn refused(mut errors: Vec<RowError>) -> BuildingImportOutcome {
    errors.sort_by_key(|e| e.row);
    BuildingImportOutcome {
        errors,
        ..Default::default()
    }
}

/// Where each column of the template is in the file (None: absent).
fn map_columns(table: &Table, school: bool) -> Result<Vec<Option<usize>>, Vec<RowError>> {
    let wanted = columns();
    let cols: Vec<Option<usize>> = wanted
        .iter()
        .map(|w| table.headers.iter().position(|h| h.trim() == *w))
        .collect();
    let required = ["校舍名称", "建筑面积（平方米）", "结构类型", "层数", "用途"];
    let missing: Vec<RowError> = wanted
        .iter()
        .zip(&cols)
        .filter(|(w, c)| c.is_none() && (required.contains(w) || (**w == INSTITUTION && !school)))
        .map(|(w, _)| RowError::new(table.header_row, *w, "缺少必需的列（请使用导入模板的表头）"))
        .collect();
    if missing.is_empty() {
        Ok(cols)
    } else {
        Err(missing)
    }
}

fn text_of(row: &TableRow, cols: &[Option<usize>]) -> BuildingText {
    let cell = |k: usize| cols[k + 1].map_or("", |c| row.get(c)).trim().to_string();
    BuildingText {
        name: cell(0),
        floor_area: cell(1),
        year_built: cell(2),
        structure: cell(3),
        floors: cell(4),
        purpose: cell(5),
        grade: cell(6),
        appraised_on: cell(7),
        certificate: cell(8),
        certificate_no: cell(9),
        note: cell(10),
    }
}

/// Adds the buildings of `table`, all or nothing.
pub async fn import(
    db: &Db,
    caller: &Caller,
    institutions: &[InstitutionChoice],
    table: &Table,
) -> Result<BuildingImportOutcome, AppError> {
    require_keeper(caller)?;
    let own = caller.scope.institution();
    let cols = match map_columns(table, own.is_some()) {
        Ok(c) => c,
        Err(e) => return Ok(refused(e)),
    };
    if table.rows.is_empty() {
        return Ok(refused(vec![RowError::new(
            table.header_row + 1,
            "",
            "文件中没有数据行",
        )]));
    }
    let today = platform::time::today();
    let existing: HashSet<(i64, String)> =
        store::names(db, &caller.scope).await?.into_iter().collect();
    let mut seen: HashSet<(i64, String)> = HashSet::new();
    let mut errors = Vec::new();
    let mut rows: Vec<(i64, BuildingInput)> = Vec::new();
    for row in &table.rows {
        let institution = match own {
            Some(id) => Some(id.0),
            None => match resolve(institutions, cols[0].map_or("", |c| row.get(c))) {
                Ok(id) => Some(id.0),
                Err(m) => {
                    errors.push(RowError::new(row.number, INSTITUTION, m));
                    None
                }
            },
        };
        let parsed = text_of(row, &cols).parse(today);
        let b = match parsed {
            Ok(b) => b,
            Err(e) => {
                errors.extend(row_errors(row.number, e, &FIELDS));
                continue;
            }
        };
        let Some(inst) = institution else { continue };
        let key = (inst, b.name.clone());
        if existing.contains(&key) {
            errors.push(RowError::new(
                row.number,
                "校舍名称",
                format!("该校已有名为“{}”的校舍", b.name),
            ));
        } else if !seen.insert(key) {
            errors.push(RowError::new(
                row.number,
                "校舍名称",
                format!("“{}”在文件中重复", b.name),
            ));
        } else {
            rows.push((inst, b));
        }
    }
    if !errors.is_empty() {
        return Ok(refused(errors));
    }
    let mut tx = db.begin().await?;
    for (inst, b) in &rows {
        store::insert(&mut tx, *inst, b)
            .await
            .map_err(|e| write_error(e, &b.name))?;
    }
    let area: i64 = rows.iter().map(|(_, b)| b.floor_area).sum();
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "import",
            "construction_building",
            format!("导入校舍 {} 栋，共 {area} 平方米", rows.len()),
        )
        .institution(own)
        .after(&serde_json::json!({"imported": rows.len(), "floor_area": area})),
    )
    .await?;
    tx.commit().await?;
    Ok(BuildingImportOutcome {
        imported: rows.len(),
        applied: true,
        errors: vec![],
    })
}
