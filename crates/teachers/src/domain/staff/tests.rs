use chrono::NaiveDate;
use proptest::prelude::*;

use super::postings::{may_leave_district, moves_employment, plan, Span};
use super::review::{may_review, needs_review, rejection_comment};
use super::*;
use crate::domain::{PostingKind, StaffStatus, TitleLevel};
use platform::auth::{Role, Scope, Section};
use platform::InstitutionId;

fn id(birth: &str, seq: u32) -> String {
    let body = format!("330503{birth}{seq:03}");
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).unwrap()
    )
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-12-01")
}

fn good() -> StaffInput {
    StaffInput {
        name: "王老师".into(),
        national_id: id("19850301", 123),
        ethnicity: "汉".into(),
        politics: "群众".into(),
        education: "大学本科毕业".into(),
        degree: "学士".into(),
        work_start: "2007-09".into(),
        teaching_start: "2007年9月".into(),
        post_category: "专业技术岗位".into(),
        post_grade: "10".into(),
        establishment: "在编".into(),
        full_time: "是".into(),
        subjects: "语文,数学".into(),
        stage: "小学".into(),
        title_series: "小学".into(),
        title_level: "一级".into(),
        title_obtained_on: "2015-09-01".into(),
        title_appointed_on: "2015-12-01".into(),
        certificate_type: "小学教师资格".into(),
        certificate_subject: "语文".into(),
        certificate_number: "20073305012000123".into(),
        backbone_level: "教坛新秀".into(),
        backbone_from: "2020-01-01".into(),
        backbone_to: "2022-12-31".into(),
        ..StaffInput::default()
    }
}

fn errors(i: &StaffInput) -> Vec<(String, String)> {
    i.validate(today())
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

fn one_error(i: StaffInput) -> (String, String) {
    let e = errors(&i);
    assert_eq!(e.len(), 1, "{e:?}");
    e.into_iter().next().unwrap()
}

#[test]
fn a_full_record_is_coded() {
    let f = good().validate(today()).unwrap();
    assert_eq!(f.sex, "male", "an odd 17th digit");
    assert_eq!(f.birth_date, day("1985-03-01"));
    assert_eq!(f.ethnicity, "01");
    assert_eq!(f.politics, "13");
    assert_eq!(f.education, "21");
    assert_eq!(f.degree, "bachelor");
    assert_eq!(f.teaching_start, "2007-09");
    assert_eq!(f.post_grade, Some(10));
    assert!(f.full_time);
    assert_eq!(f.subjects, "语文、数学");
    assert_eq!(f.stage.as_deref(), Some("primary"));
    assert_eq!(f.title_level, TitleLevel::First);
    assert_eq!(f.certificate_type, "primary");
    assert_eq!(f.status, StaffStatus::Active);
    assert_eq!(StaffInput::from(&f).validate(today()).unwrap(), f);
}

#[test]
fn a_bad_check_digit_names_the_field() {
    let mut i = good();
    let mut n = i.national_id.clone();
    let last = n.pop().unwrap();
    n.push(if last == '0' { '1' } else { '0' });
    i.national_id = n;
    let (field, msg) = one_error(i);
    assert_eq!(field, "national_id");
    assert!(msg.starts_with("身份证件号："), "{msg}");
    assert!(msg.contains("校验"), "{msg}");
}

#[test]
fn required_fields_are_named() {
    let e = errors(&StaffInput::default());
    let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "name",
            "national_id",
            "ethnicity",
            "politics",
            "education",
            "post_category",
            "establishment"
        ]
    );
    assert!(e.iter().all(|(_, m)| m.starts_with("请填写")));
}

#[test]
fn codes_outside_the_tables_are_refused() {
    for (key, set) in [
        (
            "ethnicity",
            (|i: &mut StaffInput| i.ethnicity = "火星族".into()) as fn(&mut StaffInput),
        ),
        ("politics", |i| i.politics = "无党派人事".into()),
        ("education", |i| i.education = "幼儿园毕业".into()),
    ] {
        let mut i = good();
        set(&mut i);
        let (f, m) = one_error(i);
        assert_eq!(f, key);
        assert!(m.contains("不在国家标准代码表中"), "{m}");
    }
    let mut i = good();
    i.degree = "院士".into();
    let (f, m) = one_error(i);
    assert_eq!(f, "degree");
    assert_eq!(m, "学位应为 无、学士、硕士、博士 之一，而不是“院士”");
}

