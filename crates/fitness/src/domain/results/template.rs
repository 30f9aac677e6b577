//! The layout of the national fitness data upload template (国家学生体质
//! 健康标准数据管理系统: 学生信息表 and 体测成绩导入表; sources and
//! choices in docs/fitness-template.md). The 体测成绩导入表 repeats the
//! nine columns of the 学生信息表 and adds one column per result, so one
//! file in its layout serves both.

use platform::vocab::Sex;

use super::field::Field;
use super::{grade_label, Sheet};

/// The sheet of results.
pub const RESULTS_SHEET: &str = "体测成绩导入表";
/// The sheet of pupils.
pub const STUDENTS_SHEET: &str = "学生信息表";

/// The 学生信息表's columns, first in the 体测成绩导入表 too.
pub const STUDENT_HEADERS: [&str; 9] = [
    "年级编号",
    "班级编号",
    "班级名称",
    "学籍号",
    "民族代码",
    "姓名",
    "性别",
    "出生日期",
    "家庭住址",
];

/// What a cell says for a pupil 免测.
pub const EXEMPT: &str = "免测";

/// The 体测成绩导入表's columns.
pub fn headers() -> Vec<&'static str> {
    STUDENT_HEADERS
        .into_iter()
        .chain(Field::ALL.iter().map(|f| f.header()))
        .collect()
}

/// 年级编号: 11–16 for 一年级 to 六年级, 21–23 初中, 31–33 高中.
pub fn grade_code(grade: u8) -> String {
    match grade {
        1..=6 => format!("1{grade}"),
        7..=9 => format!("2{}", grade - 6),
        10..=12 => format!("3{}", grade - 9),
        _ => String::new(),
    }
}

/// The grade (1–12) of a 年级编号.
pub fn grade_of_code(code: &str) -> Option<u8> {
    let (stage, year) = match code.trim().as_bytes() {
        [s, y] if y.is_ascii_digit() => (*s, y - b'0'),
        _ => return None,
    };
    match (stage, year) {
        (b'1', 1..=6) => Some(year),
        (b'2', 1..=3) => Some(year + 6),
        (b'3', 1..=3) => Some(year + 9),
        _ => None,
    }
}

/// 班级编号: the 年级编号 and the class's number in two digits ("3班" in
/// 初一 → 2103); empty when the class name has no number.
pub fn class_code(grade: u8, class_name: &str) -> String {
    let digits: String = class_name.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) if n < 100 => format!("{}{n:02}", grade_code(grade)),
        _ => String::new(),
    }
}

/// 全国学籍号 of a pupil with a 身份证: G and the ID number.
pub fn student_number(id_number: &str) -> String {
    format!("G{id_number}")
}

/// The ID number a 学籍号 (or a bare ID number) stands for.
pub fn id_number_of(student_number: &str) -> String {
    let s = student_number.trim().to_ascii_uppercase();
    match s.strip_prefix(['G', 'L', 'J']) {
        Some(rest) if rest.len() == 18 => rest.to_string(),
        _ => s,
    }
}

/// One row of the 体测成绩导入表 as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateRow {
    pub grade: u8,
    pub class_name: String,
    /// The ID number the 学籍号 stands for.
    pub id_number: String,
    pub name: String,
    pub sex: Sex,
    pub sheet: Sheet,
}

/// A problem in one column of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    pub column: &'static str,
    pub reason: String,
}

fn problem(column: &'static str, reason: impl Into<String>) -> CellError {
    CellError {
        column,
        reason: reason.into(),
    }
}

/// Where each header of [`headers`] is in a file's header row.
pub fn column_map(file_headers: &[String]) -> Vec<Option<usize>> {
    headers()
        .iter()
        .map(|h| file_headers.iter().position(|f| f.trim() == *h))
        .collect()
}

/// A file row's cells in [`headers`] order ("" where the file has none).
pub fn aligned<'a>(map: &[Option<usize>], cells: &[&'a str]) -> Vec<&'a str> {
    map.iter()
        .map(|c| c.and_then(|i| cells.get(i).copied()).unwrap_or(""))
        .collect()
}

