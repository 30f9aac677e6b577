//! The record check field by field: every value of a full row lands where
//! it belongs, sex and birth date come from the ID number when left blank,
//! each mistake is reported once and on its own column, and the grade must
//! fit the child's age in the school year under way.

use chrono::Datelike;

use super::tests::{good, run, with_check_digit};
use super::*;

type Row = Vec<(&'static str, String)>;

/// The good row with `changes` applied (an empty value blanks a column).
fn changed(changes: &[(&'static str, &str)]) -> Row {
    let mut row = good();
    for (header, value) in changes {
        match row.iter_mut().find(|(h, _)| h == header) {
            Some(cell) => cell.1 = value.to_string(),
            None => row.push((header, value.to_string())),
        }
    }
    row
}

fn check_on(row: &Row, day: NaiveDate) -> Result<(NewStudent, Placement), Vec<FieldError>> {
    let pairs: Vec<(&str, &str)> = row.iter().map(|(h, v)| (*h, v.as_str())).collect();
    check(&values_from_pairs(&pairs), day)
}

/// The (column, message) of every problem found.
fn problems(row: &Row) -> Vec<(String, String)> {
    let errors = run(row).expect_err("refused");
    errors.into_iter().map(|e| (e.field, e.message)).collect()
}

fn columns(row: &Row) -> Vec<String> {
    problems(row).into_iter().map(|(c, _)| c).collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn every_value_of_a_full_row_is_kept_where_it_belongs() {
    let row = changed(&[
        ("户口性质", "农业户口"),
        ("户口所在地", "330503"),
        ("健康状况", "健康或良好"),
        ("是否进城务工人员随迁子女", "是"),
        ("是否孤儿", "否"),
        ("随班就读", "非随班就读"),
        ("残疾类型", "无残疾"),
        ("是否建档立卡", "否"),
        ("现住址", " 湖州市南浔区人瑞路 8 号 "),
        ("联系电话", "0572-3012345"),
        ("监护人一·姓名", "沈大明"),
        ("监护人一·关系", "父亲"),
        ("监护人一·联系电话", "13800000000"),
        ("入学年月", "202109"),
    ]);
    let (student, placement) = run(&row).unwrap();
    let expected = NewStudent {
        id_type: "resident_id".into(),
        id_number: with_check_digit("33050320150301001"),
        name: "沈一鸣".into(),
        sex: "1".into(),
        birth_date: date(2015, 3, 1),
        ethnicity: "01".into(),
        hukou_type: "agricultural".into(),
        hukou_division: "330503".into(),
        health: "健康或良好".into(),
        left_behind: 1,
        migrant_child: true,
        orphan: false,
        disability: String::new(),
        inclusive_class: false,
        boarding: true,
        dibao: true,
        registered_poor: false,
        address: "湖州市南浔区人瑞路 8 号".into(),
        phone: "0572-3012345".into(),
        guardian_name: "沈大明".into(),
        guardian_relation: "父亲".into(),
        guardian_phone: "13800000000".into(),
        extra_json: Some(r#"{"特长":"围棋"}"#.into()),
    };
    assert_eq!(student, expected);
    assert_eq!(placement.institution_code, "2133503001");
    assert_eq!(
        (placement.grade, placement.class_name.as_str()),
        (Grade(5), "2班")
    );
    let entered = placement.entered_on.map(|d| (d.year(), d.month()));
    assert_eq!(entered, Some((2021, 9)));
}

#[test]
fn a_row_without_other_columns_keeps_no_extra_values() {
    let (student, _) = run(&changed(&[("特长", "")])).unwrap();
    assert_eq!(student.extra_json, None);
}

#[test]
fn sex_and_birth_date_come_from_the_id_number_when_left_blank() {
    let (boy, _) = run(&changed(&[("性别", ""), ("出生日期", "")])).unwrap();
    assert_eq!((boy.sex.as_str(), boy.birth_date), ("1", date(2015, 3, 1)));
    let girl_id = with_check_digit("33050320150301002");
    let girl = changed(&[("性别", ""), ("出生日期", ""), ("身份证件号", &girl_id)]);
    assert_eq!(run(&girl).unwrap().0.sex, "2");
}

#[test]
fn a_bad_or_missing_id_number_is_one_problem_not_three() {
    let blank = [("性别", ""), ("出生日期", "")];
    let good_id = with_check_digit("33050320150301001");
    let wrong_digit = if good_id.ends_with('0') { "1" } else { "0" };
    let bad_id = format!("{}{wrong_digit}", &good_id[..17]);
    let mut bad = blank.to_vec();
    bad.push(("身份证件号", &bad_id));
    assert_eq!(columns(&changed(&bad)), vec!["身份证件号"]);
    let mut missing = blank.to_vec();
    missing.push(("身份证件号", ""));
    assert_eq!(columns(&changed(&missing)), vec!["身份证件号"]);
    // Sex and birth date written out: still only the number is wrong.
    assert_eq!(columns(&changed(&[("身份证件号", "")])), vec!["身份证件号"]);
}

#[test]
fn without_a_resident_id_sex_and_birth_date_must_be_written() {
    let passport = [("身份证件类型", "护照"), ("身份证件号", "E12345678")];
    let mut blank = passport.to_vec();
    blank.extend([("性别", ""), ("出生日期", "")]);
    assert_eq!(
        problems(&changed(&blank)),
        vec![
            ("性别".into(), "请填写性别".into()),
            ("出生日期".into(), "请填写出生日期".into()),
        ]
    );
    let (student, _) = run(&changed(&passport)).unwrap();
    assert_eq!(
        (student.id_type.as_str(), student.sex.as_str()),
        ("passport", "1")
    );
}

#[test]
fn an_unreadable_sex_or_birth_date_is_reported_once() {
    let got = problems(&changed(&[("性别", "未知")]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "性别");
    let got = problems(&changed(&[("出生日期", "2015-13-45")]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "出生日期");
}

#[test]
fn an_implausible_birth_date_is_refused() {
    let passport = [("身份证件类型", "护照"), ("身份证件号", "E12345678")];
    for birth in ["19900101", "20270101"] {
        let mut row = passport.to_vec();
        row.push(("出生日期", birth));
        let got = problems(&changed(&row));
        assert!(
            got.iter()
                .any(|(c, m)| c == "出生日期" && m.contains("不合理")),
            "{birth}: {got:?}"
        );
    }
}

#[test]
fn the_grade_must_fit_the_age_in_the_school_year_under_way() {
    // Five on 31 August 2026, four a year before: old enough for 一年级
    // from September 2026 (the 2026 school year), not in August.
    let id = with_check_digit("33050320210831001");
    let row = changed(&[("身份证件号", &id), ("出生日期", ""), ("年级", "一年级")]);
    assert!(check_on(&row, date(2026, 9, 1)).is_ok());
    let errors = check_on(&row, date(2026, 8, 31)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "年级");
    assert_eq!(
        errors[0].message,
        "4 岁的学生不应在一年级，请核对年级或出生日期"
    );
}

#[test]
fn the_household_division_must_be_a_real_code() {
    let got = problems(&changed(&[("户口所在地", "999999")]));
    assert_eq!(
        got,
        vec![(
            "户口所在地".into(),
            "户口所在地“999999”不是有效的行政区划代码".into()
        )]
    );
}

#[test]
fn other_and_multiple_disabilities_fit_any_inclusive_class() {
    let other = changed(&[("随班就读", "其他残疾随班就读"), ("残疾类型", "肢体残疾")]);
    let (student, _) = run(&other).unwrap();
    assert!(student.inclusive_class);
    assert_eq!(student.disability, "肢体残疾");
    let multiple = changed(&[("随班就读", "视力残疾随班就读"), ("残疾类型", "多重残疾")]);
    assert!(run(&multiple).unwrap().0.inclusive_class);
}

#[test]
fn scope_checks_read_the_school_and_id_columns() {
    let values = values_from_pairs(&[("学校标识码", "2133503001"), ("身份证件号", "X")]);
    assert_eq!(values[school_field()], "2133503001");
    assert_eq!(values[id_number_field()], "X");
}
