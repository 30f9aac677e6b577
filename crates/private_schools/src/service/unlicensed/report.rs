//! The monthly report (月报) of unlicensed kindergartens: counts by township
//! and status at the month's end, found and ended in the month, and the
//! share ended (清零进度).

use chrono::{Datelike, NaiveDate};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::inspections::permille;
use crate::domain::unlicensed::Status;
use crate::store::unlicensed as store;

/// One township's line: a count per status of [`Status::ALL`].
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TownshipLine {
    pub township_name: String,
    pub counts: Vec<i64>,
    pub total: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MonthReport {
    /// YYYY-MM
    pub month: String,
    pub statuses: Vec<Status>,
    pub townships: Vec<TownshipLine>,
    pub totals: Vec<i64>,
    pub total: i64,
    pub found_in_month: i64,
    pub ended_in_month: i64,
    /// Share ended (取缔, 转为合规, 停办) in tenths of a percent.
    pub cleared_permille: Option<i64>,
}

/// The first and last day of a month given as YYYY-MM.
pub fn month_span(month: &str) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d").ok()?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

pub async fn month(db: &Db, caller: &Caller, month: Option<&str>) -> Result<MonthReport, AppError> {
    let bureau = caller.bureau(db, WorkArea::PrivateEducation)?;
    let month = month
        .map(str::to_string)
        .unwrap_or_else(|| platform::time::today().format("%Y-%m").to_string());
    let (from, to) =
        month_span(&month).ok_or_else(|| AppError::invalid("month", "月份应为 YYYY-MM"))?;
    let rows = store::by_township(&bureau, to).await?;
    let (found_in_month, ended_in_month) = store::found_and_ended(&bureau, from, to).await?;
    let at = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    let mut townships: Vec<TownshipLine> = Vec::new();
    for r in rows {
        if townships.last().map(|t| &t.township_name) != Some(&r.township_name) {
            townships.push(TownshipLine {
                township_name: r.township_name.clone(),
                counts: vec![0; Status::ALL.len()],
                total: 0,
            });
        }
        if let Some(line) = townships.last_mut() {
            line.counts[at(r.status)] += r.count;
            line.total += r.count;
        }
    }
    let totals: Vec<i64> = (0..Status::ALL.len())
        .map(|i| townships.iter().map(|t| t.counts[i]).sum())
        .collect();
    let total: i64 = totals.iter().sum();
    let ended: i64 = Status::ALL
        .iter()
        .zip(&totals)
        .filter(|(s, _)| s.is_ended())
        .map(|(_, n)| n)
        .sum();
    Ok(MonthReport {
        month,
        statuses: Status::ALL.to_vec(),
        townships,
        totals,
        total,
        found_in_month,
        ended_in_month,
        cleared_permille: permille(ended, total),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_spans_its_days() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(month_span("2026-02"), Some((d(2026, 2, 1), d(2026, 2, 28))));
        assert_eq!(
            month_span("2026-12"),
            Some((d(2026, 12, 1), d(2026, 12, 31)))
        );
        assert_eq!(month_span("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(month_span("2026-13"), None);
        assert_eq!(month_span("x"), None);
    }
}
