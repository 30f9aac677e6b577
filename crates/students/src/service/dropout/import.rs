//! Importing the household register of school-age children (户籍适龄儿童)
//! from a spreadsheet. Every row is checked first; a file with any bad row
//! (including an ID number twice in the file, or one already registered)
//! changes nothing.

use std::collections::{HashMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::district;
use platform::excel::{RowError, Table};
use platform::AppError;
use serde::Serialize;

use super::register_row::{check_row, CHILD_COLUMNS};
use crate::store::dropout::{self as store, NewChild};

/// Other headers seen in registers exported by other systems.
const ALIASES: [(&str, usize); 8] = [
    ("身份证号", 0),
    ("公民身份号码", 0),
    ("身份证号码", 0),
    ("乡镇（街道）", 4),
    ("所在乡镇", 4),
    ("乡镇", 4),
    ("监护人姓名", 6),
    ("联系电话", 7),
];

/// Columns that must be present: the others may be left out.
const REQUIRED: [usize; 3] = [0, 1, 4];

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct RegisterImportOutcome {
    /// Children added to the register.
    pub created: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

impl RegisterImportOutcome {
    fn refused(errors: Vec<RowError>) -> Self {
        RegisterImportOutcome {
            errors,
            ..Default::default()
        }
    }
}

fn map_columns(table: &Table) -> Result<[Option<usize>; 8], Vec<RowError>> {
    let mut cols = [None; 8];
    for (i, h) in table.headers.iter().enumerate() {
        let h = h.replace('(', "（").replace(')', "）");
        let known = CHILD_COLUMNS
            .iter()
            .position(|c| *c == h)
            .or_else(|| ALIASES.iter().find(|(a, _)| *a == h).map(|(_, k)| *k));
        if let Some(k) = known {
            cols[k].get_or_insert(i);
        }
    }
    let missing: Vec<RowError> = REQUIRED
        .iter()
        .filter(|k| cols[**k].is_none())
        .map(|k| {
            RowError::new(
                table.header_row,
                CHILD_COLUMNS[*k],
                "缺少必需的列（请使用导入模板的表头）",
            )
        })
        .collect();
    if missing.is_empty() {
        Ok(cols)
    } else {
        Err(missing)
    }
}

/// Adds the rows of `table` to the register, all or nothing (bureau only).
pub async fn import_children(
    db: &Db,
    caller: &Caller,
    table: &Table,
) -> Result<RegisterImportOutcome, AppError> {
    caller.require_bureau(WorkArea::Dropout)?;
    let job = platform::jobs::start("register_import");
    job.rows(table.rows.len());
    let cols = match map_columns(table) {
        Ok(c) => c,
        Err(errors) => return Ok(RegisterImportOutcome::refused(errors)),
    };
    if table.rows.is_empty() {
        let row = table.header_row + 1;
        return Ok(RegisterImportOutcome::refused(vec![RowError::new(
            row,
            "",
            "文件中没有数据行",
        )]));
    }
    let townships = district::townships(db).await?;
    let mut errors = Vec::new();
    let mut children: Vec<(usize, NewChild)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        match check_row(row, &cols, &townships) {
            Err(e) => errors.extend(e),
            Ok(c) => {
                if let Some(first) = seen.insert(c.id_number.clone(), row.number) {
                    errors.push(RowError::new(
                        row.number,
                        CHILD_COLUMNS[0],
                        format!("身份证件号与第 {first} 行重复"),
                    ));
                } else {
                    children.push((row.number, c));
                }
            }
        }
    }
    let ids: Vec<&str> = children.iter().map(|(_, c)| c.id_number.as_str()).collect();
    let existing: HashSet<String> = store::existing_id_numbers(db, &ids)
        .await?
        .into_iter()
        .collect();
    for (number, c) in &children {
        if existing.contains(&c.id_number) {
            errors.push(RowError::new(
                *number,
                CHILD_COLUMNS[0],
                "该身份证件号已在户籍适龄儿童名册中",
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Ok(RegisterImportOutcome::refused(errors));
    }
    let children: Vec<NewChild> = children.into_iter().map(|(_, c)| c).collect();
    let mut tx = db.begin().await?;
    match store::insert_children(&mut tx, &children).await {
        Ok(_) => {}
        Err(DbError::Unique(_)) => {
            return Err(AppError::Conflict(
                "导入期间名册已被他人修改（有身份证件号重复），本次导入未做任何更改，请重新导入"
                    .into(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "import",
            "child",
            format!("导入户籍适龄儿童 {} 人", children.len()),
        )
        .after(&serde_json::json!({"created": children.len()})),
    )
    .await?;
    tx.commit().await?;
    job.succeeded();
    Ok(RegisterImportOutcome {
        created: children.len(),
        applied: true,
        errors: vec![],
    })
}
