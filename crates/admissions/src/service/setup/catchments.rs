//! Catchments (学区): the communities whose children belong to each school
//! of the round. Set on the round's page per school, typed as lines through
//! the API, or imported from a workbook; a refused set changes nothing.

use platform::auth::Caller;
use platform::db::Db;
use platform::excel::{read_table, RowError, Table};
use platform::{AppError, FieldError, InstitutionId};

use super::{row_errors, writable};
use crate::domain::RoundId;
use crate::store::rounds::{self, RoundSchool};

/// The longest community name taken.
const MAX_COMMUNITY_CHARS: usize = 50;

/// The communities of one school, as typed (separated by 、 , ， ； or
/// spaces).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatchmentEntry {
    pub institution: InstitutionId,
    pub communities: String,
}

/// The communities of a typed list, or why one is refused.
fn communities(typed: &str) -> Result<Vec<String>, String> {
    let list: Vec<String> = typed
        .split(['、', ',', '，', ';', '；', '\t', '\n', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    match list
        .iter()
        .find(|c| c.chars().count() > MAX_COMMUNITY_CHARS)
    {
        Some(long) => Err(format!("社区名称“{long}”超过 {MAX_COMMUNITY_CHARS} 字")),
        None => Ok(list),
    }
}

/// The round's schools, if the caller may change its set-up.
async fn round_schools(
    db: &Db,
    caller: &Caller,
    round: RoundId,
) -> Result<Vec<RoundSchool>, AppError> {
    writable(db, caller, round).await?;
    Ok(rounds::schools(db, round).await?)
}

async fn save(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    pairs: &[(InstitutionId, String)],
) -> Result<usize, AppError> {
    let mut tx = db.begin().await?;
    rounds::replace_catchments(&mut tx, round, pairs).await?;
    super::super::round_changed(tx, caller, round, format!("设置学区 {} 条", pairs.len())).await?;
    Ok(pairs.len())
}

/// Catchments from the round's page, one entry per school; a school left
/// blank has no catchment. Problems come back on `catchment_<id>`.
pub async fn set_catchment_entries(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    entries: &[CatchmentEntry],
) -> Result<usize, AppError> {
    let schools = round_schools(db, caller, round).await?;
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for e in entries {
        let field = format!("catchment_{}", e.institution);
        let Some(s) = schools.iter().find(|s| s.institution_id == e.institution) else {
            errors.push(FieldError::new(field, "该学校不在本轮招生学校中"));
            continue;
        };
        match communities(&e.communities) {
            Ok(list) => pairs.extend(list.into_iter().map(|c| (s.institution_id, c))),
            Err(reason) => errors.push(FieldError::new(field, format!("{}：{reason}", s.name))),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    save(db, caller, round, &pairs).await
}

/// The round's school a user named by 学校标识码, name, or name（code）.
fn school_named<'a>(schools: &'a [RoundSchool], typed: &str) -> Option<&'a RoundSchool> {
    let typed = typed.trim();
    schools.iter().find(|s| {
        s.code == typed || s.name == typed || format!("{}（{}）", s.name, s.code) == typed
    })
}

/// (school, communities) rows, numbered, to pairs; every bad row reported.
fn rows_to_pairs<'a>(
    schools: &[RoundSchool],
    rows: impl Iterator<Item = (usize, &'a str, &'a str)>,
    school_column: &str,
) -> Result<Vec<(InstitutionId, String)>, Vec<RowError>> {
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for (row, school, typed) in rows {
        let Some(s) = school_named(schools, school) else {
            let reason = if school.trim().is_empty() {
                "请填写学校名称或学校标识码".to_string()
            } else {
                format!(
                    "“{}”不是本轮招生学校（请先在“招生学校”中选择该校）",
                    school.trim()
                )
            };
            errors.push(RowError::new(row, school_column, reason));
            continue;
        };
        match communities(typed) {
            Ok(list) if list.is_empty() => errors.push(RowError::new(
                row,
                "社区",
                format!("请列出{}学区内的社区", s.name),
            )),
            Ok(list) => pairs.extend(list.into_iter().map(|c| (s.institution_id, c))),
            Err(reason) => errors.push(RowError::new(row, "社区", reason)),
        }
    }
    if errors.is_empty() {
        Ok(pairs)
    } else {
        Err(errors)
    }
}

/// Catchments, one line each: 学校标识码,社区[、社区…].
pub async fn set_catchments(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    text: &str,
) -> Result<usize, AppError> {
    let schools = round_schools(db, caller, round).await?;
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let (school, rest) = line
                .split_once([',', '，', '\t', '、'])
                .unwrap_or((line, ""));
            (n + 1, school, rest)
        });
    let pairs = rows_to_pairs(&schools, lines, "学校标识码")
        .map_err(|errors| row_errors("catchments", errors))?;
    save(db, caller, round, &pairs).await
}

