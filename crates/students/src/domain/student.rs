//! One student's record as it arrives (a template row, a form, an API call),
//! checked field by field into a [`NewStudent`] and a [`Placement`].

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::dates::{parse_date, parse_month};
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

/// A problem with one field: index into [`fields`] and the message.
pub type FieldProblem = (usize, String);

/// Positions of the fields the rules read, found once by header.
struct Idx {
    name: usize,
    sex: usize,
    birth: usize,
    ethnicity: usize,
    id_type: usize,
    id_number: usize,
    health: usize,
    hukou_division: usize,
    hukou_type: usize,
    grade: usize,
    class: usize,
    entered: usize,
    boarding: usize,
    address: usize,
    phone: usize,
    left_behind: usize,
    migrant: usize,
    orphan: usize,
    inclusive: usize,
    disability: usize,
    g_name: usize,
    g_relation: usize,
    g_phone: usize,
    school: usize,
    dibao: usize,
    poor: usize,
    /// Per template field: whether the rules above read it (the others
    /// are kept as they are, in `extra_json`).
    read: Vec<bool>,
}

fn idx() -> &'static Idx {
    static I: OnceLock<Idx> = OnceLock::new();
    I.get_or_init(|| {
        // Every field looked up here is one the rules read.
        let mut read = vec![false; fields().len()];
        let mut at = |h: &str| {
            let n = fields()
                .iter()
                .position(|f| f.header == h)
                .unwrap_or_else(|| panic!("template lacks {h}"));
            read[n] = true;
            n
        };
        Idx {
            name: at("姓名"),
            sex: at("性别"),
            birth: at("出生日期"),
            ethnicity: at("民族"),
            id_type: at("身份证件类型"),
            id_number: at("身份证件号"),
            health: at("健康状况"),
            hukou_division: at("户口所在地"),
            hukou_type: at("户口性质"),
            grade: at("年级"),
            class: at("班级"),
            entered: at("入学年月"),
            boarding: at("就读方式"),
            address: at("现住址"),
            phone: at("联系电话"),
            left_behind: at("是否留守儿童"),
            migrant: at("是否进城务工人员随迁子女"),
            orphan: at("是否孤儿"),
            inclusive: at("随班就读"),
            disability: at("残疾类型"),
            g_name: at("监护人一·姓名"),
            g_relation: at("监护人一·关系"),
            g_phone: at("监护人一·联系电话"),
            school: at("学校标识码"),
            dibao: at("是否低保"),
            poor: at("是否建档立卡"),
            read,
        }
    })
}

/// The template index of the 学校标识码 column (for scope checks).
pub fn school_field() -> usize {
    idx().school
}

/// The template index of the 身份证件号 column.
pub fn id_number_field() -> usize {
    idx().id_number
}

struct Check<'a> {
    values: &'a [&'a str],
    problems: Vec<FieldProblem>,
}

