use chrono::NaiveDate;
use platform::auth::{Role, Section};
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn n(prefix: &str, year: i32, seq: u32) -> DocNumber {
    DocNumber {
        prefix: prefix.into(),
        year,
        seq,
    }
}

#[test]
fn enums_parse_back() {
    use platform::text_enum::assert_keys_and_labels_parse_back as check;
    check::<DocType>();
    check::<Issuer>();
    check::<DocStatus>();
    check::<IncomingStatus>();
    check::<Urgency>();
    check::<Action>();
    check::<IncomingAction>();
}

#[test]
fn default_prefixes() {
    assert_eq!(Issuer::Bureau.default_prefix(), "浔教");
    assert_eq!(Issuer::Office.default_prefix(), "浔教办");
}

#[test]
fn numbers_show_with_hexagonal_brackets() {
    assert_eq!(n("浔教", 2026, 12).to_string(), "浔教〔2026〕12号");
}

#[test]
fn numbers_parse() {
    assert_eq!(
        DocNumber::parse("浔教〔2026〕12号"),
        Ok(n("浔教", 2026, 12))
    );
    assert_eq!(
        DocNumber::parse(" 浔教办 [2025] 3 号 "),
        Ok(n("浔教办", 2025, 3))
    );
    for typed in [
        "浔教［2026］1号",
        "浔教【2026】1号",
        "浔教(2026)1号",
        "浔教（2026）1号",
    ] {
        assert_eq!(DocNumber::parse(typed), Ok(n("浔教", 2026, 1)), "{typed}");
    }
    assert_eq!(
        DocNumber::parse("浔教〔1949〕9999号"),
        Ok(n("浔教", 1949, 9999))
    );
    assert_eq!(DocNumber::parse("浔教〔2099〕1号"), Ok(n("浔教", 2099, 1)));
    let long = "一二三四五六七八九十甲乙";
    assert_eq!(
        DocNumber::parse(&format!("{long}〔2026〕1号")).map(|d| d.prefix),
        Ok(long.to_string())
    );
}

#[test]
fn bad_numbers_say_why() {
    use NumberError::*;
    for (typed, why) in [
        ("", Empty),
        ("  ", Empty),
        ("浔教2026年12号", Shape),
        ("浔教〔2026〕12", Shape),
        ("浔教〔2026〕12号文", Shape),
        ("浔教〔2026]12号", Shape),
        ("〔2026〕12号", Prefix),
        ("浔 教〔2026〕12号", Prefix),
        ("浔教1〔2026〕12号", Prefix),
        ("浔教〇〔2026〕12号", Prefix),
        ("浔号〔2026〕12号", Prefix),
        ("浔教]〔2026〕12号", Prefix),
        ("一二三四五六七八九十甲乙丙〔2026〕1号", Prefix),
        ("浔教〔26〕12号", Year),
        ("浔教〔20266〕12号", Year),
        ("浔教〔二〇二六〕12号", Year),
        ("浔教〔1948〕12号", Year),
        ("浔教〔2100〕12号", Year),
        ("浔教〔+202〕12号", Year),
        ("浔教〔2026〕0号", Seq),
        ("浔教〔2026〕012号", Seq),
        ("浔教〔2026〕10000号", Seq),
        ("浔教〔2026〕号", Seq),
        ("浔教〔2026〕+1号", Seq),
        ("浔教〔2026〕十二号", Seq),
    ] {
        assert_eq!(DocNumber::parse(typed), Err(why), "{typed:?}");
    }
}

#[test]
fn prefixes_checked_alone() {
    assert!(number::valid_prefix("浔教"));
    assert!(!number::valid_prefix(""));
    assert!(!number::valid_prefix("浔教（"));
    assert!(!number::valid_prefix("浔教〕"));
}

#[test]
fn next_numbers() {
    assert_eq!(
        DocNumber::next("浔教", 2026, None),
        Some(n("浔教", 2026, 1))
    );
    assert_eq!(
        DocNumber::next("浔教", 2026, Some(11)),
        Some(n("浔教", 2026, 12))
    );
    assert_eq!(
        DocNumber::next("浔教", 2026, Some(9998)),
        Some(n("浔教", 2026, 9999))
    );
    assert_eq!(DocNumber::next("浔教", 2026, Some(9999)), None);
    assert_eq!(DocNumber::next("浔教", 2026, Some(u32::MAX)), None);
}

proptest! {
    #[test]
    fn parsing_never_panics(s in "\\PC{0,40}") {
        let _ = DocNumber::parse(&s);
    }

    #[test]
    fn parsing_bracketed_text_never_panics(a in "\\PC{0,6}", b in "[0-9〔〕\\[\\]号 ]{0,12}") {
        let _ = DocNumber::parse(&format!("{a}〔{b}"));
    }

    #[test]
    fn shown_numbers_parse_back(p in "[浔教办局文]{1,12}", year in 1949i32..=2099, seq in 1u32..=9999) {
        let d = n(&p, year, seq);
        prop_assert_eq!(DocNumber::parse(&d.to_string()), Ok(d));
    }
}

