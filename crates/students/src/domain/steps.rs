//! Which life-cycle steps a grade allows, and what a suspension (休学)
//! must say. 控辍保学 covers compulsory education only (义务教育, grades
//! 1–9): a kindergarten child or a 高中/中职 student who leaves school is
//! not a dropout case. Kindergarten children are not suspended either: they
//! simply stop attending.

use chrono::NaiveDate;
use platform::vocab::{Checker, Field};
use platform::FieldError;
use serde::Serialize;

use super::{Grade, Stage};

/// Whether a pupil in `grade` may be registered as a dropout (登记辍学).
pub fn dropout_applies(grade: Grade) -> bool {
    matches!(grade.stage(), Stage::Primary | Stage::Junior)
}

/// Whether a pupil in `grade` may be suspended (休学).
pub fn suspension_applies(grade: Grade) -> bool {
    grade.stage() != Stage::Preschool
}

/// The reasons a suspension may give (休学原因).
pub const SUSPENSION_REASONS: [&str; 4] = ["疾病", "家庭原因", "出国（境）", "其他"];

/// A suspension as checked: reason, its explanation and the first day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suspension {
    pub reason: String,
    pub detail: String,
    pub from: NaiveDate,
}

const REASON: Field = Field::new("reason", "休学原因");
const DETAIL: Field = Field::new("detail", "原因说明");
const DATE: Field = Field::new("date", "休学日期");

/// How far ahead a suspension may be dated (the next term's start).
const DAYS_AHEAD: i64 = 92;

/// Checks a suspension: a listed reason (with an explanation for 其他)
/// and a date from a year back to [`DAYS_AHEAD`] days ahead of `today`.
pub fn check_suspension(
    reason: &str,
    detail: &str,
    date: &str,
    today: NaiveDate,
) -> Result<Suspension, Vec<FieldError>> {
    let mut c = Checker::new();
    let reason = c.required(REASON, reason);
    let reason = c.one_of(REASON, reason, &SUSPENSION_REASONS);
    let detail = if reason == "其他" {
        c.required_text(DETAIL, detail, 200)
    } else {
        c.text(DETAIL, detail, 200)
    };
    let from = c.required(DATE, date);
    let from = c.date(DATE, from);
    let window = today - chrono::Duration::days(366)..=today + chrono::Duration::days(DAYS_AHEAD);
    if let Some(d) = from.filter(|d| !window.contains(d)) {
        c.custom(
            DATE.key,
            format!("休学日期 {d} 不在一年前到 {DAYS_AHEAD} 天后之间"),
        );
    }
    let checked = c.finish((reason.to_string(), detail.to_string()))?;
    Ok(Suspension {
        reason: checked.0,
        detail: checked.1,
        from: from.unwrap_or(today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_compulsory_grades_drop_out_and_kindergarten_is_not_suspended() {
        for g in Grade::ALL {
            assert_eq!(dropout_applies(g), (1..=9).contains(&g.0), "{g:?}");
            assert_eq!(suspension_applies(g), g.0 >= 1, "{g:?}");
        }
    }

    #[test]
    fn a_suspension_needs_a_listed_reason_and_a_plausible_date() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let ok = check_suspension("疾病", " 住院治疗 ", "2026-12-01", today).unwrap();
        assert_eq!(ok.reason, "疾病");
        assert_eq!(ok.detail, "住院治疗");
        assert_eq!(ok.from, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let keys = |r: Result<Suspension, Vec<FieldError>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|e| e.field).collect()
        };
        assert_eq!(
            keys(check_suspension("", "", "", today)),
            ["reason", "date"]
        );
        assert_eq!(
            keys(check_suspension("想休息", "", "20261201", today)),
            ["reason"]
        );
        assert_eq!(
            keys(check_suspension("其他", "", "20261201", today)),
            ["detail"]
        );
        assert_eq!(
            keys(check_suspension("疾病", "", "2030-01-01", today)),
            ["date"]
        );
        assert_eq!(keys(check_suspension("疾病", "", "明天", today)), ["date"]);
    }
}
