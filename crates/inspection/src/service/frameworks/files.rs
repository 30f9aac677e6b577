//! A framework as an .xlsx workbook: the sheet 指标 with one row per
//! indicator (parents before children) and the sheet 评定等次 with the
//! bands. The export imports back as the same framework; an import is
//! checked whole (every bad row with its row, column and reason) and saves
//! a draft only when nothing is wrong.

use std::collections::BTreeMap;

use platform::audit::Entry;
use platform::auth::Caller;
use platform::db::Db;
use platform::excel::{read_sheet, Cell, ReadError, RowError, SheetChoice, Table, Title, Workbook};
use platform::AppError;
use serde::{Deserialize, Serialize};

use super::drafts::{total_of, year_of};
use super::{first_version, load, save, valid_name};
use crate::domain::indicator_row::{band_of, number};
use crate::domain::rows::{from_rows, to_rows};
use crate::domain::{Band, Field, Framework, FrameworkId, IndicatorRow, Owner, Points, Purpose};
use crate::service::require_owner_bureau;

const SHEET: &str = "指标";
const BANDS_SHEET: &str = "评定等次";
const BAND_COLUMNS: [&str; 2] = ["评定等次", "最低分"];
/// The most indicators a file may hold.
const MAX_ROWS: usize = 2000;

/// The columns of the 指标 sheet, in order.
pub fn columns() -> [&'static str; 9] {
    Field::ALL.map(Field::column)
}

fn workbook(title: Option<Title>, f: &Framework) -> anyhow::Result<Vec<u8>> {
    let mut wb = match title {
        Some(t) => Workbook::export(&t, &columns()),
        None => Workbook::template(SHEET, &columns()),
    };
    for r in to_rows(f) {
        let cells: Vec<Cell> = Field::ALL
            .iter()
            .map(|field| match field {
                Field::Code | Field::Parent => Cell::id(r.get(*field)),
                _ => Cell::text(r.get(*field)),
            })
            .collect();
        wb.row(&cells)?;
    }
    wb.add_sheet(BANDS_SHEET, &BAND_COLUMNS)?;
    for b in &f.bands {
        wb.row(&[Cell::text(&b.label), Cell::text(number(b.min))])?;
    }
    wb.finish()
}

/// The blank import template: the columns, and the usual bands of a
/// 100-point framework.
pub fn template() -> Result<Vec<u8>, AppError> {
    Ok(workbook(None, &Framework::empty(Points::whole(100)))?)
}

/// A version as a workbook, and its file name.
pub async fn export(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
) -> Result<(String, Vec<u8>), AppError> {
    let (row, f) = load(db, caller, id).await?;
    let title = Title::list(SHEET)
        .filter("评估标准", row.name.clone())
        .filter("年度", row.year.to_string())
        .filter("版本", format!("第 {} 版（总分 {}）", row.version, f.total));
    let name = format!("{}（{}年第{}版）.xlsx", row.name, row.year, row.version);
    Ok((name, workbook(Some(title), &f)?))
}

/// What an import is saved as: a new draft of the owner.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ImportMeta {
    pub owner: Owner,
    pub purpose: Purpose,
    pub name: String,
    pub year: String,
    /// 总分, "100" when blank.
    #[serde(default)]
    pub total: String,
}

/// The answer to an import: the new draft, or every problem (nothing saved).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportOutcome {
    pub applied: bool,
    pub id: Option<FrameworkId>,
    pub indicators: usize,
    pub errors: Vec<RowError>,
}

impl ImportOutcome {
    fn refused(errors: Vec<RowError>) -> ImportOutcome {
        ImportOutcome {
            applied: false,
            id: None,
            indicators: 0,
            errors,
        }
    }
}

