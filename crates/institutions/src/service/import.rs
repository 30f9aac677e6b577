//! Importing institutions from a spreadsheet. Every row is checked before
//! anything is written; a file with any bad row changes nothing (unless the
//! user asks to import only the valid rows). Rows whose 学校标识码 (or, without
//! one, name) matches an existing institution update it; others are created.

use std::collections::HashMap;

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::district;
use platform::excel::{RowError, Table};
use platform::vocab::check::row_errors;
use platform::AppError;

use crate::domain::{field_label, Institution, InstitutionInput, NewInstitution, FIELDS};
use crate::store::{self, Filter, Updated};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Any bad row: nothing is imported.
    AllOrNothing,
    /// Bad rows are skipped and reported; the rest is imported.
    ValidRowsOnly,
}

#[derive(Clone, Debug, Default, serde::Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

const REQUIRED: [&str; 4] = ["name", "school_type", "ownership", "township"];

enum Plan {
    Create(NewInstitution),
    Update(Box<Institution>, NewInstitution),
}

/// Which column holds which field; unknown columns are ignored.
fn map_columns(table: &Table) -> Result<HashMap<&'static str, usize>, Vec<RowError>> {
    let mut cols = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        if let Some((key, _)) = FIELDS
            .iter()
            .find(|(k, l)| *l == h.as_str() || *k == h.as_str())
        {
            cols.insert(*key, i);
        }
    }
    let missing: Vec<RowError> = REQUIRED
        .iter()
        .filter(|k| !cols.contains_key(*k))
        .map(|k| {
            RowError::new(
                table.header_row,
                field_label(k),
                "缺少必需的列（请使用导出文件或导入模板的表头）",
            )
        })
        .collect();
    if missing.is_empty() {
        Ok(cols)
    } else {
        Err(missing)
    }
}

fn input_of(
    row: &platform::excel::TableRow,
    cols: &HashMap<&'static str, usize>,
) -> InstitutionInput {
    let get = |k: &str| {
        cols.get(k)
            .map(|c| row.get(*c).to_string())
            .unwrap_or_default()
    };
    InstitutionInput {
        code: get("code"),
        name: get("name"),
        school_type: get("school_type"),
        ownership: get("ownership"),
        licence: get("licence"),
        status: get("status"),
        township: get("township"),
        address: get("address"),
        principal: get("principal"),
        phone: get("phone"),
        founded_year: get("founded_year"),
        approved_places: get("approved_places"),
        class_count: get("class_count"),
        boarding: get("boarding"),
        group_name: get("group_name"),
        notes: get("notes"),
    }
}

pub async fn import_table(
    db: &Db,
    caller: &Caller,
    table: &Table,
    mode: ImportMode,
) -> Result<ImportOutcome, AppError> {
    caller.require_bureau(WorkArea::Institutions)?;
    let job = platform::jobs::start("institutions_import");
    job.rows(table.rows.len());
    let cols = match map_columns(table) {
        Ok(c) => c,
        Err(errors) => {
            return Ok(ImportOutcome {
                errors,
                ..Default::default()
            })
        }
    };
    if table.rows.is_empty() {
        return Ok(ImportOutcome {
            errors: vec![RowError::new(table.header_row + 1, "", "文件中没有数据行")],
            ..Default::default()
        });
    }
    let townships = district::townships(db).await?;
    let existing = store::list_all(db, &Scope::All, &Filter::default()).await?;
    let by_code: HashMap<&str, &Institution> = existing
        .iter()
        .filter_map(|i| i.code.as_deref().map(|c| (c, i)))
        .collect();
    let by_name: HashMap<&str, &Institution> =
        existing.iter().map(|i| (i.name.as_str(), i)).collect();
    let year = super::this_year();

    let mut errors = Vec::new();
    let mut plans = Vec::new();
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    let mut seen_codes: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let input = input_of(row, &cols);
        let new = match input.validate(&townships, year) {
            Ok(n) => n,
            Err(fe) => {
                errors.extend(row_errors(row.number, fe, FIELDS));
                continue;
            }
        };
        let mut row_ok = true;
        if let Some(first) = seen_names.insert(new.name.clone(), row.number) {
            errors.push(RowError::new(
                row.number,
                field_label("name"),
                format!("机构名称与第 {first} 行重复"),
            ));
            row_ok = false;
        }
        if let Some(code) = &new.code {
            if let Some(first) = seen_codes.insert(code.clone(), row.number) {
                errors.push(RowError::new(
                    row.number,
                    field_label("code"),
                    format!("学校标识码与第 {first} 行重复"),
                ));
                row_ok = false;
            }
        }
        let target = new
            .code
            .as_deref()
            .and_then(|c| by_code.get(c))
            .or_else(|| by_name.get(new.name.as_str()));
        if let Some(other) = by_name.get(new.name.as_str()) {
            if target.is_some_and(|t| t.id != other.id) {
                errors.push(RowError::new(
                    row.number,
                    field_label("name"),
                    format!(
                        "机构名称已被另一机构（学校标识码 {}）使用",
                        other.code.as_deref().unwrap_or("无")
                    ),
                ));
                row_ok = false;
            }
        }
        if row_ok {
            plans.push(match target {
                Some(t) => Plan::Update(Box::new((*t).clone()), new),
                None => Plan::Create(new),
            });
        }
    }
    if !errors.is_empty() && mode == ImportMode::AllOrNothing {
        return Ok(ImportOutcome {
            errors,
            ..Default::default()
        });
    }

    let mut outcome = ImportOutcome {
        errors,
        applied: true,
        ..Default::default()
    };
    let mut tx = db.begin().await?;
    for plan in &plans {
        match plan {
            Plan::Create(n) => {
                let id = store::create(&mut tx, n).await?;
                let after = store::get(&mut tx, &Scope::All, id).await?;
                audit::record(
                    &mut tx,
                    &caller.who,
                    Entry::new("import", "institution", format!("导入新增机构 {}", n.name))
                        .id(id.0)
                        .institution(Some(id))
                        .after(&after),
                )
                .await?;
                outcome.created += 1;
            }
            Plan::Update(before, n) => {
                if store::update(&mut tx, &Scope::All, before.id, before.version, n).await?
                    == Updated::Stale
                {
                    return Err(AppError::Conflict(format!(
                        "导入期间机构“{}”被他人修改，本次导入未做任何更改，请重新导入",
                        before.name
                    )));
                }
                let after = store::get(&mut tx, &Scope::All, before.id).await?;
                audit::record(
                    &mut tx,
                    &caller.who,
                    Entry::new("import", "institution", format!("导入更新机构 {}", n.name))
                        .id(before.id.0)
                        .institution(Some(before.id))
                        .before(before.as_ref())
                        .after(&after),
                )
                .await?;
                outcome.updated += 1;
            }
        }
    }
    tx.commit().await?;
    job.succeeded();
    Ok(outcome)
}
