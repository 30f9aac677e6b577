use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fields(errors: Vec<FieldError>) -> Vec<String> {
    errors.into_iter().map(|e| e.field).collect()
}

#[test]
fn kinds_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<ResourceKind>();
    platform::text_enum::assert_keys_and_labels_parse_back::<EventKind>();
    platform::text_enum::assert_keys_and_labels_parse_back::<TrainingKind>();
}

#[test]
fn coverage_is_families_over_children_capped_at_a_hundred() {
    assert_eq!(coverage(98, 100), Some(98.0));
    assert_eq!(coverage(0, 100), Some(0.0));
    assert_eq!(coverage(120, 100), Some(100.0));
    assert_eq!(coverage(100, 100), Some(100.0));
    assert_eq!(coverage(-5, 100), Some(0.0));
    assert_eq!(coverage(5, 0), None);
    assert_eq!(coverage(5, -1), None);
    assert_eq!(coverage(1, 3).map(|v| (v * 100.0).round()), Some(3333.0));
}

#[test]
fn only_http_links_with_a_host_are_offered() {
    assert!(valid_url("https://www.hzlll.cn/course/1"));
    assert!(valid_url("http://a"));
    assert!(valid_url("https://a?x=1"));
    assert!(!valid_url("https://"));
    assert!(!valid_url("https:///path"));
    assert!(!valid_url("ftp://a/b"));
    assert!(!valid_url("javascript:alert(1)"));
    assert!(!valid_url("https://a b"));
    assert!(!valid_url(""));
}

fn resource() -> ResourceInput {
    ResourceInput {
        title: "智能手机使用入门".into(),
        kind: "video".into(),
        subject: "数字素养".into(),
        provider: "南浔区社区学院".into(),
        url: "https://learn.example.cn/v/1".into(),
    }
}

