use chrono::NaiveDate;
use proptest::prelude::*;

use super::text::{DIGIT_RUN, REDACTED};
use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn enums_parse_back() {
    use platform::text_enum::assert_keys_and_labels_parse_back as check;
    check::<Topic>();
    check::<Channel>();
    check::<Status>();
    check::<Satisfaction>();
    assert_eq!(Topic::ALL.len(), 7);
}

#[test]
fn the_case_moves_only_along_its_path() {
    use Status::*;
    use Step::*;
    assert_eq!(next(Registered, Accept), Ok(Accepted));
    assert_eq!(next(Registered, Reject), Ok(Rejected));
    assert_eq!(next(Accepted, Draft), Ok(Drafted));
    assert_eq!(next(Drafted, Draft), Ok(Drafted));
    assert_eq!(next(Drafted, Approve), Ok(Replied));
    assert_eq!(next(Replied, Rate), Ok(Rated));
    assert_eq!(next(Accepted, Extend), Ok(Accepted));
    assert_eq!(next(Drafted, Extend), Ok(Drafted));
    let allowed = [
        (Registered, Accept),
        (Registered, Reject),
        (Accepted, Draft),
        (Drafted, Draft),
        (Drafted, Approve),
        (Replied, Rate),
        (Accepted, Extend),
        (Drafted, Extend),
    ];
    for from in Status::ALL.iter().copied() {
        for step in [Accept, Reject, Draft, Approve, Rate, Extend] {
            if !allowed.contains(&(from, step)) {
                assert_eq!(
                    next(from, step),
                    Err(StepError::WrongStatus(from.label())),
                    "{from:?} {step:?}"
                );
            }
        }
    }
}

#[test]
fn a_reply_is_approved_by_another_person() {
    assert_eq!(may_approve(Some(3), Some(3)), Err(StepError::OwnDraft));
    assert_eq!(may_approve(Some(3), Some(4)), Ok(()));
    assert_eq!(may_approve(None, Some(4)), Ok(()));
    assert_eq!(may_approve(Some(3), None), Ok(()));
    assert!(StepError::OwnDraft
        .to_string()
        .contains("不能审核自己起草的答复"));
}

#[test]
fn an_extension_is_granted_once() {
    assert_eq!(may_extend(false), Ok(()));
    assert_eq!(may_extend(true), Err(StepError::AlreadyExtended));
}

#[test]
fn open_cases_are_those_waiting_for_the_bureau() {
    let open: Vec<_> = Status::ALL
        .iter()
        .copied()
        .filter(|s| is_open(*s))
        .collect();
    assert_eq!(
        open,
        vec![Status::Registered, Status::Accepted, Status::Drafted]
    );
}

#[test]
fn deadlines_follow_the_limits() {
    let l = Limits::default();
    assert_eq!((l.accept, l.reply, l.extension), (15, 60, 30));
    assert_eq!(after(day(2026, 1, 1), 15), day(2026, 1, 16));
    assert_eq!(after(NaiveDate::MAX, 1), NaiveDate::MAX);
    let (a, r) = (day(2026, 1, 16), Some(day(2026, 3, 1)));
    assert_eq!(due(Status::Registered, a, r), Some(a));
    assert_eq!(due(Status::Accepted, a, r), r);
    assert_eq!(due(Status::Drafted, a, r), r);
    for s in [Status::Replied, Status::Rated, Status::Rejected] {
        assert_eq!(due(s, a, r), None);
    }
}

#[test]
fn timeliness_at_the_boundaries() {
    let d = day(2026, 3, 10);
    assert_eq!(timeliness(d, day(2026, 3, 11)), Timeliness::Overdue);
    assert_eq!(timeliness(d, d), Timeliness::DueSoon);
    assert_eq!(timeliness(d, day(2026, 3, 5)), Timeliness::DueSoon);
    assert_eq!(timeliness(d, day(2026, 3, 4)), Timeliness::OnTime);
    assert!(answered_on_time(d, d));
    assert!(answered_on_time(day(2026, 3, 9), d));
    assert!(!answered_on_time(day(2026, 3, 11), d));
    assert_eq!(Timeliness::Overdue.label(), "逾期");
    assert_eq!(Timeliness::OnTime.label(), "按期");
    assert_eq!(Timeliness::DueSoon.label(), "即将到期");
}

#[test]
fn satisfaction_and_percent() {
    assert!(Satisfaction::Satisfied.counts_as_satisfied());
    assert!(Satisfaction::Basic.counts_as_satisfied());
    assert!(!Satisfaction::Unsatisfied.counts_as_satisfied());
    assert_eq!(percent(1, 4), Some(25.0));
    assert_eq!(percent(0, 0), None);
    assert_eq!(percent(3, 3), Some(100.0));
}

fn good() -> PetitionInput {
    PetitionInput {
        name: " 张三 ".into(),
        phone: "13812345678".into(),
        id_number: String::new(),
        topic: "fees".into(),
        subject: "收费问题".into(),
        content: "学校收取资料费".into(),
        channel: "visit".into(),
        received_by: String::new(),
        received_on: Some(day(2026, 3, 1)),
    }
}

fn fields(errors: Vec<FieldError>) -> Vec<String> {
    errors.into_iter().map(|e| e.field).collect()
}

