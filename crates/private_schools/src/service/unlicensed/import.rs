//! Importing the list of unlicensed kindergartens from a spreadsheet
//! (.xlsx or CSV, the export's columns): every row checked first, with row,
//! column and reason; a file with any bad row changes nothing.

use std::collections::HashSet;

use inspection::domain::Owner;
use inspection::service::require_owner_bureau;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::excel::{RowError, Table};
use platform::AppError;
use serde::Serialize;

use super::{UnlicensedInput, FIELDS};
use crate::store::unlicensed as store;

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    pub imported: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

fn refused(errors: Vec<RowError>) -> ImportOutcome {
    ImportOutcome {
        errors,
        ..Default::default()
    }
}

fn label(field: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(k, _)| *k == field)
        .map_or("", |(_, l)| l)
}

/// Adds the rows of `table`, all or nothing.
pub async fn import(db: &Db, caller: &Caller, table: &Table) -> Result<ImportOutcome, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let cols: Vec<Option<usize>> = FIELDS
        .iter()
        .map(|(_, l)| table.headers.iter().position(|h| h.trim() == *l))
        .collect();
    let missing: Vec<RowError> = FIELDS
        .iter()
        .zip(&cols)
        .filter(|((k, _), c)| c.is_none() && ["name", "township", "found_on"].contains(k))
        .map(|((_, l), _)| {
            RowError::new(table.header_row, *l, "缺少必需的列（请使用导出文件的表头）")
        })
        .collect();
    if !missing.is_empty() {
        return Ok(refused(missing));
    }
    if table.rows.is_empty() {
        return Ok(refused(vec![RowError::new(
            table.header_row + 1,
            "",
            "文件中没有数据行",
        )]));
    }
    let townships = platform::district::townships(db).await?;
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let existing: HashSet<(String, i64)> = store::names(&mut tx).await?.into_iter().collect();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    let mut inputs = Vec::new();
    for row in &table.rows {
        let cell = |k: usize| cols[k].map_or("", |c| row.get(c)).trim().to_string();
        let input = UnlicensedInput {
            name: cell(0),
            address: cell(1),
            township: cell(2),
            operator: cell(3),
            phone: cell(4),
            children: cell(5),
            found_on: cell(6),
            note: cell(7),
        };
        match input.parse(&townships, today) {
            Err(e) => errors.extend(
                e.into_iter()
                    .map(|f| RowError::new(row.number, label(&f.field), f.message)),
            ),
            Ok(n) => {
                let key = (n.name.to_string(), n.township_id);
                if existing.contains(&key) {
                    errors.push(RowError::new(
                        row.number,
                        "名称",
                        "该乡镇（街道）已登记同名的无证幼儿园",
                    ));
                } else if !seen.insert(key) {
                    errors.push(RowError::new(row.number, "名称", "在文件中重复"));
                }
            }
        }
        inputs.push(input);
    }
    if !errors.is_empty() {
        return Ok(refused(errors));
    }
    for input in &inputs {
        let n = input.parse(&townships, today).map_err(AppError::Invalid)?;
        store::insert(&mut tx, &n).await?;
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "import",
            "private_unlicensed",
            format!("导入无证幼儿园 {} 所", inputs.len()),
        )
        .after(&serde_json::json!({ "imported": inputs.len() })),
    )
    .await?;
    Ok(ImportOutcome {
        imported: inputs.len(),
        applied: true,
        errors: vec![],
    })
}
