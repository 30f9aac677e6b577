use chrono::NaiveDate;
use platform::text_enum::assert_keys_and_labels_parse_back;
use proptest::prelude::*;

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn yuan_parse_into_fen() {
    assert_eq!(parse_yuan("120"), Some(12_000));
    assert_eq!(parse_yuan(" 35.5 "), Some(3_550));
    assert_eq!(parse_yuan("0.05"), Some(5));
    assert_eq!(parse_yuan("999999.99"), Some(99_999_999));
    assert_eq!(parse_yuan("1000000"), None);
    assert_eq!(parse_yuan("1.234"), None);
    assert_eq!(parse_yuan("-1"), None);
    assert_eq!(parse_yuan("+1"), None);
    assert_eq!(parse_yuan(".5"), None);
    assert_eq!(parse_yuan(""), None);
    assert_eq!(parse_yuan("1.x"), None);
    assert_eq!(parse_yuan("12."), Some(1_200));
    assert_eq!(show_yuan(3_550), "35.50");
    assert_eq!(show_yuan(5), "0.05");
}

#[test]
fn grades_parse_sorted_and_apply() {
    assert_eq!(parse_grades(""), Some(vec![]));
    assert_eq!(parse_grades("3, 1，2 3"), Some(vec![1, 2, 3]));
    assert_eq!(parse_grades("-2,12"), Some(vec![-2, 12]));
    assert_eq!(parse_grades("13"), None);
    assert_eq!(parse_grades("-3"), None);
    assert_eq!(parse_grades("一"), None);
    assert!(applies_to(&[], 5));
    assert!(applies_to(&[4, 5], 5));
    assert!(!applies_to(&[4], 5));
}

fn fee() -> FeeItemInput {
    FeeItemInput {
        institution_id: None,
        school_year: None,
        item: " 作业本费 ".into(),
        standard: "35.5".into(),
        unit: "元/生·学期".into(),
        grades: "1,2".into(),
        basis: "浔价〔2025〕3号".into(),
    }
}

#[test]
fn fee_items_need_every_field() {
    let d = fee().parse(2026).unwrap();
    assert_eq!(
        (
            d.school_year,
            d.item.as_str(),
            d.standard_fen,
            d.grades.clone()
        ),
        (2026, "作业本费", 3_550, vec![1, 2])
    );
    let e = FeeItemInput::default().parse(2026).unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["item", "standard", "unit", "basis"]);
    let e = FeeItemInput {
        school_year: Some(1999),
        grades: "99".into(),
        ..fee()
    }
    .parse(2026)
    .unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["school_year", "grades"]);
    assert!(FeeItemInput {
        school_year: Some(2100),
        ..fee()
    }
    .parse(2026)
    .is_ok());
    assert!(FeeItemInput {
        school_year: Some(2101),
        ..fee()
    }
    .parse(2026)
    .is_err());
    assert!(FeeItemInput {
        school_year: Some(2000),
        ..fee()
    }
    .parse(2026)
    .is_ok());
    assert!(FeeItemInput {
        item: "费".repeat(51),
        ..fee()
    }
    .parse(2026)
    .is_err());
    assert!(FeeItemInput {
        item: "费".repeat(50),
        ..fee()
    }
    .parse(2026)
    .is_ok());
}

fn line(item: &str, fen: i64) -> CardLine {
    CardLine {
        item: item.into(),
        standard_fen: fen,
        unit: "元".into(),
        basis: String::new(),
    }
}

#[test]
fn a_card_holds_the_items_of_the_pupils_grade() {
    let all: Vec<i64> = vec![];
    let low = vec![1, 2];
    let items = vec![
        (all.as_slice(), line("保险", 100)),
        (low.as_slice(), line("作业本", 250)),
    ];
    let (lines, total) = card(items.clone(), 1);
    assert_eq!((lines.len(), total), (2, 350));
    let (lines, total) = card(items, 3);
    assert_eq!((lines, total), (vec![line("保险", 100)], 100));
    assert_eq!(card(Vec::new(), 3), (vec![], 0));
}

#[test]
fn catalogue_entries_are_not_dated_ahead() {
    let today = day("2026-12-07");
    let input = CatalogueInput {
        category: "政策文件".into(),
        title: "关于义务教育招生的实施意见".into(),
        published_on: None,
        body: "全文".into(),
    };
    assert_eq!(input.parse(today).unwrap().published_on, today);
    let ahead = CatalogueInput {
        published_on: Some(day("2026-12-08")),
        ..input.clone()
    };
    assert_eq!(ahead.parse(today).unwrap_err()[0].field, "published_on");
    let e = CatalogueInput::default().parse(today).unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["category", "title", "body"]);
}

#[test]
fn a_request_gets_its_deadline_when_registered() {
    let today = day("2026-12-07");
    let limit = Limit {
        days: 20,
        working_days: true,
    };
    let input = RequestInput {
        requester: "王某".into(),
        contact: "13800000000".into(),
        content: "申请公开本区学校收费标准".into(),
        received_on: Some(day("2026-12-04")),
    };
    let d = input.parse(today, limit).unwrap();
    assert_eq!(d.due_on, day("2027-01-01"));
    let d = RequestInput {
        received_on: None,
        ..input.clone()
    }
    .parse(today, limit)
    .unwrap();
    assert_eq!((d.received_on, d.due_on), (today, day("2027-01-04")));
    let ahead = RequestInput {
        received_on: Some(day("2026-12-08")),
        ..input.clone()
    };
    assert_eq!(
        ahead.parse(today, limit).unwrap_err()[0].field,
        "received_on"
    );
    let e = RequestInput::default().parse(today, limit).unwrap_err();
    let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["requester", "contact", "content"]);
}

#[test]
fn replies_other_than_disclosure_give_a_reason() {
    assert_keys_and_labels_parse_back::<Outcome>();
    let reply = |o: &str, r: &str| {
        ReplyInput {
            outcome: o.into(),
            reason: r.into(),
        }
        .parse()
    };
    assert_eq!(
        reply("disclosed", ""),
        Ok((Outcome::Disclosed, String::new()))
    );
    assert_eq!(
        reply("partly", " 涉及个人隐私 "),
        Ok((Outcome::Partly, "涉及个人隐私".into()))
    );
    for o in ["partly", "refused", "nonexistent"] {
        assert_eq!(reply(o, " ").unwrap_err()[0].field, "reason", "{o}");
    }
    assert_eq!(reply("maybe", "x").unwrap_err()[0].field, "outcome");
    assert!(reply("refused", &"理".repeat(2_001)).is_err());
    assert!(reply("refused", &"理".repeat(2_000)).is_ok());
}

#[test]
fn overdue_and_on_time_turn_at_the_deadline() {
    let due = day("2026-12-10");
    assert!(!overdue(due, None, due));
    assert!(overdue(due, None, day("2026-12-11")));
    assert!(!overdue(due, Some(day("2026-12-11")), day("2026-12-20")));
    assert!(on_time(due, due));
    assert!(!on_time(due, day("2026-12-11")));
}

proptest! {
    #[test]
    fn money_and_grades_never_panic(s in ".{0,20}") {
        let _ = parse_yuan(&s);
        let _ = parse_grades(&s);
    }

    #[test]
    fn fen_show_and_parse_back(fen in 0i64..100_000_000) {
        prop_assert_eq!(parse_yuan(&show_yuan(fen)), Some(fen));
    }
}