/// The columns of a catchment workbook: the school and the communities.
fn columns(t: &Table) -> Result<(usize, usize), Vec<RowError>> {
    let find = |names: &[&str]| t.headers.iter().position(|h| names.contains(&h.as_str()));
    let school = find(&["学校", "学校名称", "学校标识码"]);
    let community = find(&["社区", "学区社区", "社区（小区）", "学区"]);
    let mut missing = Vec::new();
    if school.is_none() {
        missing.push(RowError::new(
            t.header_row,
            "学校",
            "缺少“学校”列（学校名称或学校标识码）",
        ));
    }
    if community.is_none() {
        missing.push(RowError::new(
            t.header_row,
            "社区",
            "缺少“社区”列（一个或多个社区，用顿号分隔）",
        ));
    }
    match (school, community) {
        (Some(s), Some(c)) => Ok((s, c)),
        _ => Err(missing),
    }
}

/// Catchments from an .xlsx (or CSV) with the columns 学校 and 社区, one
/// row per school or per community. Replaces the round's catchments; a file
/// with any bad row changes nothing, and every bad row is reported with its
/// row number, column and reason.
pub async fn import_catchments(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    bytes: &[u8],
    filename: &str,
) -> Result<usize, AppError> {
    let schools = round_schools(db, caller, round).await?;
    let refused = |errors| row_errors("file", errors);
    let table = read_table(bytes, filename, None)
        .map_err(|e| AppError::Invalid(vec![FieldError::new("file", e.to_string())]))?;
    let (s, c) = columns(&table).map_err(refused)?;
    if table.rows.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "file",
            "文件中没有数据行",
        )]));
    }
    let rows = table.rows.iter().map(|r| (r.number, r.get(s), r.get(c)));
    let pairs = rows_to_pairs(&schools, rows, "学校").map_err(refused)?;
    save(db, caller, round, &pairs).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(id: i64, code: &str, name: &str) -> RoundSchool {
        RoundSchool {
            institution_id: InstitutionId(id),
            code: code.into(),
            name: name.into(),
            township_id: 1,
            seats: 10,
            early_seats: 0,
            private_lottery: false,
        }
    }

    #[test]
    fn communities_split_on_any_separator() {
        assert_eq!(
            communities("东迁社区、旧馆社区，双林 ").unwrap(),
            vec!["东迁社区", "旧馆社区", "双林"]
        );
        assert!(communities(&"长".repeat(51))
            .unwrap_err()
            .contains("超过 50 字"));
    }

    #[test]
    fn each_bad_row_is_named_by_number_column_and_reason() {
        let schools = [
            school(1, "2133050001", "实验小学"),
            school(2, "2133050002", "东风小学"),
        ];
        let rows = [
            (2, "实验小学", "东迁社区、旧馆社区"),
            (3, "2133050002", "双林社区"),
            (4, "不存在小学", "某社区"),
            (5, "东风小学（2133050002）", ""),
            (6, "", "某社区"),
        ];
        let errors = rows_to_pairs(&schools, rows.into_iter(), "学校").unwrap_err();
        let got: Vec<(usize, &str, &str)> = errors
            .iter()
            .map(|e| (e.row, e.column.as_str(), e.reason.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    4,
                    "学校",
                    "“不存在小学”不是本轮招生学校（请先在“招生学校”中选择该校）"
                ),
                (5, "社区", "请列出东风小学学区内的社区"),
                (6, "学校", "请填写学校名称或学校标识码"),
            ]
        );
        let pairs = rows_to_pairs(&schools, rows[..2].iter().copied(), "学校").unwrap();
        assert_eq!(pairs.len(), 3);
        assert_eq!(pairs[2], (InstitutionId(2), "双林社区".to_string()));
    }
}