const OFFICE: Role = Role::Section(Section::Office);
const BASIC: Role = Role::Section(Section::BasicEducation);
const SAFETY: Role = Role::Section(Section::Safety);

fn who(user: i64, role: Role) -> Who {
    Who {
        user: Some(user),
        role,
    }
}

fn step(status: DocStatus, action: Action, w: Who) -> Result<DocStatus, FlowError> {
    next_status(status, action, w, Some(1), Section::BasicEducation)
}

#[test]
fn a_draft_goes_through_review_and_signing() {
    use DocStatus::*;
    assert_eq!(step(Draft, Action::Submit, who(1, BASIC)), Ok(Review));
    assert_eq!(step(Draft, Action::Submit, who(2, BASIC)), Ok(Review));
    assert_eq!(step(Review, Action::Pass, who(2, BASIC)), Ok(Sign));
    assert_eq!(step(Review, Action::Pass, who(3, OFFICE)), Ok(Sign));
    assert_eq!(
        step(Sign, Action::Sign, who(4, Role::Leadership)),
        Ok(Issued)
    );
    assert_eq!(step(Review, Action::Return, who(3, OFFICE)), Ok(Draft));
    assert_eq!(step(Review, Action::Return, who(2, BASIC)), Ok(Draft));
    assert_eq!(
        step(Sign, Action::Return, who(4, Role::Leadership)),
        Ok(Draft)
    );
}

#[test]
fn only_the_right_people_act() {
    use DocStatus::*;
    let no = Err(FlowError::NotAllowed);
    assert_eq!(step(Draft, Action::Submit, who(2, SAFETY)), no);
    assert_eq!(step(Draft, Action::Submit, who(2, Role::Institution)), no);
    assert_eq!(step(Review, Action::Pass, who(2, SAFETY)), no);
    assert_eq!(step(Review, Action::Pass, who(2, Role::Leadership)), no);
    assert_eq!(step(Review, Action::Return, who(2, SAFETY)), no);
    assert_eq!(step(Sign, Action::Sign, who(2, OFFICE)), no);
    assert_eq!(step(Sign, Action::Return, who(2, OFFICE)), no);
    assert_eq!(step(Sign, Action::Sign, who(2, Role::Inspector)), no);
    // Leadership drafts through the 办公室.
    assert_eq!(
        next_status(
            Draft,
            Action::Submit,
            who(9, Role::Leadership),
            Some(9),
            Section::Office
        ),
        Ok(Review)
    );
}

#[test]
fn the_drafter_never_approves_their_own_draft() {
    use DocStatus::*;
    let own = Err(FlowError::OwnDraft);
    assert_eq!(step(Review, Action::Pass, who(1, BASIC)), own);
    assert_eq!(step(Review, Action::Return, who(1, BASIC)), own);
    let drafted_by_leader =
        |s, a| next_status(s, a, who(1, Role::Leadership), Some(1), Section::Office);
    assert_eq!(drafted_by_leader(Sign, Action::Sign), own);
    assert_eq!(drafted_by_leader(Sign, Action::Return), own);
    // A document without a recorded drafter (the system's) has no such bar.
    assert_eq!(
        next_status(
            Sign,
            Action::Sign,
            who(1, Role::Leadership),
            None,
            Section::Office
        ),
        Ok(Issued)
    );
    assert_eq!(
        next_status(
            Sign,
            Action::Sign,
            Who {
                user: None,
                role: Role::Leadership
            },
            Some(1),
            Section::Office
        ),
        Ok(Issued)
    );
}

#[test]
fn steps_out_of_order_are_refused() {
    use DocStatus::*;
    let l = who(4, Role::Leadership);
    assert_eq!(
        step(Draft, Action::Sign, l),
        Err(FlowError::WrongStatus("拟稿", "签发"))
    );
    assert_eq!(
        step(Review, Action::Submit, who(1, BASIC)),
        Err(FlowError::WrongStatus("待核稿", "送核稿"))
    );
    assert_eq!(
        step(Issued, Action::Return, l),
        Err(FlowError::WrongStatus("已签发", "退回修改"))
    );
    assert_eq!(
        step(Draft, Action::Return, l),
        Err(FlowError::WrongStatus("拟稿", "退回修改"))
    );
    assert_eq!(
        step(Sign, Action::Pass, who(3, OFFICE)),
        Err(FlowError::WrongStatus("待签发", "核稿通过"))
    );
    assert_eq!(
        step(Issued, Action::Sign, l),
        Err(FlowError::WrongStatus("已签发", "签发"))
    );
}

