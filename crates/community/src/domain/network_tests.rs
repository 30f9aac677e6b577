use proptest::prelude::*;

use super::*;
use StandardStatus::*;

#[test]
fn statuses_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<StandardStatus>();
    platform::text_enum::assert_keys_and_labels_parse_back::<PointStatus>();
}

#[test]
fn a_school_reaches_the_standard_only_through_building() {
    let all = [Met, Unmet, Building];
    for to in all {
        assert!(may_move(None, to), "first assessment {to:?}");
        assert!(may_move(Some(to), to), "confirming {to:?}");
    }
    assert!(may_move(Some(Unmet), Building));
    assert!(may_move(Some(Building), Met));
    assert!(may_move(Some(Met), Unmet));
    assert!(may_move(Some(Building), Unmet));
    assert!(!may_move(Some(Unmet), Met));
    assert!(!may_move(Some(Met), Building));
    assert!(refusal(Unmet, Met).contains("“未达标”直接改为“达标”"));
}

#[test]
fn assessment_years_never_go_back() {
    assert!(year_in_order(None, 2000));
    assert!(year_in_order(Some(2024), 2024));
    assert!(year_in_order(Some(2024), 2025));
    assert!(!year_in_order(Some(2024), 2023));
}

fn point() -> TeachingPointInput {
    TeachingPointInput {
        institution_id: Some(3),
        name: "  南浔镇东大街教学点 ".into(),
        township_id: Some(7),
        community: "东大街社区".into(),
        address: "东大街 12 号".into(),
        status: String::new(),
    }
}

#[test]
fn a_teaching_point_is_trimmed_and_open_by_default() {
    let d = point().parse().unwrap();
    assert_eq!(d.name, "南浔镇东大街教学点");
    assert_eq!(d.township_id, 7);
    assert_eq!(d.status, PointStatus::Active);
    let d = TeachingPointInput {
        status: "suspended".into(),
        ..point()
    }
    .parse()
    .unwrap();
    assert_eq!(d.status, PointStatus::Suspended);
}

#[test]
fn a_teaching_point_needs_name_community_township_and_a_known_status() {
    let fields = |i: TeachingPointInput| -> Vec<String> {
        i.parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    };
    assert_eq!(
        fields(TeachingPointInput {
            name: " ".into(),
            ..point()
        }),
        ["name"]
    );
    assert_eq!(
        fields(TeachingPointInput {
            community: String::new(),
            ..point()
        }),
        ["community"]
    );
    assert_eq!(
        fields(TeachingPointInput {
            township_id: None,
            ..point()
        }),
        ["township_id"]
    );
    assert_eq!(
        fields(TeachingPointInput {
            status: "closed".into(),
            ..point()
        }),
        ["status"]
    );
    assert_eq!(
        fields(TeachingPointInput {
            name: "长".repeat(MAX_NAME + 1),
            ..point()
        }),
        ["name"]
    );
    assert!(TeachingPointInput {
        name: "长".repeat(MAX_NAME),
        ..point()
    }
    .parse()
    .is_ok());
}

fn standard(status: &str, year: &str) -> StandardInput {
    StandardInput {
        institution_id: Some(1),
        status: status.into(),
        year: year.into(),
        note: "验收通过".into(),
    }
}

#[test]
fn an_assessment_needs_a_status_and_a_year_in_range() {
    let d = standard("building", "2025").parse().unwrap();
    assert_eq!(
        (d.status, d.year, d.note.as_str()),
        (Building, 2025, "验收通过")
    );
    assert_eq!(standard("达标", "2000").parse().unwrap().status, Met);
    assert!(standard("met", "2100").parse().is_ok());
    for (s, y, field) in [
        ("", "2025", "status"),
        ("done", "2025", "status"),
        ("met", "", "year"),
        ("met", "1999", "year"),
        ("met", "2101", "year"),
        ("met", "二〇二五", "year"),
    ] {
        let errors = standard(s, y).parse().unwrap_err();
        assert_eq!(errors.len(), 1, "{s} {y}: {errors:?}");
        assert_eq!(errors[0].field, field, "{s} {y}");
    }
}

proptest! {
    #[test]
    fn parsing_any_input_never_panics(name in ".{0,80}", status in ".{0,10}", year in ".{0,8}") {
        let _ = TeachingPointInput { name: name.clone(), status: status.clone(), ..point() }.parse();
        let _ = standard(&status, &year).parse();
    }

    #[test]
    fn moving_to_the_same_status_or_from_nothing_is_always_allowed(i in 0usize..3) {
        let s = [Met, Unmet, Building][i];
        prop_assert!(may_move(None, s));
        prop_assert!(may_move(Some(s), s));
    }
}