#[test]
fn post_grades_follow_the_category() {
    assert_eq!(post_grades(crate::domain::PostCategory::Technical), 1..=13);
    assert_eq!(post_grades(crate::domain::PostCategory::Management), 1..=10);
    assert_eq!(post_grades(crate::domain::PostCategory::Support), 1..=5);
    let mut i = good();
    i.post_category = "工勤技能岗位".into();
    i.post_grade = "6".into();
    assert_eq!(
        one_error(i),
        ("post_grade".into(), "岗位等级应在 1 到 5 之间".into())
    );
    let mut i = good();
    i.post_grade = "13".into();
    assert!(i.validate(today()).is_ok());
    i.post_grade = "14".into();
    assert_eq!(one_error(i).0, "post_grade");
}

#[test]
fn dates_must_follow_each_other() {
    let mut i = good();
    i.title_appointed_on = "2015-08-31".into();
    assert_eq!(one_error(i.clone()).1, "职称聘任日期不能早于职称取得日期");
    i.title_appointed_on = "2015-09-01".into();
    assert!(i.validate(today()).is_ok());
    let mut i = good();
    i.backbone_to = "2019-12-31".into();
    assert_eq!(one_error(i.clone()).0, "backbone_to");
    i.backbone_to = "2020-01-01".into();
    assert!(i.validate(today()).is_ok());
    let mut i = good();
    i.teaching_start = "2007-08".into();
    assert_eq!(one_error(i.clone()).1, "从教年月不能早于参加工作年月");
    i.teaching_start = "2007-09".into();
    assert!(i.validate(today()).is_ok());
    let mut i = good();
    i.work_start = "2001-02".into();
    i.teaching_start = "2001-02".into();
    assert_eq!(one_error(i.clone()).0, "work_start");
    i.work_start = "2001-03".into();
    i.teaching_start = "2001-03".into();
    assert!(i.validate(today()).is_ok());
}

#[test]
fn a_title_needs_its_series_and_date() {
    let mut i = good();
    i.title_series.clear();
    assert_eq!(one_error(i).0, "title_series");
    let mut i = good();
    i.title_obtained_on.clear();
    i.title_appointed_on.clear();
    assert_eq!(one_error(i).0, "title_obtained_on");
    let mut i = good();
    i.title_level = "未评".into();
    i.title_series.clear();
    i.title_obtained_on.clear();
    i.title_appointed_on.clear();
    assert!(i.validate(today()).is_ok());
    let mut i = good();
    i.title_level = "特级".into();
    assert_eq!(one_error(i).0, "title_level");
}

#[test]
fn a_certificate_and_a_backbone_level_need_their_details() {
    let mut i = good();
    i.certificate_number.clear();
    assert_eq!(one_error(i).0, "certificate_number");
    let mut i = good();
    i.backbone_from.clear();
    assert_eq!(one_error(i).0, "backbone_from");
    let mut i = good();
    i.certificate_type.clear();
    i.certificate_number.clear();
    i.backbone_level.clear();
    i.backbone_from.clear();
    i.backbone_to.clear();
    assert!(i.validate(today()).is_ok());
}

#[test]
fn year_months_as_people_write_them() {
    for (typed, want) in [
        ("2010-09", Some("2010-09")),
        ("2010.9", Some("2010-09")),
        ("201009", Some("2010-09")),
        ("2010年9月", Some("2010-09")),
        ("2010/12", Some("2010-12")),
        ("1900-01", Some("1900-01")),
        ("2100-12", Some("2100-12")),
        ("1899-12", None),
        ("2101-01", None),
        ("2010-13", None),
        ("2010-00", None),
        ("2010", None),
        ("九月", None),
    ] {
        assert_eq!(parse_year_month(typed).as_deref(), want, "{typed}");
    }
}

fn span(from: &str, to: Option<&str>) -> Span {
    Span {
        starts_on: day(from),
        ends_on: to.map(day),
        place: "甲校".into(),
    }
}