#[test]
fn a_resource_needs_title_kind_and_a_link() {
    let d = resource().parse().unwrap();
    assert_eq!(
        (d.kind, d.url.as_str()),
        (ResourceKind::Video, "https://learn.example.cn/v/1")
    );
    assert_eq!(
        fields(
            ResourceInput {
                title: " ".into(),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["title"]
    );
    assert_eq!(
        fields(
            ResourceInput {
                kind: String::new(),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["kind"]
    );
    assert_eq!(
        fields(
            ResourceInput {
                kind: "music".into(),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["kind"]
    );
    assert_eq!(
        fields(
            ResourceInput {
                url: "file:///etc".into(),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["url"]
    );
    assert_eq!(
        fields(
            ResourceInput {
                url: String::new(),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["url"]
    );
    assert_eq!(
        fields(
            ResourceInput {
                subject: "长".repeat(MAX_TITLE + 1),
                ..resource()
            }
            .parse()
            .unwrap_err()
        ),
        ["subject"]
    );
}

fn event() -> EventInput {
    EventInput {
        title: "南浔区第十届全民学习节".into(),
        kind: "festival".into(),
        year: "2026".into(),
        township_id: Some(1),
        description: String::new(),
        participants: "3200".into(),
    }
}

#[test]
fn an_event_needs_kind_year_in_range_and_township() {
    let d = event().parse().unwrap();
    assert_eq!(
        (d.kind, d.year, d.participants),
        (EventKind::Festival, 2026, 3200)
    );
    assert_eq!(
        EventInput {
            participants: String::new(),
            ..event()
        }
        .parse()
        .unwrap()
        .participants,
        0
    );
    assert!(EventInput {
        year: "2000".into(),
        ..event()
    }
    .parse()
    .is_ok());
    assert!(EventInput {
        year: "2100".into(),
        ..event()
    }
    .parse()
    .is_ok());
    for (year, n) in [("1999", 1), ("2101", 1), ("", 1), ("x", 1)] {
        let e = EventInput {
            year: year.into(),
            ..event()
        }
        .parse()
        .unwrap_err();
        assert_eq!(fields(e).len(), n, "{year}");
    }
    assert_eq!(
        fields(
            EventInput {
                township_id: None,
                ..event()
            }
            .parse()
            .unwrap_err()
        ),
        ["township_id"]
    );
    assert_eq!(
        fields(
            EventInput {
                participants: "-1".into(),
                ..event()
            }
            .parse()
            .unwrap_err()
        ),
        ["participants"]
    );
}

fn training(kind: &str) -> TrainingInput {
    TrainingInput {
        institution_id: None,
        kind: kind.into(),
        title: "茶艺师培训".into(),
        held_on: "2026-05-10".into(),
        attendances: "120".into(),
        hours: "16".into(),
        certificates: "40".into(),
        families: String::new(),
        children: String::new(),
    }
}

const TODAY: &str = "2026-06-01";

#[test]
fn a_training_counts_attendances_hours_and_certificates() {
    let d = training("vocational").parse(day(TODAY)).unwrap();
    assert_eq!(
        (
            d.kind,
            d.held_on,
            d.attendances,
            d.hours,
            d.certificates,
            d.families
        ),
        (
            TrainingKind::Vocational,
            day("2026-05-10"),
            120,
            16,
            40,
            None
        )
    );
    assert!(TrainingInput {
        held_on: TODAY.into(),
        ..training("practical")
    }
    .parse(day(TODAY))
    .is_ok());
    assert!(TrainingInput {
        certificates: "120".into(),
        ..training("practical")
    }
    .parse(day(TODAY))
    .is_ok());
    let refused = |i: TrainingInput| fields(i.parse(day(TODAY)).unwrap_err());
    assert_eq!(
        refused(TrainingInput {
            held_on: "2026-06-02".into(),
            ..training("practical")
        }),
        ["held_on"]
    );
    assert_eq!(
        refused(TrainingInput {
            held_on: String::new(),
            ..training("practical")
        }),
        ["held_on"]
    );
    assert_eq!(
        refused(TrainingInput {
            attendances: "0".into(),
            ..training("practical")
        }),
        // no 人次, and so more certificates than 人次
        ["attendances", "certificates"]
    );
    assert_eq!(
        refused(TrainingInput {
            attendances: String::new(),
            ..training("practical")
        }),
        ["attendances"]
    );
    assert_eq!(
        refused(TrainingInput {
            certificates: "121".into(),
            ..training("practical")
        }),
        ["certificates"]
    );
    assert_eq!(
        refused(TrainingInput {
            families: "3".into(),
            ..training("practical")
        }),
        ["families"]
    );
    assert_eq!(refused(training("")), ["kind"]);
}

#[test]
fn early_education_needs_families_and_children() {
    let refused = |i: TrainingInput| fields(i.parse(day(TODAY)).unwrap_err());
    assert_eq!(refused(training("early")), ["families", "children"]);
    let d = TrainingInput {
        families: "2750".into(),
        children: "2806".into(),
        ..training("early")
    }
    .parse(day(TODAY))
    .unwrap();
    assert_eq!((d.families, d.children), (Some(2750), Some(2806)));
}

proptest! {
    #[test]
    fn parsing_any_input_never_panics(a in ".{0,12}", b in ".{0,12}", c in ".{0,40}") {
        let _ = TrainingInput { attendances: a.clone(), held_on: b.clone(), families: c.clone(), ..training("early") }
            .parse(day(TODAY));
        let _ = EventInput { year: a.clone(), participants: b.clone(), ..event() }.parse();
        let _ = ResourceInput { url: c.clone(), kind: a, ..resource() }.parse();
        let _ = valid_url(&c);
    }

    #[test]
    fn coverage_stays_between_zero_and_a_hundred(f in -10i64..100_000, ch in 1i64..100_000) {
        let v = coverage(f, ch).unwrap();
        prop_assert!((0.0..=100.0).contains(&v));
    }
}
