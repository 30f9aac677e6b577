//! Importing a session's attendance from a spreadsheet (the bureau for
//! anyone, a school for its own staff). Every row is checked first; a file
//! with any bad row changes nothing.

use std::collections::{HashMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::excel::{RowError, Table, TableRow};
use platform::vocab::dates::parse_date;
use platform::vocab::identity::NationalId;
use platform::AppError;
use serde::Serialize;

use super::attendance::span;
use crate::domain::training::{check_attendance, SessionId};
use crate::store::training::attendance::{self as store, Credit};
use crate::store::training::staff_ref::{self, StaffRef};
use crate::store::training::{self as training_store, Session};

/// The template's columns: national ID and name required, date and hours
/// defaulting to the session's first day and its hours.
pub const COLUMNS: [&str; 4] = ["身份证件号", "姓名", "参训日期", "学时"];

#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct AttendanceImportOutcome {
    /// Attendances credited.
    pub credited: usize,
    /// Whether anything was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
}

impl AttendanceImportOutcome {
    fn refused(mut errors: Vec<RowError>) -> Self {
        errors.sort_by_key(|e| e.row);
        AttendanceImportOutcome {
            errors,
            ..Default::default()
        }
    }
}

fn map_columns(table: &Table) -> Result<[Option<usize>; 4], Vec<RowError>> {
    let mut cols = [None; 4];
    for (i, h) in table.headers.iter().enumerate() {
        let h = match h.as_str() {
            "身份证号" | "身份证号码" | "公民身份号码" => "身份证件号",
            "日期" => "参训日期",
            "计学时" | "学时数" => "学时",
            other => other,
        };
        if let Some(k) = COLUMNS.iter().position(|c| *c == h) {
            cols[k].get_or_insert(i);
        }
    }
    let missing: Vec<RowError> = [0, 1]
        .iter()
        .filter(|k| cols[**k].is_none())
        .map(|k| {
            RowError::new(
                table.header_row,
                COLUMNS[*k],
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

/// A row read: the ID checked, date and hours parsed.
struct Line {
    row: usize,
    id: String,
    name: String,
    attended_on: chrono::NaiveDate,
    hours: i64,
}

fn read_row(row: &TableRow, cols: &[Option<usize>; 4], s: &Session) -> Result<Line, Vec<RowError>> {
    let cell = |k: usize| cols[k].map_or("", |c| row.get(c)).trim();
    let err = |k: usize, reason: String| RowError::new(row.number, COLUMNS[k], reason);
    let mut errors = Vec::new();
    let id = match cell(0) {
        "" => {
            errors.push(err(0, "身份证件号不能为空".into()));
            None
        }
        text => match NationalId::parse(text) {
            Ok(id) => Some(id.as_str().to_string()),
            Err(e) => {
                errors.push(err(0, format!("身份证件号“{text}”无效：{e}")));
                None
            }
        },
    };
    let name = cell(1).to_string();
    if name.is_empty() {
        errors.push(err(1, "姓名不能为空".into()));
    }
    let attended_on = match cell(2) {
        "" => Some(s.starts_on),
        text => parse_date(text).or_else(|| {
            errors.push(err(
                2,
                format!("参训日期“{text}”无法识别，请写成 2026-03-02 的形式"),
            ));
            None
        }),
    };
    let hours = match cell(3) {
        "" => Some(s.hours),
        text => text.parse::<i64>().ok().or_else(|| {
            errors.push(err(3, format!("学时“{text}”不是整数")));
            None
        }),
    };
    if let (Some(d), Some(h)) = (attended_on, hours) {
        for (field, m) in check_attendance(span(s), d, h) {
            errors.push(err(if field == "hours" { 3 } else { 2 }, m));
        }
    }
    match (id, attended_on, hours) {
        (Some(id), Some(attended_on), Some(hours)) if errors.is_empty() => Ok(Line {
            row: row.number,
            id,
            name,
            attended_on,
            hours,
        }),
        _ => Err(errors),
    }
}

/// Credits the rows of `table` to session `id`, all or nothing.
pub async fn import(
    db: &Db,
    caller: &Caller,
    id: SessionId,
    table: &Table,
) -> Result<AttendanceImportOutcome, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let session = training_store::session(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let cols = match map_columns(table) {
        Ok(c) => c,
        Err(errors) => return Ok(AttendanceImportOutcome::refused(errors)),
    };
    if table.rows.is_empty() {
        let e = RowError::new(table.header_row + 1, "", "文件中没有数据行");
        return Ok(AttendanceImportOutcome::refused(vec![e]));
    }
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        match read_row(row, &cols, &session) {
            Err(e) => errors.extend(e),
            Ok(line) => match seen.insert(line.id.clone(), line.row) {
                Some(first) => errors.push(RowError::new(
                    line.row,
                    COLUMNS[0],
                    format!("身份证件号与第 {first} 行重复，同一场培训的学时只能计一次"),
                )),
                None => lines.push(line),
            },
        }
    }
    let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
    let staff: HashMap<String, StaffRef> = staff_ref::by_national_ids(db, &caller.scope, &ids)
        .await?
        .into_iter()
        .map(|s| (s.national_id.clone(), s))
        .collect();
    let staff_ids: Vec<i64> = staff.values().map(|s| s.id).collect();
    let credited: HashSet<i64> = store::already_credited(db, id, &staff_ids)
        .await?
        .into_iter()
        .collect();
    let mut credits = Vec::new();
    for line in &lines {
        let Some(s) = staff.get(&line.id) else {
            errors.push(RowError::new(
                line.row,
                COLUMNS[0],
                "本单位（或您有权管理的单位）在职教职工中没有此身份证件号，请核对或先录入教师档案",
            ));
            continue;
        };
        if s.name != line.name {
            errors.push(RowError::new(
                line.row,
                COLUMNS[1],
                format!("姓名“{}”与教师档案中的姓名“{}”不一致", line.name, s.name),
            ));
        } else if credited.contains(&s.id) {
            errors.push(RowError::new(
                line.row,
                COLUMNS[0],
                format!(
                    "{}已登记过本场培训的学时，同一场培训的学时只能计一次",
                    s.name
                ),
            ));
        } else {
            credits.push(Credit {
                staff_id: s.id,
                attended_on: line.attended_on,
                hours: line.hours,
            });
        }
    }
    if !errors.is_empty() {
        return Ok(AttendanceImportOutcome::refused(errors));
    }
    let mut tx = db.begin().await?;
    for c in &credits {
        match store::insert(&mut tx, id, *c).await {
            Err(DbError::Unique(_)) => {
                return Err(AppError::Conflict(
                    "导入期间有人登记了其中教师的本场学时，本次导入未做任何更改，请重新导入".into(),
                ))
            }
            other => other?,
        }
    }
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "import",
            "teachers_training_attendance",
            format!(
                "导入参训记录：“{}·{}” {} 人次",
                session.project_name,
                session.title,
                credits.len()
            ),
        )
        .institution(caller.scope.institution())
        .after(&serde_json::json!({"session_id": id.0, "credited": credits.len()})),
    )
    .await?;
    tx.commit().await?;
    Ok(AttendanceImportOutcome {
        credited: credits.len(),
        applied: true,
        errors: vec![],
    })
}