#[test]
fn a_new_posting_closes_the_open_one_the_day_before() {
    let existing = [
        span("2010-09-01", Some("2015-08-31")),
        span("2015-09-01", None),
    ];
    let p = plan(&existing, day("2020-09-01"), None).unwrap();
    assert_eq!(p.close_open_on, Some(day("2020-08-31")));
    let p = plan(&existing, day("2015-09-02"), None).unwrap();
    assert_eq!(p.close_open_on, Some(day("2015-09-01")));
    assert_eq!(
        plan(&[], day("2020-09-01"), None).unwrap().close_open_on,
        None
    );
}

#[test]
fn overlapping_postings_are_refused_in_chinese() {
    let existing = [
        span("2010-09-01", Some("2015-08-31")),
        span("2015-09-01", None),
    ];
    let e = plan(&existing, day("2015-09-01"), None).unwrap_err();
    assert!(e.contains("岗位时间不能重叠"), "{e}");
    assert!(e.contains("甲校"), "{e}");
    let closed = [span("2010-09-01", Some("2015-08-31"))];
    let e = plan(&closed, day("2015-08-31"), None).unwrap_err();
    assert!(e.contains("时间重叠"), "{e}");
    assert!(plan(&closed, day("2015-09-01"), None).is_ok());
    assert!(plan(&closed, day("2009-01-01"), Some(day("2010-08-31"))).is_ok());
    assert!(plan(&closed, day("2009-01-01"), Some(day("2010-09-01"))).is_err());
    let e = plan(&[], day("2020-09-01"), Some(day("2020-08-31"))).unwrap_err();
    assert!(e.contains("早于起始日期"), "{e}");
    assert!(plan(&[], day("2020-09-01"), Some(day("2020-09-01"))).is_ok());
}

#[test]
fn only_a_transfer_moves_employment_and_only_support_leaves_the_district() {
    use PostingKind::*;
    assert!(moves_employment(Transfer));
    for k in [Appointment, Rotation, Support, PairedSupport] {
        assert!(!moves_employment(k), "{k:?}");
    }
    assert!(may_leave_district(Support) && may_leave_district(PairedSupport));
    for k in [Appointment, Transfer, Rotation] {
        assert!(!may_leave_district(k), "{k:?}");
    }
}

#[test]
fn institutions_wait_for_personnel_or_leadership() {
    let school = Scope::Institution(InstitutionId(3));
    assert!(needs_review(&school));
    assert!(!needs_review(&Scope::All));
    assert!(may_review(Role::Leadership, &Scope::All));
    assert!(may_review(Role::Section(Section::Personnel), &Scope::All));
    assert!(!may_review(
        Role::Section(Section::BasicEducation),
        &Scope::All
    ));
    assert!(!may_review(Role::Inspector, &Scope::All));
    assert!(!may_review(Role::Institution, &school));
    assert!(!may_review(Role::Leadership, &school));
    assert_eq!(rejection_comment("  资格证号有误 "), Ok("资格证号有误"));
    assert!(rejection_comment("  ").is_err());
    assert!(rejection_comment(&"字".repeat(200)).is_ok());
    assert!(rejection_comment(&"字".repeat(201)).is_err());
}

proptest! {
    #[test]
    fn disjoint_postings_are_accepted_and_overlapping_refused(
        a in 0i64..3000, len in 0i64..1000, gap in -1500i64..1500, new_len in proptest::option::of(0i64..1000)
    ) {
        let base = day("2000-01-01");
        let d = |n: i64| base + chrono::Duration::days(n);
        let old = Span { starts_on: d(a), ends_on: Some(d(a + len)), place: "乙校".into() };
        let start = d(a + len + gap);
        let end = new_len.map(|n| start + chrono::Duration::days(n));
        let overlaps = start <= d(a + len) && end.is_none_or(|e| e >= d(a));
        prop_assert_eq!(plan(&[old], start, end).is_err(), overlaps);
    }

    #[test]
    fn year_months_never_panic_and_are_canonical(s in "\\PC{0,12}") {
        if let Some(ym) = parse_year_month(&s) {
            prop_assert_eq!(ym.len(), 7);
            prop_assert_eq!(parse_year_month(&ym), Some(ym.clone()));
        }
    }
}
