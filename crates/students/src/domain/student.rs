//! One student's record as it arrives (a template row, a form, an API call),
//! checked field by field into a [`NewStudent`] and a [`Placement`].

use chrono::{Datelike, NaiveDate};
use platform::FieldError;
use serde::Serialize;

use super::dates::parse_month;
use super::identity::{validate_document, DocumentType, NationalId, Sex};
use super::template::fields;
use super::Grade;

/// A checked student record, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewStudent {
    pub id_type: String,
    pub id_number: String,
    pub name: String,
    /// GB/T 2261.1: "1" male, "2" female.
    pub sex: String,
    pub birth_date: NaiveDate,
    /// GB/T 3304 code.
    pub ethnicity: String,
    /// agricultural, non_agricultural or empty.
    pub hukou_type: String,
    pub hukou_division: String,
    pub health: String,
    /// 0 非留守, 1 单亲留守, 2 双亲留守.
    pub left_behind: i64,
    pub migrant_child: bool,
    pub orphan: bool,
    pub disability: String,
    pub inclusive_class: bool,
    pub boarding: bool,
    pub dibao: bool,
    pub registered_poor: bool,
    pub address: String,
    pub phone: String,
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
    /// The other template fields that were filled in, as a JSON object
    /// keyed by header.
    pub extra_json: Option<String>,
}

/// Where the student is enrolled: institution (by 学校标识码), grade, class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placement {
    pub institution_code: String,
    pub grade: Grade,
    pub class_name: String,
    pub entered_on: Option<NaiveDate>,
}

mod coded;
mod fields;

pub use coded::{coded, Coded};
pub use fields::{id_number_field, school_field};
use fields::{idx, Check};

const DISABILITIES: [&str; 8] = [
    "视力残疾",
    "听力残疾",
    "言语残疾",
    "肢体残疾",
    "智力残疾",
    "精神残疾",
    "多重残疾",
    "其他残疾",
];

