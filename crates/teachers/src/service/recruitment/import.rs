//! 成绩导入: the written and interview scores of a plan's applicants from
//! a spreadsheet, all rows or none, every problem named by row and column.

use std::collections::HashMap;

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::excel::{normalize, RowError, Table};
use platform::AppError;
use serde::Serialize;

use crate::domain::recruitment::{PlanId, Score};
use crate::store::recruitment::{self as store, ApplicantRow};

/// The columns of the score sheet (the ranking export has them too).
pub const SCORE_COLUMNS: [&str; 4] = ["身份证件号", "姓名", "笔试成绩", "面试成绩"];

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

fn columns(table: &Table) -> Result<[Option<usize>; 4], Vec<RowError>> {
    let mut cols = [None; 4];
    for (i, h) in table.headers.iter().enumerate() {
        if let Some(k) = SCORE_COLUMNS.iter().position(|c| *c == normalize(h)) {
            cols[k] = cols[k].or(Some(i));
        }
    }
    let mut missing = vec![];
    if cols[0].is_none() {
        missing.push(RowError::new(
            table.header_row,
            SCORE_COLUMNS[0],
            "缺少必需的列（请使用成绩排名导出文件的表头）",
        ));
    }
    if cols[2].is_none() && cols[3].is_none() {
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
    let by_id: HashMap<&str, &ApplicantRow> = applicants
        .iter()
        .map(|a| (a.national_id.as_str(), a))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let (mut out, mut errors) = (vec![], vec![]);
    for row in &table.rows {
        let n = row.number;
        let cell = |k: usize| cols[k].map(|c| normalize(row.get(c))).unwrap_or_default();
        let mut err = |col: &str, why: String| errors.push(RowError::new(n, col, why));
        if cols[0].is_some_and(|c| table.lossy.contains(&(n, c))) {
            err(SCORE_COLUMNS[0], LOSSY.into());
            continue;
        }
        let id = cell(0).to_uppercase();
        if id.is_empty() {
            err(SCORE_COLUMNS[0], "请填写身份证件号".into());
            continue;
        }
        if let Some(first) = seen.insert(id.clone(), n) {
            err(SCORE_COLUMNS[0], format!("身份证件号与第 {first} 行重复"));
            continue;
        }
        let Some(a) = by_id.get(id.as_str()) else {
            err(
                SCORE_COLUMNS[0],
                format!("身份证件号“{id}”未报名本招聘计划"),
            );
            continue;
        };
        let name = cell(1);
        if !name.is_empty() && name != a.name {
            err(
                SCORE_COLUMNS[1],
                format!("姓名“{name}”与报名信息“{}”不符", a.name),
            );
        }
        if a.staff_id.is_some() {
            err(
                SCORE_COLUMNS[0],
                format!("{} 已聘用，成绩不能再修改", a.name),
            );
        }
        let mut score = |k: usize| match cell(k).as_str() {
            "" => Ok(None),
            text => Score::parse(text)
                .map(Some)
                .map_err(|why| err(SCORE_COLUMNS[k], why)),
        };
        let (written, interview) = (score(2), score(3));
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