/// Imports a workbook (or a CSV file of the 指标 sheet, with the usual
/// bands) as a new draft. A file that cannot be read at all is a
/// `BadRequest` with the reader's message.
pub async fn import(
    db: &Db,
    caller: &Caller,
    meta: &ImportMeta,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportOutcome, AppError> {
    require_owner_bureau(caller, meta.owner)?;
    let name = valid_name(&meta.name)?;
    let year = year_of(&meta.year)?;
    let total = total_of(&meta.total)?;
    let unreadable = |e: ReadError| AppError::BadRequest(e.to_string());
    let choice = SheetChoice {
        preferred: Some(SHEET),
        headers: &["指标编号", "指标名称"],
        ..SheetChoice::default()
    };
    let table = read_sheet(bytes, file_name, &choice).map_err(unreadable)?;
    let sheet = table.sheet.clone();
    let (rows, mut errors) = indicator_rows(&table);
    if !errors.is_empty() {
        return Ok(ImportOutcome::refused(errors));
    }
    let (bands, bands_row, band_errors) = match bands_table(bytes, file_name).map_err(unreadable)? {
        None => (Framework::empty(total).bands, table.header_row, vec![]),
        Some(t) => {
            let (bands, band_errors) = read_bands(&t);
            (bands, t.header_row + 1, band_errors)
        }
    };
    let framework = from_rows(total, &rows, bands, bands_row);
    if let Err(problems) = &framework {
        // With a band unreadable, the order of those read says nothing.
        let problems = problems
            .iter()
            .filter(|p| p.field.is_some() || band_errors.is_empty());
        errors.extend(problems.map(|p| match p.field {
            Some(f) => RowError::new(p.row, f.column(), &p.reason).in_sheet(sheet.as_deref()),
            None => RowError::new(p.row, BAND_COLUMNS[1], &p.reason).in_sheet(Some(BANDS_SHEET)),
        }));
    }
    errors.extend(band_errors);
    let framework = match framework {
        Ok(f) if errors.is_empty() => f,
        _ => return Ok(ImportOutcome::refused(errors)),
    };
    let row = first_version(caller, meta.owner, meta.purpose, name, year, &framework);
    let indicators = rows.len();
    let what = format!("导入评估标准：{name}（{year}年，{indicators} 个指标）");
    let entry = Entry::new("import", "inspection_framework", what).after(meta);
    let id = save(db, caller, &row, entry).await?;
    Ok(ImportOutcome {
        applied: true,
        id: Some(id),
        indicators,
        errors: vec![],
    })
}

/// The indicator rows of the 指标 sheet, numbered as in Excel, or the
/// columns and rows that cannot be used.
fn indicator_rows(t: &Table) -> (Vec<(usize, IndicatorRow)>, Vec<RowError>) {
    let at = |row: usize, column: &str, reason: String| {
        RowError::new(row, column, reason).in_sheet(t.sheet.as_deref())
    };
    let index: BTreeMap<&str, usize> = t
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim(), i))
        .collect();
    let missing: Vec<RowError> = [Field::Code, Field::Title, Field::Points, Field::Method]
        .iter()
        .filter(|f| !index.contains_key(f.column()))
        .map(|f| {
            at(
                t.header_row,
                f.column(),
                format!("缺少“{}”列；请使用导入模板", f.column()),
            )
        })
        .collect();
    if !missing.is_empty() {
        return (vec![], missing);
    }
    if t.rows.is_empty() {
        return (vec![], vec![at(t.header_row, "", "文件中没有指标".into())]);
    }
    if t.rows.len() > MAX_ROWS {
        let reason = format!("指标过多：最多 {MAX_ROWS} 个，文件中有 {} 个", t.rows.len());
        return (vec![], vec![at(t.header_row, "", reason)]);
    }
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let cells: Vec<&str> = Field::ALL
                .iter()
                .map(|f| index.get(f.column()).map(|i| r.get(*i)).unwrap_or(""))
                .collect();
            (r.number, IndicatorRow::from_cells(&cells))
        })
        .collect();
    (rows, vec![])
}

/// The 评定等次 sheet of a workbook, if it has one.
fn bands_table(bytes: &[u8], file_name: &str) -> Result<Option<Table>, ReadError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(None);
    }
    let choice = SheetChoice {
        named: Some(BANDS_SHEET),
        ..SheetChoice::default()
    };
    match read_sheet(bytes, file_name, &choice) {
        Ok(t) => Ok(Some(t)),
        Err(ReadError::NoSheet(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

fn read_bands(t: &Table) -> (Vec<Band>, Vec<RowError>) {
    let col = |name: &str| t.headers.iter().position(|h| h.trim() == name);
    let (Some(label), Some(min)) = (col(BAND_COLUMNS[0]), col(BAND_COLUMNS[1])) else {
        let reason = "评定等次工作表应有“评定等次”“最低分”两列".to_string();
        return (
            vec![],
            vec![RowError::new(t.header_row, "", reason).in_sheet(Some(BANDS_SHEET))],
        );
    };
    let mut bands = vec![];
    let mut errors = vec![];
    for r in &t.rows {
        match band_of(r.get(label), r.get(min)) {
            Ok(Some(b)) => bands.push(b),
            Ok(None) => {}
            Err(reason) => errors
                .push(RowError::new(r.number, BAND_COLUMNS[1], reason).in_sheet(Some(BANDS_SHEET))),
        }
    }
    (bands, errors)
}
