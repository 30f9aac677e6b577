use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn item(item: WorkItem, done: i64) -> ItemProgress {
    ItemProgress {
        item,
        done: Tenths(done),
    }
}

fn draft(on: NaiveDate, overall: i64, items: Vec<ItemProgress>, reason: &str) -> Draft {
    Draft {
        reported_on: on,
        overall: Tenths(overall),
        items,
        reason: reason.into(),
    }
}

fn earlier() -> Earlier {
    Earlier {
        reported_on: Some(d(2026, 5, 1)),
        overall: Some(Tenths(600)),
        items: vec![
            item(WorkItem::MainStructure, 850),
            item(WorkItem::InteriorPlaster, 950),
        ],
    }
}

const TODAY: fn() -> NaiveDate = || d(2026, 6, 1);

fn fields(errors: &[platform::FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn codes_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<WorkItem>();
    platform::text_enum::assert_keys_and_labels_parse_back::<PhotoType>();
}

#[test]
fn tenths_range_is_0_to_1000() {
    assert_eq!(Tenths::new(0), Ok(Tenths(0)));
    assert_eq!(Tenths::new(1000), Ok(Tenths(1000)));
    assert!(Tenths::new(-1).unwrap_err().contains("-0.1%"));
    assert!(Tenths::new(1001).unwrap_err().contains("100.1%"));
}

#[test]
fn percentages_parse_as_written() {
    assert_eq!(Tenths::parse("85"), Ok(Tenths(850)));
    assert_eq!(Tenths::parse(" 99.5 "), Ok(Tenths(995)));
    assert_eq!(Tenths::parse("85%"), Ok(Tenths(850)));
    assert_eq!(Tenths::parse("８５．５％"), Ok(Tenths(855)));
    assert_eq!(Tenths::parse("0"), Ok(Tenths(0)));
    assert_eq!(Tenths::parse("100"), Ok(Tenths(1000)));
    assert_eq!(Tenths::parse("100.0"), Ok(Tenths(1000)));
    assert_eq!(Tenths::parse("7."), Ok(Tenths(70)));
    assert!(Tenths::parse("100.1").unwrap_err().contains("0% 到 100%"));
    assert!(Tenths::parse("1000").unwrap_err().contains("0% 到 100%"));
    for bad in ["", "%", ".5", "85.55", "-5", "八十", "1e2", "12345", "8 5"] {
        assert!(
            Tenths::parse(bad).unwrap_err().contains("不是百分数"),
            "{bad}"
        );
    }
}

#[test]
fn tenths_show_as_percent() {
    assert_eq!(Tenths(850).to_string(), "85%");
    assert_eq!(Tenths(995).to_string(), "99.5%");
    assert_eq!(Tenths(5).to_string(), "0.5%");
    assert_eq!(Tenths(-15).to_string(), "-1.5%");
    assert_eq!(Tenths(995).percent(), 99.5);
    assert_eq!(Tenths::FULL, Tenths(1000));
}

#[test]
fn a_first_report_needs_only_a_sane_date() {
    let first = draft(d(2026, 6, 1), 0, vec![item(WorkItem::Outdoor, 0)], "");
    assert!(check_report(&Earlier::default(), &first, TODAY()).is_empty());
}

/// What `check_report` says of a report on `day` of May 2026 after
/// [`earlier`], with items as (item, tenths).
fn after_earlier(
    day: u32,
    overall: i64,
    items: &[(WorkItem, i64)],
    reason: &str,
) -> Vec<platform::FieldError> {
    let items = items.iter().map(|(w, t)| item(*w, *t)).collect();
    check_report(
        &earlier(),
        &draft(d(2026, 5, day), overall, items, reason),
        TODAY(),
    )
}

#[test]
fn forward_progress_on_a_later_or_same_day_passes() {
    assert!(after_earlier(1, 600, &[(WorkItem::MainStructure, 850)], "").is_empty());
    assert!(after_earlier(
        31,
        700,
        &[(WorkItem::InteriorPlaster, 1000), (WorkItem::Outdoor, 10)],
        ""
    )
    .is_empty());
}

#[test]
fn a_date_before_the_last_report_is_refused() {
    let e = check_report(&earlier(), &draft(d(2026, 4, 30), 600, vec![], ""), TODAY());
    assert_eq!(fields(&e), ["reported_on"]);
    assert!(e[0].message.contains("早于上一次报告（2026-05-01）"));
}

#[test]
fn a_date_after_today_is_refused() {
    let e = check_report(
        &Earlier::default(),
        &draft(d(2026, 6, 2), 0, vec![], ""),
        TODAY(),
    );
    assert_eq!(fields(&e), ["reported_on"]);
    assert!(e[0].message.contains("晚于今天"));
}

#[test]
fn overall_going_backwards_needs_a_reason() {
    let e = after_earlier(2, 599, &[], "");
    assert_eq!(fields(&e), ["reason"]);
    assert!(e[0].message.contains("总形象进度由 60% 降为 59.9%"));
    assert!(after_earlier(2, 599, &[], "复测后调整").is_empty());
    assert_eq!(
        after_earlier(2, 599, &[], "  ").len(),
        1,
        "a blank reason is none"
    );
}

#[test]
fn an_item_going_backwards_needs_a_reason() {
    let e = after_earlier(
        2,
        600,
        &[(WorkItem::Outdoor, 0), (WorkItem::InteriorPlaster, 949)],
        "",
    );
    assert_eq!(fields(&e), ["reason"]);
    assert!(e[0].message.contains("内墙抹灰由 95% 降为 94.9%"));
    assert!(after_earlier(2, 600, &[(WorkItem::InteriorPlaster, 949)], "返工").is_empty());
}

#[test]
fn an_item_named_twice_is_refused() {
    let e = after_earlier(
        2,
        600,
        &[(WorkItem::Outdoor, 10), (WorkItem::Outdoor, 20)],
        "",
    );
    assert_eq!(fields(&e), ["items"]);
    assert!(e[0].message.contains("室外工程"));
}

#[test]
fn every_reason_is_given_at_once() {
    let bad = draft(
        d(2026, 4, 1),
        100,
        vec![
            item(WorkItem::MainStructure, 10),
            item(WorkItem::MainStructure, 10),
        ],
        "",
    );
    assert_eq!(
        fields(&check_report(&earlier(), &bad, TODAY())),
        ["reported_on", "items", "reason", "reason", "reason"]
    );
}

#[test]
fn stalled_after_more_than_the_set_days() {
    assert!(!is_stalled(d(2026, 5, 2), d(2026, 6, 1), 30));
    assert!(is_stalled(d(2026, 5, 1), d(2026, 6, 1), 30));
    assert!(!is_stalled(d(2026, 6, 1), d(2026, 6, 1), 0));
    assert!(is_stalled(d(2026, 5, 31), d(2026, 6, 1), 0));
    assert_eq!(DEFAULT_STALLED_DAYS, 30);
}

#[test]
fn late_when_the_planned_end_has_passed_unfinished() {
    let today = d(2026, 6, 1);
    assert!(is_late(Some(d(2026, 5, 31)), None, today));
    assert!(!is_late(Some(today), None, today));
    assert!(!is_late(Some(d(2026, 5, 31)), Some(d(2026, 6, 1)), today));
    assert!(!is_late(None, None, today));
}

#[test]
fn on_time_by_the_planned_end() {
    assert!(on_time(Some(d(2026, 6, 1)), d(2026, 6, 1)));
    assert!(!on_time(Some(d(2026, 6, 1)), d(2026, 6, 2)));
    assert!(on_time(None, d(2026, 6, 2)));
}

#[test]
fn photos_are_typed_by_their_first_bytes() {
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(PhotoType::Jpeg));
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFE]), None);
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Some(PhotoType::Png));
    assert_eq!(sniff(b"\x89PNG\r\n\x1a"), None);
    assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(PhotoType::Webp));
    assert_eq!(sniff(b"RIFF\0\0\0\0WEBP"), Some(PhotoType::Webp));
    assert_eq!(sniff(b"RIFF\0\0\0\0WEB"), None);
    assert_eq!(sniff(b"RIFF\0\0\0\0WAVE"), None);
    assert_eq!(sniff(b"GIF89a"), None);
    assert_eq!(sniff(b"%PDF-1.7 \xFF\xD8\xFF"), None);
    assert_eq!(sniff(&[]), None);
    assert_eq!(PhotoType::Png.as_str(), "image/png");
}

