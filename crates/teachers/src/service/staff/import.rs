//! Importing staff records from a spreadsheet (.xlsx or CSV, any sheet
//! order, GBK or UTF-8 through `platform::excel`). Every row is checked
//! before anything is written; a file with any bad row changes nothing
//! unless the user asks to import only the good rows. An institution's rows
//! wait for review like its other changes; the bureau's apply at once.

use std::collections::HashMap;

use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::excel::{RowError, Table, TableRow};
use platform::vocab::check::row_errors;
use platform::web::directory::resolve;
use platform::{AppError, InstitutionId};
use serde::Serialize;

use super::{create_record, store_change};
use crate::domain::staff::review::needs_review;
use crate::domain::staff::{StaffFields, StaffInput, FIELDS};
use crate::store::staff as records;

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    /// Records written (bureau).
    pub created: usize,
    /// New records waiting for 人事科's review (institution).
    pub pending: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

fn label(key: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, l)| *l)
}

/// Which column holds which field; unknown columns are ignored.
fn map_columns(table: &Table, bureau: bool) -> Result<HashMap<&'static str, usize>, Vec<RowError>> {
    let mut cols = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        if let Some((key, _)) = FIELDS
            .iter()
            .find(|(k, l)| *l == h.as_str() || *k == h.as_str())
        {
            cols.insert(*key, i);
        }
    }
    let required: &[&str] = if bureau {
        &["institution", "name", "national_id"]
    } else {
        &["name", "national_id"]
    };
    let missing: Vec<RowError> = required
        .iter()
        .filter(|k| !cols.contains_key(*k))
        .map(|k| {
            RowError::new(
                table.header_row,
                label(k),
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

fn input_of(row: &TableRow, cols: &HashMap<&'static str, usize>) -> StaffInput {
    let get = |k: &str| {
        cols.get(k)
            .map(|c| row.get(*c).to_string())
            .unwrap_or_default()
    };
    StaffInput {
        institution: get("institution"),
        name: get("name"),
        national_id: get("national_id"),
        ethnicity: get("ethnicity"),
        politics: get("politics"),
        education: get("education"),
        degree: get("degree"),
        work_start: get("work_start"),
        teaching_start: get("teaching_start"),
        post_category: get("post_category"),
        post_grade: get("post_grade"),
        establishment: get("establishment"),
        full_time: get("full_time"),
        subjects: get("subjects"),
        stage: get("stage"),
        title_series: get("title_series"),
        title_level: get("title_level"),
        title_obtained_on: get("title_obtained_on"),
        title_appointed_on: get("title_appointed_on"),
        certificate_type: get("certificate_type"),
        certificate_subject: get("certificate_subject"),
        certificate_number: get("certificate_number"),
        backbone_level: get("backbone_level"),
        backbone_from: get("backbone_from"),
        backbone_to: get("backbone_to"),
        status: get("status"),
    }
}

/// Checks every row; the good rows' records and the problems.
async fn check_rows(
    db: &Db,
    caller: &Caller,
    table: &Table,
    cols: &HashMap<&'static str, usize>,
) -> Result<(Vec<(InstitutionId, StaffFields)>, Vec<RowError>), AppError> {
    let directory = institutions::store::directory(db).await?;
    let today = platform::time::today();
    let mut good = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let input = input_of(row, cols);
        let institution = match caller.scope {
            Scope::Institution(own) => Ok(own),
            Scope::All => resolve(&directory, &input.institution),
        };
        let mut row_errs = Vec::new();
        if let Err(why) = &institution {
            row_errs.push(RowError::new(row.number, label("institution"), why.clone()));
        }
        let fields = match input.validate(today) {
            Ok(f) => Some(f),
            Err(fe) => {
                row_errs.extend(row_errors(row.number, fe, FIELDS));
                None
            }
        };
        if let Some(f) = &fields {
            let id_col = label("national_id");
            if let Some(first) = seen.insert(f.national_id.clone(), row.number) {
                row_errs.push(RowError::new(
                    row.number,
                    id_col,
                    format!("身份证件号与第 {first} 行重复"),
                ));
            } else if records::id_of_national_id(db, &f.national_id)
                .await?
                .is_some()
            {
                row_errs.push(RowError::new(
                    row.number,
                    id_col,
                    "该身份证件号已有教职工记录，请勿重复导入",
                ));
            }
        }
        match (institution, fields, row_errs.is_empty()) {
            (Ok(i), Some(f), true) => good.push((i, f)),
            _ => errors.extend(row_errs),
        }
    }
    Ok((good, errors))
}

/// Imports the rows of `table`; with `valid_only`, the good rows of a file
/// that has bad ones.
pub async fn import_table(
    db: &Db,
    caller: &Caller,
    table: &Table,
    valid_only: bool,
) -> Result<ImportOutcome, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let job = platform::jobs::start("teachers_staff_import");
    job.rows(table.rows.len());
    let refused = |errors| {
        Ok(ImportOutcome {
            errors,
            ..ImportOutcome::default()
        })
    };
    let cols = match map_columns(table, caller.scope == Scope::All) {
        Ok(c) => c,
        Err(errors) => return refused(errors),
    };
    if table.rows.is_empty() {
        return refused(vec![RowError::new(
            table.header_row + 1,
            "",
            "文件中没有数据行",
        )]);
    }
    let (good, errors) = check_rows(db, caller, table, &cols).await?;
    if !errors.is_empty() && !valid_only {
        return refused(errors);
    }
    let mut outcome = ImportOutcome {
        errors,
        applied: true,
        ..ImportOutcome::default()
    };
    let mut tx = db.begin().await?;
    for (institution, fields) in &good {
        let pending = needs_review(&caller.scope);
        let staff_id = if pending {
            None
        } else {
            Some(create_record(&mut tx, caller, *institution, fields).await?)
        };
        store_change(&mut tx, caller, *institution, None, fields, staff_id).await?;
        if pending {
            outcome.pending += 1;
        } else {
            outcome.created += 1;
        }
    }
    let summary = format!(
        "导入教职工 {} 人（待审核 {} 人）",
        outcome.created, outcome.pending
    );
    let entry = platform::audit::Entry::new("import", "teachers_staff", summary)
        .institution(caller.scope.institution());
    platform::audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    job.succeeded();
    Ok(outcome)
}
