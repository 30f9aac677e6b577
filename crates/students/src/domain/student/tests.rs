use super::*;
use proptest::prelude::*;

pub(super) fn today() -> NaiveDate {
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

pub(super) fn with_check_digit(body: &str) -> String {
    format!(
        "{body}{}",
        super::super::identity::check_char(body).unwrap()
    )
}

pub(super) fn good() -> Vec<(&'static str, String)> {
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

pub(super) fn run(
    pairs: &[(&'static str, String)],
) -> Result<(NewStudent, Placement), Vec<FieldError>> {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(h, v)| (*h, v.as_str())).collect();
    check(&values_from_pairs(&borrowed), today())
}

fn headers_of(p: &[FieldError]) -> Vec<String> {
    p.iter().map(|e| e.field.clone()).collect()
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
    assert!(e[0].message.contains("15 位"), "{e:?}");
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

fn with(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut r = good();
    for (h, v) in pairs {
        r.retain(|(x, _)| x != h);
        r.push((h, v.to_string()));
    }
    r
}

#[test]
fn coded_fields_take_names_short_names_and_codes() {
    let (s, _) = run(&with(&[("民族", "回")])).unwrap();
    assert_eq!(s.ethnicity, "03");
    for typed in ["汉", "汉族", "01"] {
        assert_eq!(run(&with(&[("民族", typed)])).unwrap().0.ethnicity, "01");
    }
    let (s, _) = run(&with(&[
        ("健康状况", "健康"),
        ("户口性质", "农业家庭户口"),
        ("政治面貌", "团员"),
        ("监护人一·民族", "汉"),
    ]))
    .unwrap();
    assert_eq!(s.health, "健康或良好");
    assert_eq!(s.hukou_type, "agricultural");
    let extra = s.extra_json.unwrap();
    assert!(
        extra.contains("\"政治面貌\":\"中国共产主义青年团团员\""),
        "{extra}"
    );
    assert!(extra.contains("\"监护人一·民族\":\"汉族\""), "{extra}");
    let e = run(&with(&[("民族", "火星"), ("政治面貌", "会员")])).unwrap_err();
    assert_eq!(headers_of(&e), vec!["民族", "政治面貌"]);
}

#[test]
fn every_column_has_a_length_limit() {
    let long = "特".repeat(201);
    let e = run(&with(&[("特长", &long), ("籍贯", &"浙".repeat(61))])).unwrap_err();
    assert_eq!(headers_of(&e), vec!["籍贯", "特长"]);
    assert!(
        e[1].message.contains("201 个字符，此列最多 200 个"),
        "{e:?}"
    );
    assert!(run(&with(&[("特长", &"特".repeat(200))])).is_ok());
}

proptest! {
    #[test]
    fn never_panics_on_any_row(values in proptest::collection::vec(".{0,24}", 0..80)) {
        let v: Vec<&str> = values.iter().map(String::as_str).collect();
        let _ = check(&v, today());
    }
}
