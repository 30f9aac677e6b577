//! One row of the household register, checked: the ID number (GB 11643),
//! name, sex and birth date agreeing with the ID, the township by name or
//! code, and the contact fields.

use platform::district::Township;
use platform::excel::{RowError, TableRow};
use platform::vocab::check::{row_errors, Checker, Field};

use crate::domain::identity::NationalId;
use crate::service::today;
use crate::store::dropout::NewChild;

/// The columns of the register, in template order.
pub const CHILD_COLUMNS: [&str; 8] = [
    "身份证件号",
    "姓名",
    "性别",
    "出生日期",
    "所在乡镇（街道）",
    "家庭住址",
    "监护人",
    "监护人电话",
];

fn find_township<'t>(townships: &'t [Township], v: &str) -> Option<&'t Township> {
    townships.iter().find(|t| t.code == v || t.name == v)
}

/// Checks one row into a child, or the reasons it is refused.
pub fn check_row(
    row: &TableRow,
    cols: &[Option<usize>; 8],
    townships: &[Township],
) -> Result<NewChild, Vec<RowError>> {
    let cell = |k: usize| cols[k].map(|c| row.get(c).trim()).unwrap_or("");
    let col = |k: usize| Field::new(CHILD_COLUMNS[k], CHILD_COLUMNS[k]);
    let mut c = Checker::new();
    let id = match NationalId::parse_at(cell(0), today()) {
        Ok(id) => Some(id),
        Err(why) => {
            c.custom(CHILD_COLUMNS[0], why.to_string());
            None
        }
    };
    let name = c.required_text(col(1), cell(1), 50);
    let sex = match cell(2) {
        "" => id.as_ref().map(|i| i.sex().code()),
        "男" | "1" => Some("1"),
        "女" | "2" => Some("2"),
        other => {
            c.custom(
                CHILD_COLUMNS[2],
                format!("性别“{other}”无效，应为 男 或 女"),
            );
            None
        }
    };
    if let (Some(id), Some(s)) = (&id, sex) {
        if id.sex().code() != s {
            c.custom(
                CHILD_COLUMNS[2],
                format!("性别与身份证件号不符（身份证件号为{}性）", id.sex().label()),
            );
        }
    }
    let birth = match cell(3) {
        "" => id.as_ref().map(NationalId::birth_date),
        v => c.date(col(3), v),
    };
    if let (Some(id), Some(b)) = (&id, birth) {
        if id.birth_date() != b {
            c.custom(
                CHILD_COLUMNS[3],
                format!(
                    "出生日期 {b} 与身份证件号中的出生日期 {} 不符",
                    id.birth_date()
                ),
            );
        }
    }
    let township = match cell(4) {
        "" => {
            c.custom(CHILD_COLUMNS[4], "请填写所在乡镇（街道）");
            None
        }
        v => match find_township(townships, v) {
            Some(t) => Some(t),
            None => {
                c.custom(
                    CHILD_COLUMNS[4],
                    format!("本区没有名称或代码为“{v}”的乡镇（街道）"),
                );
                None
            }
        },
    };
    c.text(col(5), cell(5), 200);
    c.text(col(6), cell(6), 50);
    let phone = c.phone(col(7), cell(7));
    match (id, sex, birth, township) {
        (Some(id), Some(sex), Some(birth_date), Some(t)) if c.is_ok() => Ok(NewChild {
            id_number: id.as_str().to_string(),
            name: name.to_string(),
            sex: sex.to_string(),
            birth_date,
            township_id: t.id,
            address: cell(5).to_string(),
            guardian_name: cell(6).to_string(),
            guardian_phone: phone.to_string(),
        }),
        _ => Err(row_errors(row.number, c.into_errors(), &[])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use platform::TownshipId;

    fn towns() -> Vec<Township> {
        vec![Township {
            id: TownshipId(3),
            code: "330503100".into(),
            name: "双林镇".into(),
            kind: "town".into(),
            urban_rural: "town".into(),
        }]
    }

    fn row(cells: &[&str]) -> TableRow {
        TableRow {
            number: 2,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    const COLS: [Option<usize>; 8] = [
        Some(0),
        Some(1),
        Some(2),
        Some(3),
        Some(4),
        Some(5),
        Some(6),
        Some(7),
    ];

    #[test]
    fn a_good_row_and_its_derived_fields() {
        let c = check_row(
            &row(&["330503201409011236", "张小明", "", "", "双林镇", "", "", ""]),
            &COLS,
            &towns(),
        );
        let c = c.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.sex, "1");
        assert_eq!(c.birth_date.to_string(), "2014-09-01");
        assert_eq!(c.township_id, TownshipId(3));
    }

    #[test]
    fn bad_cells_are_named() {
        let e = check_row(
            &row(&[
                "330503201409011236",
                "",
                "女",
                "2014-09-02",
                "火星镇",
                "",
                "",
                "call",
            ]),
            &COLS,
            &towns(),
        )
        .unwrap_err();
        let cols: Vec<&str> = e.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            cols,
            vec!["姓名", "性别", "出生日期", "所在乡镇（街道）", "监护人电话"]
        );
        assert!(e[3].reason.contains("火星镇"));
    }
}