/// Checks one record given as one value per template field (in the order of
/// [`fields`]). Returns every problem at once, keyed by template header.
pub fn check(
    values: &[&str],
    today: NaiveDate,
) -> Result<(NewStudent, Placement), Vec<FieldError>> {
    let i = idx();
    let mut c = Check::new(values);
    c.lengths();
    let name = c.required_text(i.name, 40).to_string();
    // Document type and number.
    let doc = match c.get(i.id_type) {
        "" => Some(DocumentType::ResidentId),
        v => DocumentType::parse(v).or_else(|| {
            c.fail(i.id_type, format!("身份证件类型“{v}”无法识别"));
            None
        }),
    };
    let raw_number = c.required(i.id_number);
    let mut id_birth = None;
    let mut id_sex = None;
    let id_number = match doc {
        Some(d) if !raw_number.is_empty() => match validate_document(d, raw_number) {
            Ok(n) => {
                if matches!(
                    d,
                    DocumentType::ResidentId | DocumentType::HkMacaoTaiwanResidence
                ) {
                    if let Ok(nid) = NationalId::parse(&n) {
                        id_birth = Some(nid.birth_date());
                        id_sex = Some(nid.sex());
                    }
                }
                n
            }
            Err(e) => {
                c.fail(i.id_number, e.to_string());
                String::new()
            }
        },
        _ => String::new(),
    };
    // Sex and birth date: from the fields, checked against the ID number.
    let sex = match c.get(i.sex) {
        "男" | "1" | "男性" => Some(Sex::Male),
        "女" | "2" | "女性" => Some(Sex::Female),
        "" => id_sex,
        other => {
            c.fail(i.sex, format!("性别应填“男”或“女”，而不是“{other}”"));
            None
        }
    };
    if let (Some(s), Some(from_id)) = (sex, id_sex) {
        if s != from_id {
            c.fail(
                i.sex,
                format!(
                    "性别“{}”与身份证号不一致（身份证号显示为{}）",
                    s.label(),
                    from_id.label()
                ),
            );
        }
    }
    // A bad ID number is one error, not three: sex and birth date would
    // have come from it.
    let id_failed = raw_number.is_empty() || id_number.is_empty();
    if sex.is_none() && c.get(i.sex).is_empty() && !id_failed {
        c.fail(i.sex, "请填写性别".into());
    }
    let birth = match c.get(i.birth) {
        "" => id_birth,
        _ => c.date(i.birth),
    };
    if let (Some(b), Some(from_id)) = (birth, id_birth) {
        if b != from_id {
            c.fail(
                i.birth,
                format!("出生日期 {b} 与身份证号中的 {from_id} 不一致"),
            );
        }
    }
    if let Some(b) = birth {
        let age = today.year() - b.year();
        if b > today || !(1..=30).contains(&age) {
            c.fail(i.birth, format!("出生日期 {b} 不合理（年龄 {age} 岁）"));
        }
    } else if c.get(i.birth).is_empty() && !id_failed {
        c.fail(i.birth, "请填写出生日期".into());
    }
    let ethnicity = c.coded(i.ethnicity).unwrap_or("01").to_string();
    let hukou_type = match c.get(i.hukou_type) {
        "" => "",
        "农业户口" | "农业" | "农业家庭户口" | "农业集体户口" => "agricultural",
        "非农业户口" | "非农业" | "非农业家庭户口" | "非农业集体户口" => {
            "non_agricultural"
        }
        other => {
            c.fail(
                i.hukou_type,
                format!("户口性质应为“农业户口”或“非农业户口”，而不是“{other}”"),
            );
            ""
        }
    }
    .to_string();
    let hukou_division = c.get(i.hukou_division).to_string();
    if !hukou_division.is_empty() && platform::codes::division(&hukou_division).is_none() {
        c.fail(
            i.hukou_division,
            format!("户口所在地“{hukou_division}”不是有效的行政区划代码"),
        );
    }
    let health = c.coded(i.health).unwrap_or("").to_string();
    let coded_extras = c.coded_extras();
    let left_behind = match c.get(i.left_behind) {
        "" | "非留守儿童" | "否" => 0,
        "单亲留守儿童" => 1,
        "双亲留守儿童" => 2,
        other => {
            c.fail(
                i.left_behind,
                format!(
                    "是否留守儿童应为 非留守儿童、单亲留守儿童 或 双亲留守儿童，而不是“{other}”"
                ),
            );
            0
        }
    };
    let migrant_child = c.yes_no(i.migrant);
    let orphan = c.yes_no(i.orphan);
    let inclusive_text = c.one_of(i.inclusive, false);
    let inclusive_class = !inclusive_text.is_empty() && inclusive_text != "非随班就读";
    let disability = match c.one_of(i.disability, false) {
        "" | "无残疾" => String::new(),
        d => d.to_string(),
    };
    if inclusive_class {
        let kind = inclusive_text.trim_end_matches("随班就读");
        if disability.is_empty() {
            c.fail(
                i.disability,
                format!("随班就读为“{inclusive_text}”时须填写残疾类型"),
            );
        } else if kind != "其他残疾" && kind != disability && disability != "多重残疾" {
            c.fail(
                i.disability,
                format!("残疾类型“{disability}”与随班就读“{inclusive_text}”不一致"),
            );
        }
    }
    debug_assert!(DISABILITIES
        .iter()
        .all(|d| fields()[i.disability].allowed.iter().any(|a| a == d)));
    let boarding = match c.get(i.boarding) {
        "" | "走读" => false,
        "住校" | "寄宿" => true,
        other => {
            c.fail(
                i.boarding,
                format!("就读方式应为“走读”或“住校”，而不是“{other}”"),
            );
            false
        }
    };
    let dibao = c.yes_no(i.dibao);
    let registered_poor = c.yes_no(i.poor);
    let address = c.text(i.address, 120);
    let phone = c.text(i.phone, 30);
    let guardian_name = c.text(i.g_name, 40);
    let guardian_relation = c.text(i.g_relation, 20);
    let guardian_phone = c.text(i.g_phone, 30);
    // Placement.
    let institution_code = c.required(i.school).to_string();
    let grade = match c.get(i.grade) {
        "" => {
            c.fail(i.grade, "请填写年级".into());
            None
        }
        v => Grade::parse(v).or_else(|| {
            c.fail(
                i.grade,
                format!("年级“{v}”无法识别，请写作 一年级、七年级、高一 或 小班"),
            );
            None
        }),
    };
    if let (Some(g), Some(b)) = (grade, birth) {
        let year = if today.month() >= 9 {
            today.year()
        } else {
            today.year() - 1
        };
        let age = crate::domain::dropout::age_at_school_year(b, year);
        if !super::grade::age_fits(g, age) {
            c.fail(
                i.grade,
                format!("{age} 岁的学生不应在{}，请核对年级或出生日期", g.label()),
            );
        }
    }
    let class_name = c.text(i.class, 20);
    let entered_on = match c.get(i.entered) {
        "" => None,
        v => parse_month(v).or_else(|| {
            c.fail(i.entered, format!("入学年月“{v}”无法识别，请写作 201409"));
            None
        }),
    };
    if !c.checker.is_ok() {
        return Err(c.checker.into_errors());
    }
    let mut extra: serde_json::Map<String, serde_json::Value> = values
        .iter()
        .zip(fields())
        .enumerate()
        .filter(|&(n, (v, _))| !i.read.get(n).copied().unwrap_or(false) && !v.trim().is_empty())
        .map(|(_, (v, f))| {
            (
                f.header.clone(),
                serde_json::Value::String(v.trim().to_string()),
            )
        })
        .collect();
    for (header, stored) in coded_extras {
        extra.insert(header.into(), serde_json::Value::String(stored.into()));
    }
    let student = NewStudent {
        id_type: doc.map(|d| d.key().to_string()).unwrap_or_default(),
        id_number,
        name,
        sex: sex.map(|s| s.code().to_string()).unwrap_or_default(),
        birth_date: birth.unwrap_or_default(),
        ethnicity,
        hukou_type,
        hukou_division,
        health,
        left_behind,
        migrant_child,
        orphan,
        disability,
        inclusive_class,
        boarding,
        dibao,
        registered_poor,
        address,
        phone,
        guardian_name,
        guardian_relation,
        guardian_phone,
        extra_json: (!extra.is_empty()).then(|| serde_json::Value::Object(extra).to_string()),
    };
    Ok((
        student,
        Placement {
            institution_code,
            grade: grade.unwrap_or(Grade(1)),
            class_name,
            entered_on,
        },
    ))
}

/// Builds a value row (one per template field) from header → value pairs;
/// convenient for forms, the API and tests.
pub fn values_from_pairs<'a>(pairs: &[(&str, &'a str)]) -> Vec<&'a str> {
    let mut v = vec![""; fields().len()];
    for (header, value) in pairs {
        if let Some(n) = fields().iter().position(|f| f.header == *header) {
            v[n] = value;
        }
    }
    v
}

#[cfg(test)]
mod check_tests;
#[cfg(test)]
mod tests;
