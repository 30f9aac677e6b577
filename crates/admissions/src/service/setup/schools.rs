//! The round's schools and seats (招生学校与学位): chosen from the registry
//! on the round's page, or typed as lines through the API. Either way every
//! problem is reported and a refused list changes nothing.

use platform::auth::Caller;
use platform::db::{Db, Sql};
use platform::excel::RowError;
use platform::{AppError, FieldError, InstitutionId};

use super::{row_errors, writable};
use crate::domain::application::RoundStage;
use crate::domain::RoundId;
use crate::store::rounds;

pub use crate::store::rounds::Candidate;

/// The most seats one school may offer in a round.
const MAX_SEATS: i64 = 5000;

/// One school of the round as the bureau set it, numbers as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolEntry {
    pub institution: InstitutionId,
    /// 学位数 (招生计划数).
    pub seats: String,
    /// 提前招生数; blank is none.
    pub early: String,
    /// 民办摇号: everyone at the same tier, the lottery decides.
    pub private_lottery: bool,
}

/// What is wrong with one entry: its index, the column, the reason.
type Problem = (usize, &'static str, String);

/// A school as stored: institution, seats, early places, lottery.
type SchoolRow = (InstitutionId, i64, i64, bool);

/// The entries as stored rows, or every problem.
fn check(entries: &[SchoolEntry]) -> Result<Vec<SchoolRow>, Vec<Problem>> {
    let mut rows = Vec::with_capacity(entries.len());
    let mut problems = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if entries[..i].iter().any(|x| x.institution == e.institution) {
            problems.push((i, "学校", "该学校已在前面列出".to_string()));
            continue;
        }
        let seats = match e.seats.trim().parse::<i64>() {
            Ok(s) if (1..=MAX_SEATS).contains(&s) => s,
            _ => {
                problems.push((
                    i,
                    "学位数",
                    format!("学位数应为 1 到 {MAX_SEATS} 的整数（学位为 0 的学校不参加本轮招生）"),
                ));
                continue;
            }
        };
        let early = match e.early.trim() {
            "" => 0,
            typed => match typed.parse::<i64>() {
                Ok(n) if (0..=seats).contains(&n) => n,
                _ => {
                    problems.push((
                        i,
                        "提前招生数",
                        format!("提前招生数应为 0 到学位数（{seats}）之间的整数"),
                    ));
                    continue;
                }
            },
        };
        rows.push((e.institution, seats, early, e.private_lottery));
    }
    if entries.is_empty() {
        problems.push((0, "学校", "请至少选择一所学校".to_string()));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

async fn save(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    rows: &[SchoolRow],
) -> Result<usize, AppError> {
    let mut tx = db.begin().await?;
    rounds::replace_schools(&mut tx, round, rows).await?;
    super::super::round_changed(tx, caller, round, format!("设置招生学校 {} 所", rows.len()))
        .await?;
    Ok(rows.len())
}

/// The institutions the round's page offers: those of the round's stage in
/// the registry, and any already chosen.
pub async fn candidates(db: &Db, round: &rounds::Round) -> Result<Vec<Candidate>, AppError> {
    let stage = RoundStage::parse(&round.stage).unwrap_or(RoundStage::Primary1);
    Ok(rounds::candidates(db, round.id, stage.school_types()).await?)
}

/// Schools chosen on the round's page. Problems come back on the fields
/// `seats_<id>`, `early_<id>` or `pick_<id>` of the school, named.
pub async fn set_school_entries(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    entries: &[SchoolEntry],
) -> Result<usize, AppError> {
    let r = writable(db, caller, round).await?;
    let problems = match check(entries) {
        Ok(rows) => return save(db, caller, round, &rows).await,
        Err(problems) => problems,
    };
    let offered = candidates(db, &r).await?;
    let name_of = |id: InstitutionId| {
        offered
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let errors = problems
        .into_iter()
        .map(|(i, column, reason)| match entries.get(i) {
            Some(e) => {
                let field = match column {
                    "学位数" => "seats",
                    "提前招生数" => "early",
                    _ => "pick",
                };
                let message = format!("{}：{reason}", name_of(e.institution));
                FieldError::new(format!("{field}_{}", e.institution), message)
            }
            None => FieldError::new("schools", reason),
        });
    Err(AppError::Invalid(errors.collect()))
}

/// Schools and seats, one line each: 学校标识码,学位数[,提前招生数][,民办摇号].
/// Any bad line: nothing changes.
pub async fn set_schools(
    db: &Db,
    caller: &Caller,
    round: RoundId,
    text: &str,
) -> Result<usize, AppError> {
    writable(db, caller, round).await?;
    let mut entries = Vec::new();
    let mut line_of = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cells: Vec<&str> = line.split([',', '，', '\t']).map(str::trim).collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let id = db
            .fetch_optional::<(InstitutionId,)>(
                Sql::new("SELECT id FROM institutions WHERE code = ").bind(cell(0)),
            )
            .await?;
        let Some((institution,)) = id else {
            errors.push(RowError::new(
                n + 1,
                "学校标识码",
                format!("没有学校标识码为“{}”的机构", cell(0)),
            ));
            continue;
        };
        entries.push(SchoolEntry {
            institution,
            seats: cell(1).into(),
            early: cell(2).into(),
            private_lottery: matches!(cell(3), "是" | "民办" | "民办摇号" | "1"),
        });
        line_of.push(n + 1);
    }
    let checked = check(&entries);
    if let Err(problems) = &checked {
        for (i, column, reason) in problems {
            let column = if *column == "学校" {
                "学校标识码"
            } else {
                column
            };
            match line_of.get(*i) {
                Some(&row) => errors.push(RowError::new(row, column, reason.clone())),
                None if errors.is_empty() => {
                    errors.push(RowError::new(1, column, "请至少列出一所学校"))
                }
                None => {}
            }
        }
    }
    errors.sort_by_key(|e| e.row);
    match checked {
        Ok(rows) if errors.is_empty() => save(db, caller, round, &rows).await,
        _ => Err(row_errors("schools", errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, seats: &str, early: &str) -> SchoolEntry {
        SchoolEntry {
            institution: InstitutionId(id),
            seats: seats.into(),
            early: early.into(),
            private_lottery: false,
        }
    }

    #[test]
    fn every_problem_is_named_with_its_column() {
        let problems = check(&[
            entry(1, "0", ""),
            entry(2, "40", "41"),
            entry(1, "5", ""),
            entry(3, "四十", ""),
        ])
        .unwrap_err();
        let columns: Vec<(usize, &str)> = problems.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(
            columns,
            vec![(0, "学位数"), (1, "提前招生数"), (2, "学校"), (3, "学位数")]
        );
        assert_eq!(problems[1].2, "提前招生数应为 0 到学位数（40）之间的整数");
        assert_eq!(check(&[]).unwrap_err()[0].2, "请至少选择一所学校");
    }

    #[test]
    fn sound_entries_become_rows() {
        let rows = check(&[entry(1, " 45 ", ""), entry(2, "30", "5")]).unwrap();
        assert_eq!(
            rows,
            vec![
                (InstitutionId(1), 45, 0, false),
                (InstitutionId(2), 30, 5, false)
            ]
        );
    }
}
