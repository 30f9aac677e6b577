use chrono::NaiveDate;

use super::*;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn case(status: Status) -> Case {
    Case {
        status,
        found_on: d(3, 14),
        children: 20,
        last_visit: None,
        rectifying_since: None,
    }
}

const TODAY: (u32, u32) = (5, 1);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1)
}

fn end(to: Status, on: NaiveDate, placement: &str) -> Change {
    Change::End {
        to,
        on,
        placement: placement.into(),
    }
}

#[test]
fn rectification_needs_a_deadline_after_today() {
    let c = case(Status::Found);
    let ok = Change::Rectify { deadline: d(5, 2) };
    assert_eq!(apply(&c, &ok, today()), Ok(Status::Rectifying));
    let same_day = Change::Rectify { deadline: today() };
    assert_eq!(
        apply(&c, &same_day, today()),
        Err(ChangeError::DeadlineNotAfterToday)
    );
    assert_eq!(
        apply(&case(Status::Rectifying), &ok, today()),
        Ok(Status::Rectifying),
        "a new deadline extends the rectification"
    );
}

#[test]
fn banning_or_stopping_says_where_the_children_went() {
    for from in [Status::Found, Status::Rectifying] {
        for to in [Status::Banned, Status::Stopped] {
            let c = case(from);
            assert_eq!(
                apply(&c, &end(to, today(), "转入中心幼儿园"), today()),
                Ok(to)
            );
            assert_eq!(
                apply(&c, &end(to, today(), "  "), today()),
                Err(ChangeError::NoPlacement)
            );
        }
    }
    let empty = Case {
        children: 0,
        ..case(Status::Found)
    };
    assert_eq!(
        apply(&empty, &end(Status::Banned, today(), ""), today()),
        Ok(Status::Banned),
        "no children, nothing to place"
    );
}

#[test]
fn an_end_is_dated_between_discovery_and_today() {
    let c = case(Status::Found);
    assert_eq!(
        apply(&c, &end(Status::Banned, d(5, 2), "x"), today()),
        Err(ChangeError::InFuture)
    );
    assert_eq!(
        apply(&c, &end(Status::Banned, d(3, 13), "x"), today()),
        Err(ChangeError::BeforeFound)
    );
    assert_eq!(
        apply(&c, &end(Status::Banned, d(3, 14), "x"), today()),
        Ok(Status::Banned)
    );
    assert_eq!(
        apply(&c, &end(Status::Compliant, today(), "x"), today()),
        Err(ChangeError::NotAnEnd)
    );
    assert_eq!(
        apply(&c, &end(Status::Rectifying, today(), "x"), today()),
        Err(ChangeError::NotAnEnd)
    );
}

#[test]
fn compliance_follows_a_visit_during_rectification() {
    let comply = Change::Comply { on: today() };
    assert_eq!(
        apply(&case(Status::Found), &comply, today()),
        Err(ChangeError::NotRectifying)
    );
    let mut c = case(Status::Rectifying);
    c.rectifying_since = Some(d(4, 1));
    assert_eq!(apply(&c, &comply, today()), Err(ChangeError::NoVisit));
    c.last_visit = Some(d(3, 31));
    assert_eq!(
        apply(&c, &comply, today()),
        Err(ChangeError::NoVisit),
        "a visit before the order does not count"
    );
    c.last_visit = Some(d(4, 1));
    assert_eq!(apply(&c, &comply, today()), Ok(Status::Compliant));
    assert_eq!(
        apply(&c, &Change::Comply { on: d(5, 2) }, today()),
        Err(ChangeError::InFuture)
    );
    c.rectifying_since = None;
    assert_eq!(apply(&c, &comply, today()), Err(ChangeError::NoVisit));
}

#[test]
fn an_ended_case_changes_no_more() {
    for s in [Status::Banned, Status::Compliant, Status::Stopped] {
        assert!(s.is_ended());
        let err = apply(&case(s), &Change::Rectify { deadline: d(6, 1) }, today());
        assert_eq!(err, Err(ChangeError::Ended(s.label())));
        assert!(err.unwrap_err().to_string().contains(s.label()));
    }
    assert!(!Status::Found.is_ended());
    assert!(!Status::Rectifying.is_ended());
}

#[test]
fn overdue_only_while_rectifying_past_the_deadline() {
    assert!(is_overdue(Status::Rectifying, Some(d(4, 30)), today()));
    assert!(!is_overdue(Status::Rectifying, Some(today()), today()));
    assert!(!is_overdue(Status::Rectifying, None, today()));
    assert!(!is_overdue(Status::Found, Some(d(4, 30)), today()));
    assert!(!is_overdue(Status::Banned, Some(d(4, 30)), today()));
}

#[test]
fn refusals_name_their_fields() {
    assert_eq!(ChangeError::DeadlineNotAfterToday.field(), "deadline");
    assert_eq!(ChangeError::InFuture.field(), "on");
    assert_eq!(ChangeError::BeforeFound.field(), "on");
    assert_eq!(ChangeError::NoPlacement.field(), "placement");
    assert_eq!(ChangeError::NoVisit.field(), "status");
}
