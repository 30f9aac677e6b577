use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn today() -> NaiveDate {
    d(2026, 12, 7)
}

fn text() -> BuildingText {
    BuildingText {
        name: " 1号教学楼 ".into(),
        floor_area: "2400".into(),
        year_built: "1998".into(),
        structure: "框架".into(),
        floors: "4".into(),
        purpose: "teaching".into(),
        grade: "c级".into(),
        appraised_on: "2026-03-01".into(),
        certificate: "已办证".into(),
        certificate_no: "浙(2019)南浔区不动产权第0001234号".into(),
        note: String::new(),
    }
}

fn messages(r: Result<BuildingInput, Vec<FieldError>>) -> Vec<(String, String)> {
    r.unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.message))
        .collect()
}

#[test]
fn a_complete_row_parses_by_labels_and_keys() {
    let b = text().parse(today()).expect("valid");
    assert_eq!(b.name, "1号教学楼");
    assert_eq!(b.floor_area, 2400);
    assert_eq!(b.year_built, Some(1998));
    assert_eq!(b.structure, Structure::Frame);
    assert_eq!(b.floors, 4);
    assert_eq!(b.purpose, BuildingUse::Teaching);
    assert_eq!(b.grade, Some(SafetyGrade::C));
    assert_eq!(b.appraised_on, Some(d(2026, 3, 1)));
    assert_eq!(b.certificate, CertificateStatus::Held);
}

#[test]
fn empty_certificate_means_none_and_grade_may_wait() {
    let t = BuildingText {
        grade: String::new(),
        appraised_on: String::new(),
        certificate: String::new(),
        certificate_no: String::new(),
        year_built: String::new(),
        ..text()
    };
    let b = t.parse(today()).expect("valid");
    assert_eq!(b.certificate, CertificateStatus::None);
    assert_eq!((b.grade, b.appraised_on, b.year_built), (None, None, None));
}

#[test]
fn a_zero_area_is_refused_with_a_clear_message() {
    let t = BuildingText {
        floor_area: "0".into(),
        ..text()
    };
    assert_eq!(
        messages(t.parse(today())),
        [(
            "floor_area".into(),
            "建筑面积须大于 0 平方米，而不是 0".into()
        )]
    );
}

#[test]
fn every_problem_of_a_row_is_reported_at_once() {
    let t = BuildingText {
        floor_area: "0".into(),
        structure: "木头".into(),
        grade: "D".into(),
        appraised_on: String::new(),
        ..text()
    };
    let keys: Vec<String> = messages(t.parse(today()))
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["structure", "floor_area", "appraised_on"]);
}

#[test]
fn missing_and_unknown_codes_are_named() {
    let t = BuildingText {
        name: String::new(),
        floor_area: String::new(),
        structure: "木头".into(),
        floors: "两层".into(),
        purpose: String::new(),
        grade: "E".into(),
        certificate: "有".into(),
        ..text()
    };
    let m = messages(t.parse(today()));
    let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "name",
            "floor_area",
            "structure",
            "floors",
            "purpose",
            "grade",
            "certificate"
        ]
    );
    assert_eq!(m[0].1, "请填写校舍名称");
    assert_eq!(m[1].1, "请填写建筑面积（平方米）");
    assert!(
        m[2].1
            .contains("应为 砖混、框架、钢结构、砖木、其他 之一，而不是“木头”"),
        "{}",
        m[2].1
    );
    assert!(m[5].1.starts_with("安全鉴定等级："), "{}", m[5].1);
}