impl<'a> Check<'a> {
    fn get(&self, i: usize) -> &'a str {
        self.values.get(i).copied().unwrap_or("").trim()
    }

    fn fail(&mut self, i: usize, msg: String) {
        self.problems.push((i, msg));
    }

    fn required(&mut self, i: usize) -> &'a str {
        let v = self.get(i);
        if v.is_empty() {
            self.fail(i, format!("请填写{}", fields()[i].name));
        }
        v
    }

    fn text(&mut self, i: usize, max: usize) -> String {
        let v = self.get(i);
        if v.chars().count() > max {
            self.fail(i, format!("{}不能超过 {max} 个字", fields()[i].name));
        }
        v.to_string()
    }

    /// 是/否 (also 1/0, Y/N); empty is 否.
    fn yes_no(&mut self, i: usize) -> bool {
        match self.get(i) {
            "" | "否" | "0" | "N" | "n" | "false" => false,
            "是" | "1" | "Y" | "y" | "true" => true,
            other => {
                self.fail(
                    i,
                    format!("{}应填“是”或“否”，而不是“{other}”", fields()[i].name),
                );
                false
            }
        }
    }

    /// One of the template's allowed values (or empty when optional).
    fn one_of(&mut self, i: usize, required: bool) -> &'a str {
        let v = self.get(i);
        let f = &fields()[i];
        if v.is_empty() {
            if required {
                self.fail(i, format!("请填写{}", f.name));
            }
            return v;
        }
        if !f.allowed.is_empty() && !f.allowed.iter().any(|a| a == v) {
            self.fail(
                i,
                format!("{}应为 {} 之一，而不是“{v}”", f.name, f.allowed.join("、")),
            );
        }
        v
    }
}

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
/// [`fields`]). Returns every problem at once.
pub fn check(
    values: &[&str],
    today: NaiveDate,
) -> Result<(NewStudent, Placement), Vec<FieldProblem>> {
    let i = idx();
    let mut c = Check {
        values,
        problems: Vec::new(),
    };
    let name = c.required(i.name).to_string();
    if name.chars().count() > 40 {
        c.fail(i.name, "姓名不能超过 40 个字".into());
    }
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
        v => match parse_date(v) {
            Some(d) => Some(d),
            None => {
                c.fail(
                    i.birth,
                    format!("出生日期“{v}”无法识别，请写作 20140901 或 2014-09-01"),
                );
                None
            }
        },
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
    let ethnicity = match c.get(i.ethnicity) {
        "" => "01".to_string(),
        v => match platform::codes::ethnic_groups().code_of(v) {
            Some(code) => code.to_string(),
            None => {
                c.fail(i.ethnicity, format!("民族“{v}”不在 GB/T 3304 代码表中"));
                String::new()
            }
        },
    };
    let hukou_type = match c.get(i.hukou_type) {
        "" => "",
        "农业户口" | "农业" => "agricultural",
        "非农业户口" | "非农业" => "non_agricultural",
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
    let health = c.one_of(i.health, false).to_string();
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
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let extra: serde_json::Map<String, serde_json::Value> = values
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    const GOOD: &[(&str, &str)] = &[
        ("姓名", "沈一鸣"),
        ("性别", "男"),
        ("出生日期", "20150301"),
        ("民族", "汉族"),
        ("身份证件类型", "居民身份证"),
        ("身份证件号", "330503201503010011"),
        ("年级", "五年级"),
        ("班级", "2班"),
        ("学校标识码", "2133503001"),
        ("是否留守儿童", "单亲留守儿童"),
        ("是否低保", "是"),
        ("就读方式", "住校"),
        ("特长", "围棋"),
    ];

    fn with_check_digit(body: &str) -> String {
        format!(
            "{body}{}",
            super::super::identity::check_char(body).unwrap()
        )
    }

    fn good() -> Vec<(&'static str, String)> {
        GOOD.iter()
            .map(|(h, v)| {
                (
                    *h,
                    if *h == "身份证件号" {
                        with_check_digit(&v[..17])
                    } else {
                        v.to_string()
                    },
                )
            })
            .collect()
    }

    fn run(pairs: &[(&'static str, String)]) -> Result<(NewStudent, Placement), Vec<FieldProblem>> {
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(h, v)| (*h, v.as_str())).collect();
        check(&values_from_pairs(&borrowed), today())
    }

    fn headers_of(p: &[FieldProblem]) -> Vec<String> {
        p.iter().map(|(i, _)| fields()[*i].header.clone()).collect()
    }

    #[test]
    fn a_good_row() {
        let (s, p) = run(&good()).unwrap();
        assert_eq!(s.sex, "1");
        assert_eq!(s.birth_date, NaiveDate::from_ymd_opt(2015, 3, 1).unwrap());
        assert_eq!(s.left_behind, 1);
        assert!(s.dibao && s.boarding);
        assert_eq!(s.ethnicity, "01");
        assert_eq!(p.grade, Grade(5));
        assert!(s.extra_json.unwrap().contains("围棋"));
    }

    #[test]
    fn id_must_agree_with_sex_and_birth() {
        let mut r = good();
        r.iter_mut().find(|(h, _)| *h == "性别").unwrap().1 = "女".into();
        r.iter_mut().find(|(h, _)| *h == "出生日期").unwrap().1 = "2015-03-02".into();
        let e = run(&r).unwrap_err();
        assert_eq!(headers_of(&e), vec!["性别", "出生日期"]);
    }

    #[test]
    fn bad_check_digit_and_legacy_ids_are_named() {
        let mut r = good();
        r.iter_mut().find(|(h, _)| *h == "身份证件号").unwrap().1 = "330503150301001".into();
        let e = run(&r).unwrap_err();
        assert!(e[0].1.contains("15 位"), "{e:?}");
    }

    #[test]
    fn inclusive_class_needs_a_matching_disability() {
        let mut r = good();
        r.push(("随班就读", "听力残疾随班就读".into()));
        assert_eq!(headers_of(&run(&r).unwrap_err()), vec!["残疾类型"]);
        r.push(("残疾类型", "视力残疾".into()));
        assert!(run(&r).is_err());
        r.last_mut().unwrap().1 = "听力残疾".into();
        assert!(run(&r).unwrap().0.inclusive_class);
    }

    #[test]
    fn every_missing_required_field_is_reported() {
        let e = check(&values_from_pairs(&[]), today()).unwrap_err();
        let h = headers_of(&e);
        for f in ["姓名", "身份证件号", "学校标识码", "年级"] {
            assert!(h.contains(&f.to_string()), "{f} missing from {h:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_row(values in proptest::collection::vec(".{0,24}", 0..80)) {
            let v: Vec<&str> = values.iter().map(String::as_str).collect();
            let _ = check(&v, today());
        }
    }
}
