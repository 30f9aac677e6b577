//! 成绩导入: the written and interview scores of a plan's applicants from
//! a spreadsheet, all rows or none, every problem named by row and column.

use std::collections::HashMap;

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::excel::{normalize, RowError, Table};
use platform::vocab::privacy::mask_id_number;
use platform::AppError;
use serde::Serialize;

use crate::domain::recruitment::{PlanId, Score};
use crate::store::recruitment::{self as store, ApplicantRow};

/// The columns of the score sheet (the ranking export has them too): an
/// applicant is found by 报名编号 or, where that is empty, by 身份证件号
/// (a file whose ID numbers are masked is read by 报名编号).
pub const SCORE_COLUMNS: [&str; 5] = ["报名编号", "身份证件号", "姓名", "笔试成绩", "面试成绩"];
const NUMBER: usize = 0;
const ID: usize = 1;
const NAME: usize = 2;
const WRITTEN: usize = 3;
const INTERVIEW: usize = 4;

/// What an import did: scores written for `updated` applicants, or none
/// and every problem.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ScoreImport {
    pub updated: usize,
    pub applied: bool,
    pub errors: Vec<RowError>,
}

/// A row's change: the applicant and the scores given (an empty cell
/// keeps the score there is).
struct Change<'a> {
    applicant: &'a ApplicantRow,
    written: Option<Score>,
    interview: Option<Score>,
}

const LOSSY: &str = "该单元格是超过 15 位的数字，Excel 只保留了前 15 位，后几位已变成 0；请将该列设置为文本格式后重新录入";

fn columns(table: &Table) -> Result<[Option<usize>; 5], Vec<RowError>> {
    let mut cols = [None; 5];
    for (i, h) in table.headers.iter().enumerate() {
        if let Some(k) = SCORE_COLUMNS.iter().position(|c| *c == normalize(h)) {
            cols[k] = cols[k].or(Some(i));
        }
    }
    let mut missing = vec![];
    if cols[NUMBER].is_none() && cols[ID].is_none() {
        missing.push(RowError::new(
            table.header_row,
            "报名编号/身份证件号",
            "至少需要“报名编号”或“身份证件号”一列（请使用成绩排名导出文件的表头）",
        ));
    }
    if cols[WRITTEN].is_none() && cols[INTERVIEW].is_none() {
        missing.push(RowError::new(
            table.header_row,
            "笔试成绩/面试成绩",
            "至少需要“笔试成绩”或“面试成绩”一列",
        ));
    }
    if missing.is_empty() {
        Ok(cols)
    } else {
        Err(missing)
    }
}

/// The applicant a row names, or the column and why not.
fn applicant<'a>(
    number: &str,
    id: &str,
    applicants: &'a [ApplicantRow],
) -> Result<&'a ApplicantRow, (usize, String)> {
    if number.is_empty() {
        if id.is_empty() {
            return Err((ID, "请填写报名编号或身份证件号".into()));
        }
        return applicants
            .iter()
            .find(|a| a.national_id == id)
            .ok_or_else(|| (ID, format!("身份证件号“{id}”未报名本招聘计划")));
    }
    let a = number
        .parse::<i64>()
        .ok()
        .and_then(|n| applicants.iter().find(|a| a.id.0 == n))
        .ok_or_else(|| {
            (
                NUMBER,
                format!("报名编号“{number}”不是本招聘计划的报考人员"),
            )
        })?;
    if !id.is_empty() && id != a.national_id && id != mask_id_number(&a.national_id) {
        return Err((ID, format!("身份证件号与报名编号 {number} 的报考人员不符")));
    }
    Ok(a)
}

/// Checks every row against the plan's applicants.
fn changes<'a>(
    table: &Table,
    applicants: &'a [ApplicantRow],
) -> Result<Vec<Change<'a>>, Vec<RowError>> {
    let cols = columns(table)?;
    if table.rows.is_empty() {
        return Err(vec![RowError::new(
            table.header_row + 1,
            "",
            "文件中没有数据行",
        )]);
    }
    let mut seen: HashMap<i64, usize> = HashMap::new();
    let (mut out, mut errors) = (vec![], vec![]);
    for row in &table.rows {
        let n = row.number;
        let cell = |k: usize| cols[k].map(|c| normalize(row.get(c))).unwrap_or_default();
        let mut err =
            |col: usize, why: String| errors.push(RowError::new(n, SCORE_COLUMNS[col], why));
        if cols[ID].is_some_and(|c| table.lossy.contains(&(n, c))) {
            err(ID, LOSSY.into());
            continue;
        }
        let (number, id) = (cell(NUMBER), cell(ID).to_uppercase());
        let a = match applicant(&number, &id, applicants) {
            Ok(a) => a,
            Err((col, why)) => {
                err(col, why);
                continue;
            }
        };
        if let Some(first) = seen.insert(a.id.0, n) {
            let col = if number.is_empty() { ID } else { NUMBER };
            err(col, format!("{}与第 {first} 行重复", SCORE_COLUMNS[col]));
            continue;
        }
        let name = cell(NAME);
        if !name.is_empty() && name != a.name {
            err(NAME, format!("姓名“{name}”与报名信息“{}”不符", a.name));
        }
        if a.staff_id.is_some() {
            err(ID, format!("{} 已聘用，成绩不能再修改", a.name));
        }
        let mut score = |k: usize| match cell(k).as_str() {
            "" => Ok(None),
            text => Score::parse(text).map(Some).map_err(|why| err(k, why)),
        };
        let (written, interview) = (score(WRITTEN), score(INTERVIEW));
        if let (Ok(w), Ok(i)) = (written, interview) {
            out.push(Change {
                applicant: a,
                written: w.or(a.written_score),
                interview: i.or(a.interview_score),
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Imports the scores of `plan` from `table` (bureau only): all rows or,
/// when any row is wrong, none.
pub async fn import_scores(
    db: &Db,
    caller: &Caller,
    plan: PlanId,
    table: &Table,
) -> Result<ScoreImport, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let plan_row = store::plan(db, &Scope::All, plan).await?;
    let applicants = store::of_plan(db, &Scope::All, plan).await?;
    let sheet = table.sheet.as_deref();
    let changes = match changes(table, &applicants) {
        Ok(c) => c,
        Err(errors) => {
            let errors = errors.into_iter().map(|e| e.in_sheet(sheet)).collect();
            return Ok(ScoreImport {
                updated: 0,
                applied: false,
                errors,
            });
        }
    };
    let mut tx = db.begin().await?;
    for c in &changes {
        store::set_scores(&mut tx, c.applicant.id, c.written, c.interview).await?;
    }
    let summary = format!(
        "导入招聘计划“{}”的考试成绩（{} 人）",
        plan_row.name,
        changes.len()
    );
    let entry = Entry::new("import", "teachers_recruitment_applicant", summary).id(plan.0);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(ScoreImport {
        updated: changes.len(),
        applied: true,
        errors: vec![],
    })
}