#[test]
fn rules_pin_every_boundary() {
    let ok = text().parse(today()).expect("valid");
    let check = |b: BuildingInput| -> Vec<String> {
        b.check(today()).into_iter().map(|e| e.field).collect()
    };
    assert!(check(ok.clone()).is_empty());
    assert_eq!(
        check(BuildingInput {
            floor_area: 1,
            ..ok.clone()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        check(BuildingInput {
            floor_area: -5,
            ..ok.clone()
        }),
        ["floor_area"]
    );
    assert_eq!(
        check(BuildingInput {
            floor_area: 1_000_000,
            ..ok.clone()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        check(BuildingInput {
            floor_area: 1_000_001,
            ..ok.clone()
        }),
        ["floor_area"]
    );
    for (floors, bad) in [(0, true), (1, false), (60, false), (61, true)] {
        assert_eq!(
            check(BuildingInput {
                floors,
                ..ok.clone()
            })
            .len(),
            usize::from(bad),
            "{floors}"
        );
    }
    for (year, bad) in [(1899, true), (1900, false), (2026, false), (2027, true)] {
        let b = BuildingInput {
            year_built: Some(year),
            appraised_on: Some(d(2026, 12, 7)),
            ..ok.clone()
        };
        assert_eq!(check(b).contains(&"year_built".to_string()), bad, "{year}");
    }
    assert_eq!(
        check(BuildingInput {
            grade: None,
            ..ok.clone()
        }),
        ["grade"]
    );
    assert_eq!(
        check(BuildingInput {
            appraised_on: None,
            ..ok.clone()
        }),
        ["appraised_on"]
    );
    assert_eq!(
        check(BuildingInput {
            grade: None,
            appraised_on: None,
            ..ok.clone()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        check(BuildingInput {
            appraised_on: Some(d(2026, 12, 8)),
            ..ok.clone()
        }),
        ["appraised_on"]
    );
    assert_eq!(
        check(BuildingInput {
            appraised_on: Some(d(1997, 12, 31)),
            ..ok.clone()
        }),
        ["appraised_on"]
    );
    assert_eq!(
        check(BuildingInput {
            appraised_on: Some(d(1998, 1, 1)),
            ..ok.clone()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        check(BuildingInput {
            name: " ".into(),
            ..ok.clone()
        }),
        ["name"]
    );
    assert_eq!(
        check(BuildingInput {
            certificate_no: " ".into(),
            ..ok.clone()
        }),
        ["certificate_no"]
    );
    let pending = BuildingInput {
        certificate: CertificateStatus::Pending,
        certificate_no: String::new(),
        ..ok
    };
    assert!(check(pending).is_empty());
}

#[test]
fn tidy_trims_the_texts() {
    let b = BuildingInput {
        name: " 食堂 ".into(),
        certificate_no: " 123 ".into(),
        note: " 备注 ".into(),
        ..text().parse(today()).expect("valid")
    }
    .tidy();
    assert_eq!(
        (b.name.as_str(), b.certificate_no.as_str(), b.note.as_str()),
        ("食堂", "123", "备注")
    );
}

#[test]
fn c_and_d_are_due_a_year_after_their_appraisal() {
    let on = d(2025, 12, 7);
    for g in [SafetyGrade::C, SafetyGrade::D] {
        assert_eq!(appraisal_due(Some(g), Some(on)), Some(d(2026, 12, 7)));
        assert!(!appraisal_overdue(Some(g), Some(on), d(2026, 12, 7)));
        assert!(appraisal_overdue(Some(g), Some(on), d(2026, 12, 8)));
    }
    for g in [SafetyGrade::A, SafetyGrade::B] {
        assert_eq!(appraisal_due(Some(g), Some(on)), None);
        assert!(!appraisal_overdue(Some(g), Some(d(2000, 1, 1)), today()));
    }
    assert_eq!(appraisal_due(None, None), Some(NaiveDate::MIN));
    assert!(appraisal_overdue(None, None, today()));
    assert!(appraisal_overdue(Some(SafetyGrade::D), None, today()));
    assert!(appraisal_overdue(None, Some(on), today()));
    assert_eq!(overdue_cutoff(d(2024, 2, 29)), d(2023, 2, 28));
    assert_eq!(
        appraisal_due(Some(SafetyGrade::D), None),
        Some(NaiveDate::MIN)
    );
    assert_eq!(appraisal_due(None, Some(on)), Some(NaiveDate::MIN));
}

proptest! {
    #[test]
    fn parsing_any_text_never_panics(name in ".{0,60}", area in ".{0,12}", floors in ".{0,4}", grade in ".{0,3}") {
        let t = BuildingText { name, floor_area: area, floors, grade, ..text() };
        let _ = t.parse(today());
    }

    #[test]
    fn the_cutoff_agrees_with_the_rule(days in 0i64..3_000, back in 0i64..800) {
        let today = d(2024, 2, 29) + chrono::Duration::days(days);
        let on = today - chrono::Duration::days(back);
        let overdue = appraisal_overdue(Some(SafetyGrade::D), Some(on), today);
        prop_assert_eq!(overdue, appraisal_overdue(Some(SafetyGrade::C), Some(on), today));
        if overdue { prop_assert!(back >= 366); }
        if back > 366 { prop_assert!(overdue); }
    }

    #[test]
    fn a_parsed_building_always_has_a_positive_area(area in -10_000i64..10_000) {
        let t = BuildingText { floor_area: area.to_string(), ..text() };
        match t.parse(today()) {
            Ok(b) => prop_assert!(b.floor_area > 0),
            Err(e) => prop_assert!(area <= 0 && e.iter().any(|e| e.field == "floor_area")),
        }
    }
}