/// Reads a row whose cells are in [`headers`] order: every problem of the
/// row at once.
pub fn read_row(cells: &[&str]) -> Result<TemplateRow, Vec<CellError>> {
    let cell = |h: &str| -> &str {
        let at = match h {
            "年级编号" => 0,
            "班级名称" => 2,
            "学籍号" => 3,
            "姓名" => 5,
            "性别" => 6,
            _ => return "",
        };
        cells.get(at).copied().unwrap_or("")
    };
    let mut errors = Vec::new();
    let grade = grade_of_code(cell("年级编号"));
    if grade.is_none() {
        errors.push(problem(
            "年级编号",
            format!(
                "年级编号「{}」无效（一至六年级为 11～16，初一至初三为 21～23，高一至高三为 31～33）",
                cell("年级编号")
            ),
        ));
    }
    let id_number = id_number_of(cell("学籍号"));
    if id_number.is_empty() {
        errors.push(problem("学籍号", "学籍号不能为空"));
    }
    let sex = match cell("性别").trim() {
        "1" | "男" => Some(Sex::Male),
        "2" | "女" => Some(Sex::Female),
        other => {
            errors.push(problem(
                "性别",
                format!("性别「{other}」无效（1 为男，2 为女）"),
            ));
            None
        }
    };
    let mut sheet = Sheet::default();
    for (k, field) in Field::ALL.into_iter().enumerate() {
        let text = cells
            .get(STUDENT_HEADERS.len() + k)
            .copied()
            .unwrap_or("")
            .trim();
        if text.is_empty() {
            continue;
        }
        if text == EXEMPT {
            sheet.exempt = true;
            continue;
        }
        match field.parse(text) {
            Some(v) => sheet.set(field, Some(v)),
            None => errors.push(problem(
                field.header(),
                format!("无法识别「{text}」（单位：{}）", field.unit()),
            )),
        }
    }
    let (Some(grade), Some(sex)) = (grade, sex) else {
        return Err(errors);
    };
    errors.extend(
        sheet
            .check(grade, sex)
            .into_iter()
            .map(|e| problem(e.field.header(), e.reason)),
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(TemplateRow {
        grade,
        class_name: cell("班级名称").trim().to_string(),
        id_number,
        name: cell("姓名").trim().to_string(),
        sex,
        sheet,
    })
}

/// A pupil as the 学生信息表 describes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pupil {
    pub grade: u8,
    pub class_name: String,
    pub id_number: String,
    /// 民族代码 (GB 3304, "01" 汉族).
    pub ethnicity: String,
    pub name: String,
    pub sex: Sex,
    /// 出生日期, YYYY-MM-DD.
    pub birth_date: String,
    pub address: String,
}

/// The 学生信息表's cells of a pupil.
pub fn student_cells(p: &Pupil) -> Vec<String> {
    vec![
        grade_code(p.grade),
        class_code(p.grade, &p.class_name),
        p.class_name.clone(),
        student_number(&p.id_number),
        p.ethnicity.clone(),
        p.name.clone(),
        p.sex.code().to_string(),
        p.birth_date.clone(),
        p.address.clone(),
    ]
}

/// The 体测成绩导入表's cells of a pupil's sheet: a pupil 免测 has 免测
/// in each result the grade takes and has no value for.
pub fn result_cells(p: &Pupil, sheet: &Sheet) -> Vec<String> {
    let taken = Field::taken_by(p.grade, p.sex);
    let mut cells = student_cells(p);
    cells.extend(Field::ALL.into_iter().map(|f| match sheet.get(f) {
        Some(v) => f.format(v),
        None if sheet.exempt && taken.contains(&f) && matches!(f, Field::Item(_)) => {
            EXEMPT.to_string()
        }
        None => String::new(),
    }));
    cells
}

/// "初一（3班）" for messages.
pub fn class_label(grade: u8, class_name: &str) -> String {
    format!("{}{}", grade_label(grade), class_name)
}