#[test]
fn incoming_documents_are_routed() {
    use IncomingAction::*;
    use IncomingStatus::*;
    let s = Some(Section::Safety);
    assert_eq!(
        next_incoming(Registered, Register, OFFICE, None),
        Ok(Registered)
    );
    assert_eq!(
        next_incoming(Registered, Register, BASIC, None),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(
        next_incoming(Registered, Propose, OFFICE, None),
        Ok(Proposed)
    );
    assert_eq!(
        next_incoming(Registered, Propose, Role::Leadership, None),
        Ok(Proposed)
    );
    assert_eq!(
        next_incoming(Registered, Propose, BASIC, None),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(
        next_incoming(Proposed, Instruct, Role::Leadership, None),
        Ok(Handling)
    );
    assert_eq!(
        next_incoming(Proposed, Instruct, OFFICE, None),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(next_incoming(Handling, Finish, SAFETY, s), Ok(Done));
    assert_eq!(next_incoming(Handling, Finish, OFFICE, s), Ok(Done));
    assert_eq!(
        next_incoming(Handling, Finish, Role::Leadership, s),
        Ok(Done)
    );
    assert_eq!(
        next_incoming(Handling, Finish, BASIC, s),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(
        next_incoming(Handling, Finish, SAFETY, None),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(
        next_incoming(Handling, Finish, Role::Institution, s),
        Err(FlowError::NotAllowed)
    );
    assert_eq!(
        next_incoming(Registered, Instruct, Role::Leadership, None),
        Err(FlowError::WrongStatus("待拟办", "领导批示"))
    );
    assert_eq!(
        next_incoming(Done, Finish, OFFICE, s),
        Err(FlowError::WrongStatus("已办结", "办结"))
    );
    assert_eq!(
        next_incoming(Proposed, Propose, OFFICE, s),
        Err(FlowError::WrongStatus("待批示", "拟办"))
    );
}

#[test]
fn who_sees_what() {
    assert_eq!(Viewer::of(Role::Leadership, None), Viewer::All);
    assert_eq!(Viewer::of(OFFICE, None), Viewer::All);
    assert_eq!(Viewer::of(SAFETY, None), Viewer::Section(Section::Safety));
    assert_eq!(
        Viewer::of(Role::Institution, Some(7)),
        Viewer::Institution(7)
    );
    assert_eq!(Viewer::of(Role::Institution, None), Viewer::Nobody);
    assert_eq!(Viewer::of(Role::Inspector, None), Viewer::Nobody);
    assert_eq!(
        Viewer::drafting_section(Role::Leadership),
        Some(Section::Office)
    );
    assert_eq!(Viewer::drafting_section(SAFETY), Some(Section::Safety));
    assert_eq!(Viewer::drafting_section(Role::Inspector), None);
    assert_eq!(Viewer::drafting_section(Role::Institution), None);
}

#[test]
fn working_days_skip_weekends() {
    // 2026-12-04 is a Friday.
    let fri = day(2026, 12, 4);
    assert_eq!(add_working_days(fri, 0), fri);
    assert_eq!(add_working_days(fri, 1), day(2026, 12, 7));
    assert_eq!(add_working_days(fri, 3), day(2026, 12, 9));
    let mon = day(2026, 12, 7);
    assert_eq!(add_working_days(mon, 3), day(2026, 12, 10));
    assert_eq!(add_working_days(mon, 5), day(2026, 12, 14));
    let sat = day(2026, 12, 5);
    assert_eq!(add_working_days(sat, 1), mon);
    assert_eq!(add_working_days(NaiveDate::MAX, 2), NaiveDate::MAX);
}

#[test]
fn receipt_deadlines() {
    let fri = day(2026, 12, 4);
    assert_eq!(RECEIPT_DAYS, 3);
    assert_eq!(receipt_due(fri, RECEIPT_DAYS, true), day(2026, 12, 9));
    assert_eq!(receipt_due(fri, 3, false), day(2026, 12, 7));
    assert_eq!(receipt_due(NaiveDate::MAX, 3, false), NaiveDate::MAX);
    let due = day(2026, 12, 9);
    assert!(!is_overdue(due, Some(due), day(2027, 1, 1)));
    assert!(is_overdue(due, Some(day(2026, 12, 10)), due));
    assert!(!is_overdue(due, None, due));
    assert!(is_overdue(due, None, day(2026, 12, 10)));
}

#[test]
fn averages_of_durations() {
    assert_eq!(average_days(&[]), None);
    let a = day(2026, 1, 1);
    assert_eq!(average_days(&[(a, a)]), Some(0.0));
    assert_eq!(
        average_days(&[(a, day(2026, 1, 4)), (a, day(2026, 1, 2))]),
        Some(2.0)
    );
}

proptest! {
    #[test]
    fn working_deadlines_fall_on_working_days(offset in 0i64..3000, n in 1i64..30) {
        let from = day(2020, 1, 1) + chrono::Duration::days(offset);
        let due = add_working_days(from, n);
        prop_assert!(due > from);
        prop_assert!(!matches!(chrono::Datelike::weekday(&due), chrono::Weekday::Sat | chrono::Weekday::Sun));
        // n working days span at most n + 2 weekends' days per week.
        prop_assert!((due - from).num_days() <= n + 2 * (n / 5 + 1));
        prop_assert_eq!(add_working_days(add_working_days(from, n), 1), add_working_days(from, n + 1));
    }
}