#[test]
fn huge_or_empty_dimensions_are_refused() {
    assert!(check_dimensions(4000, 3000).is_ok());
    assert!(check_dimensions(MAX_SIDE, 4000).is_ok());
    assert!(check_dimensions(4000, MAX_SIDE).is_ok());
    assert!(check_dimensions(MAX_SIDE + 1, 10)
        .unwrap_err()
        .contains("过大"));
    assert!(check_dimensions(10, MAX_SIDE + 1)
        .unwrap_err()
        .contains("过大"));
    assert!(check_dimensions(10_000, 5_000).is_ok());
    assert!(check_dimensions(10_000, 5_001)
        .unwrap_err()
        .contains("10000×5001"));
    assert!(check_dimensions(0, 10).unwrap_err().contains("为 0"));
    assert!(check_dimensions(10, 0).unwrap_err().contains("为 0"));
    assert_eq!(
        (MAX_PHOTOS, MAX_PHOTO_BYTES, THUMB_SIDE),
        (12, 10_485_760, 320)
    );
}

proptest! {
    #[test]
    fn any_written_percentage_parses_back(t in 0i64..=1000) {
        prop_assert_eq!(Tenths::parse(&Tenths(t).to_string()), Ok(Tenths(t)));
    }

    #[test]
    fn never_backwards_never_refused(before in 0i64..=1000, step in 0i64..=1000, days in 0i64..30) {
        let now = (before + step).min(1000);
        let e = Earlier { reported_on: Some(d(2026, 5, 1)), overall: Some(Tenths(before)), items: vec![item(WorkItem::Decoration, before)] };
        let dr = draft(d(2026, 5, 1) + chrono::Duration::days(days), now, vec![item(WorkItem::Decoration, now)], "");
        prop_assert!(check_report(&e, &dr, TODAY()).is_empty());
    }

    #[test]
    fn backwards_always_refused_without_reason(before in 1i64..=1000, drop in 1i64..=1000) {
        let now = (before - drop).max(0);
        let e = Earlier { reported_on: None, overall: Some(Tenths(before)), items: vec![] };
        let refused = check_report(&e, &draft(d(2026, 5, 1), now, vec![], ""), TODAY());
        prop_assert_eq!(refused.len(), 1);
        prop_assert!(check_report(&e, &draft(d(2026, 5, 1), now, vec![], "原因"), TODAY()).is_empty());
    }
}
