//! Importing the fleet from a spreadsheet (.xlsx or CSV). Every row is
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

use super::{duplicate_plate, require_keeper};
use crate::domain::buses::{BusInput, BusText, Plate, FIELDS};
use crate::store::buses as store;

/// The institution's column (a school may leave it out: its rows are its own).
pub const INSTITUTION: &str = "学校";

/// Columns a file must have (besides 学校 for the bureau).
const REQUIRED: [&str; 11] = [
    "车牌号",
    "核载人数",
    "运营单位",
    "校车标牌号",
    "校车标牌有效期至",
    "年检有效期至",
    "保险有效期至",
    "驾驶人",
    "准驾车型",
    "驾驶证有效期至",
    "校车驾驶资格",
];

/// The template's header: the institution, then the bus's fields.
pub fn columns() -> Vec<&'static str> {
    std::iter::once(INSTITUTION)
        .chain(FIELDS.iter().map(|(_, label)| *label))
        .collect()
}

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct BusImportOutcome {
    /// Buses added.
    pub imported: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

fn refused(mut errors: Vec<RowError>) -> BusImportOutcome {
    errors.sort_by_key(|e| e.row);
    BusImportOutcome {
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
    let missing: Vec<RowError> = wanted
        .iter()
        .zip(&cols)
        .filter(|(w, c)| c.is_none() && (REQUIRED.contains(w) || (**w == INSTITUTION && !school)))
        .map(|(w, _)| RowError::new(table.header_row, *w, "缺少必需的列（请使用导入模板的表头）"))
        .collect();
    if missing.is_empty() {
        Ok(cols)
    } else {
        Err(missing)
    }
}

fn text_of(row: &TableRow, cols: &[Option<usize>]) -> BusText {
    let cells: [String; 13] =
        std::array::from_fn(|k| cols[k + 1].map_or("", |c| row.get(c)).trim().to_string());
    BusText::from_cells(cells)
}

/// One row read: the bus and its plate, or its problems.
fn read_row(row: &TableRow, cols: &[Option<usize>]) -> Result<(Plate, BusInput), Vec<RowError>> {
    let bus = text_of(row, cols)
        .parse()
        .map_err(|e| row_errors(row.number, e, &FIELDS))?;
    let plate = bus
        .check()
        .map_err(|e| row_errors(row.number, e, &FIELDS))?;
    Ok((plate, bus))
}

/// Adds the buses of `table`, all or nothing.
pub async fn import(
    db: &Db,
    caller: &Caller,
    institutions: &[InstitutionChoice],
    table: &Table,
) -> Result<BusImportOutcome, AppError> {
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
    let mut known: HashSet<String> = store::plates(db).await?.into_iter().collect();
    let mut errors = Vec::new();
    let mut rows: Vec<(i64, Plate, BusInput)> = Vec::new();
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
        let (plate, bus) = match read_row(row, &cols) {
            Ok(r) => r,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        if !known.insert(plate.as_str().to_string()) {
            errors.push(RowError::new(
                row.number,
                "车牌号",
                format!("车牌号 {} 已登记或在文件中重复", plate.display()),
            ));
        } else if let Some(inst) = institution {
            rows.push((inst, plate, bus));
        }
    }
    if !errors.is_empty() {
        return Ok(refused(errors));
    }
    let mut tx = db.begin().await?;
    for (inst, plate, bus) in &rows {
        store::insert(&mut tx, *inst, plate, bus)
            .await
            .map_err(|e| match e {
                platform::db::DbError::Unique(_) => duplicate_plate(plate),
                other => other.into(),
            })?;
    }
    let seats: i64 = rows.iter().map(|(_, _, b)| b.seats).sum();
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "import",
            "safety_bus",
            format!("导入校车 {} 辆，核载共 {seats} 人", rows.len()),
        )
        .institution(own)
        .after(&serde_json::json!({"imported": rows.len(), "seats": seats})),
    )
    .await?;
    tx.commit().await?;
    Ok(BusImportOutcome {
        imported: rows.len(),
        applied: true,
        errors: vec![],
    })
}
