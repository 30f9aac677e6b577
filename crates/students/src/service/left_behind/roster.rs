//! The list of left-behind children (留守儿童名单): when care is overdue
//! (逾期) and the list as a workbook. The rows come from
//! [`crate::reader::StudentsReader::left_behind`], masked and audited.

use chrono::NaiveDate;
use platform::excel::{Cell, Title, Workbook};
use platform::AppError;

use super::kind_label;
use crate::domain::Grade;
use crate::store::left_behind::{LeftBehindFilter, LeftBehindRow};

/// How often a left-behind child gets a care record (关爱记录): at least
/// once a month; a child without one for longer is overdue (逾期), counted
/// from the last record or, before the first, from the start of the
/// current enrolment.
pub const CARE_EVERY_DAYS: u64 = 30;

/// Care last given before this day is overdue on `today`.
pub fn care_due_before(today: NaiveDate) -> NaiveDate {
    today - chrono::Days::new(CARE_EVERY_DAYS)
}

const HEADERS: [&str; 11] = [
    "姓名",
    "身份证件号",
    "留守类型",
    "乡镇（街道）",
    "学校",
    "年级",
    "班级",
    "档案",
    "档案更新",
    "最近关爱",
    "关爱逾期",
];

/// The filter in the list page's words, for the title row.
fn title(f: &LeftBehindFilter, institution: Option<&str>, township: Option<&str>) -> Title {
    Title::list("留守儿童名单")
        .filter("学校", institution.unwrap_or_default())
        .filter("乡镇（街道）", township.unwrap_or_default())
        .filter(
            "关爱",
            if f.overdue {
                format!("超过 {CARE_EVERY_DAYS} 天无关爱记录")
            } else {
                String::new()
            },
        )
}

pub fn roster_workbook(
    f: &LeftBehindFilter,
    institution: Option<&str>,
    township: Option<&str>,
    rows: &[LeftBehindRow],
) -> Result<Vec<u8>, AppError> {
    let mut wb = Workbook::export(&title(f, institution, township), &HEADERS);
    for r in rows {
        wb.row(&[
            Cell::text(&r.name),
            Cell::id(&r.id_number),
            Cell::text(kind_label(r.left_behind)),
            Cell::text(&r.township_name),
            Cell::text(&r.institution_name),
            Cell::text(Grade(r.grade).label()),
            Cell::text(&r.class_name),
            Cell::text(filed_label(r.filed)),
            Cell::text(
                r.archive_updated_at
                    .map(|t| platform::time::date_of(t).to_string())
                    .unwrap_or_default(),
            ),
            Cell::text(r.last_care.map(|d| d.to_string()).unwrap_or_default()),
            Cell::text(if r.overdue { "逾期" } else { "" }),
        ])?;
    }
    Ok(wb.finish()?)
}

pub fn filed_label(filed: bool) -> &'static str {
    if filed {
        "已建档"
    } else {
        "未建档"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_is_due_monthly() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(
            care_due_before(today),
            NaiveDate::from_ymd_opt(2026, 11, 7).unwrap()
        );
    }
}