#[test]
fn a_public_letter_is_online_and_dated_today() {
    let today = day(2026, 3, 5);
    let d = good().parse(true, today).expect("valid");
    assert_eq!(d.channel, Channel::Online);
    assert_eq!(d.received_on, today);
    assert_eq!(d.name, "张三");
    assert_eq!(d.topic, Topic::Fees);
    let d = good().parse(false, today).expect("valid");
    assert_eq!(
        (d.channel, d.received_on),
        (Channel::Visit, day(2026, 3, 1))
    );
    let none = PetitionInput {
        received_on: None,
        ..good()
    };
    assert_eq!(none.parse(false, today).expect("valid").received_on, today);
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let bad = PetitionInput {
        name: String::new(),
        phone: "12345".into(),
        id_number: "123".into(),
        topic: "x".into(),
        subject: "题".repeat(MAX_SUBJECT + 1),
        content: String::new(),
        channel: "online".into(),
        received_by: String::new(),
        received_on: Some(day(2026, 3, 6)),
    };
    let got = fields(bad.parse(false, day(2026, 3, 5)).expect_err("invalid"));
    assert_eq!(
        got,
        [
            "name",
            "phone",
            "id_number",
            "topic",
            "subject",
            "content",
            "channel",
            "received_on"
        ]
    );
    let reception = PetitionInput {
        channel: "reception".into(),
        ..good()
    };
    let got = fields(
        reception
            .parse(false, day(2026, 3, 5))
            .expect_err("no leader"),
    );
    assert_eq!(got, ["received_by"]);
    let with = PetitionInput {
        received_by: "王局长".into(),
        ..reception
    };
    assert!(with.parse(false, day(2026, 3, 5)).is_ok());
    let id = PetitionInput {
        id_number: "11010519491231002x".into(),
        ..good()
    };
    assert_eq!(
        id.parse(true, day(2026, 3, 5)).expect("id").id_number,
        "11010519491231002X"
    );
    let long = PetitionInput {
        content: "字".repeat(MAX_CONTENT),
        ..good()
    };
    assert!(long.parse(true, day(2026, 3, 5)).is_ok());
    let longer = PetitionInput {
        content: "字".repeat(MAX_CONTENT + 1),
        ..good()
    };
    assert_eq!(
        fields(longer.parse(true, day(2026, 3, 5)).expect_err("long")),
        ["content"]
    );
}

#[test]
fn required_text_trims_and_caps() {
    assert_eq!(required_text("r", "理由", " 好 ", 3), Ok("好".to_string()));
    assert_eq!(
        fields(required_text("r", "理由", " ", 3).expect_err("empty")),
        ["r"]
    );
    assert_eq!(
        fields(required_text("r", "理由", "四个字啊", 3).expect_err("long")),
        ["r"]
    );
}

#[test]
fn references_format_and_parse() {
    assert_eq!(ref_no(2026, 123), "XF2026-000123");
    assert_eq!(ref_no(2026, 1_234_567), "XF2026-1234567");
    assert_eq!(parse_ref(" xf2026-000123 "), Some((2026, 123)));
    assert_eq!(parse_ref("XF2026-1234567"), Some((2026, 1_234_567)));
    for bad in [
        "",
        "XF",
        "XF2026",
        "XF2026-",
        "XF2026-00012",
        "XF26-000123",
        "YF2026-000123",
        "XF2026-000000",
        "XF2026-00012a",
        "XF2O26-000123",
        "XF2026-0000000000123",
        "XF2026_000123",
        "XF+026-000123",
        "XF2026-+00123",
    ] {
        assert_eq!(parse_ref(bad), None, "{bad}");
    }
}

#[test]
fn mobile_numbers() {
    assert!(valid_mobile("13812345678"));
    assert!(valid_mobile("19912345678"));
    for bad in [
        "1381234567",
        "138123456789",
        "23812345678",
        "12812345678",
        "1381234567a",
        "",
        "10812345678",
    ] {
        assert!(!valid_mobile(bad), "{bad}");
    }
}

#[test]
fn redaction_removes_names_phones_and_ids() {
    let text = "张三（电话13812345678，身份证11010519491231002X）反映：学校收费。房号12号";
    let out = redact(text, &["张三", "13812345678", ""]);
    assert_eq!(out, "***（电话***，身份证***）反映：学校收费。房号12号");
    assert_eq!(
        redact("王 说 123456 与 1234567x", &["王"]),
        "王 说 123456 与 ***"
    );
    assert_eq!(redact("138-1234-5678", &["138-1234-5678"]), REDACTED);
    assert_eq!(redact("a**b", &["**"]), "a**b");
    assert_eq!(DIGIT_RUN, 7);
}

proptest! {
    #[test]
    fn parse_ref_never_panics_and_round_trips(s in "\\PC{0,20}", y in 1000i32..9999, n in 1i64..99_999_999) {
        let _ = parse_ref(&s);
        prop_assert_eq!(parse_ref(&ref_no(y, n)), Some((y, n)));
    }

    #[test]
    fn valid_mobiles_are_eleven_digits(s in "\\PC{0,15}") {
        if valid_mobile(&s) {
            prop_assert_eq!(s.len(), 11);
            prop_assert!(s.starts_with('1'));
        }
    }

    #[test]
    fn redacted_text_holds_no_term_and_no_long_number(
        text in "[张三李四0-9a-zX 。，]{0,60}",
        name in "[张三李四]{2,3}",
        phone in "1[3-9][0-9]{9}",
    ) {
        let full = format!("{text}{name}{text}{phone}");
        let out = redact(&full, &[&name, &phone]);
        prop_assert!(!out.contains(&name));
        prop_assert!(!out.contains(&phone));
        let longest = out.split(|c: char| !c.is_ascii_digit()).map(str::len).max().unwrap_or(0);
        prop_assert!(longest < DIGIT_RUN);
    }
}
