//! The case list as a workbook (控辍保学案件名单); the rows come from
//! [`crate::reader::DropoutReader::export`], masked and audited.

use platform::excel::{Cell, Title, Workbook};
use platform::AppError;

use crate::domain::dropout::CaseStatus;
use crate::store::dropout::{CaseFilter, CaseRow};

const HEADERS: [&str; 11] = [
    "姓名",
    "身份证件号",
    "乡镇（街道）",
    "学校",
    "原因",
    "劝返责任人",
    "状态",
    "立案日期",
    "家访次数",
    "最近家访",
    "结案日期",
];

/// The filter in the list page's words, for the title row.
fn title(f: &CaseFilter, township: Option<&str>) -> Title {
    Title::list("控辍保学案件")
        .filter("姓名", f.q.clone().unwrap_or_default())
        .filter_code("状态", f.status.as_deref(), |s| {
            CaseStatus::parse(s).map(CaseStatus::label)
        })
        .filter("乡镇（街道）", township.unwrap_or_default())
        .filter("分派", if f.unassigned { "未分派" } else { "" })
        .filter(
            "家访",
            if f.visit_due_before.is_some() {
                "超过 30 天未家访"
            } else {
                ""
            },
        )
}

pub fn cases_workbook(
    f: &CaseFilter,
    township: Option<&str>,
    rows: &[CaseRow],
) -> Result<Vec<u8>, AppError> {
    let mut wb = Workbook::export(&title(f, township), &HEADERS);
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for c in rows {
        wb.row(&[
            Cell::text(&c.name),
            Cell::id(&c.id_number),
            Cell::text(&c.township_name),
            Cell::text(c.institution_name.as_deref().unwrap_or("")),
            Cell::text(&c.cause),
            Cell::text(&c.responsible),
            Cell::text(c.status.label()),
            Cell::text(c.opened_on.to_string()),
            Cell::Int(c.visits),
            Cell::text(day(c.last_visit)),
            Cell::text(day(c.closed_on)),
        ])?;
    }
    Ok(wb.finish()?)
}
