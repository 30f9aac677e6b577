use chrono::NaiveDate;

use super::order::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, d).expect("date")
}

#[test]
fn an_order_goes_from_issued_to_responded_to_closed() {
    use OrderStatus::*;
    let today = day(10);
    let s = Issued
        .after(OrderEvent::Respond { evidence: 2 }, today)
        .unwrap();
    assert_eq!(s, Responded);
    assert_eq!(
        s.after(OrderEvent::Close { evidence: 1 }, today),
        Ok(Closed)
    );
}

#[test]
fn a_failed_recheck_reopens_with_a_new_deadline_not_in_the_past() {
    use OrderStatus::*;
    let today = day(10);
    assert_eq!(
        Responded.after(OrderEvent::Reopen { deadline: day(10) }, today),
        Ok(Reopened)
    );
    assert_eq!(
        Responded.after(OrderEvent::Reopen { deadline: day(9) }, today),
        Err(OrderError::DeadlineInPast {
            deadline: day(9),
            today
        })
    );
    assert_eq!(
        Reopened.after(OrderEvent::Respond { evidence: 1 }, today),
        Ok(Responded)
    );
}

#[test]
fn steps_out_of_order_are_refused_with_their_reason() {
    use OrderStatus::*;
    let today = day(10);
    let respond = OrderEvent::Respond { evidence: 1 };
    let close = OrderEvent::Close { evidence: 1 };
    let reopen = OrderEvent::Reopen { deadline: day(20) };
    for s in [Issued, Reopened] {
        assert_eq!(
            s.after(close, today),
            Err(OrderError::RecheckBeforeResponse)
        );
        assert_eq!(
            s.after(reopen, today),
            Err(OrderError::RecheckBeforeResponse)
        );
        assert_eq!(
            s.after(OrderEvent::Respond { evidence: 0 }, today),
            Err(OrderError::ResponseWithoutEvidence)
        );
    }
    assert_eq!(
        Responded.after(respond, today),
        Err(OrderError::AlreadyResponded)
    );
    assert_eq!(
        Responded.after(OrderEvent::Close { evidence: 0 }, today),
        Err(OrderError::CloseWithoutEvidence)
    );
    for e in [respond, close, reopen] {
        assert_eq!(Closed.after(e, today), Err(OrderError::AlreadyClosed));
    }
    assert_eq!(
        OrderError::RecheckBeforeResponse.to_string(),
        "学校尚未报送整改情况，不能复查"
    );
}

#[test]
fn a_deadline_may_be_today_but_not_before() {
    assert_eq!(check_deadline(day(10), day(10)), Ok(()));
    assert_eq!(check_deadline(day(11), day(10)), Ok(()));
    let e = check_deadline(day(9), day(10)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "整改期限 2026-04-09 已过（今天是 2026-04-10），请定一个今天或以后的日期"
    );
}

#[test]
fn only_orders_waiting_on_the_institution_fall_overdue_after_the_deadline() {
    use OrderStatus::*;
    assert!(Issued.is_overdue(day(9), day(10)));
    assert!(Reopened.is_overdue(day(9), day(10)));
    assert!(!Issued.is_overdue(day(10), day(10)));
    assert!(!Responded.is_overdue(day(1), day(10)));
    assert!(!Closed.is_overdue(day(1), day(10)));
    assert!(Issued.awaits_institution() && Reopened.awaits_institution());
    assert!(!Responded.awaits_institution() && !Closed.awaits_institution());
    platform::text_enum::assert_keys_and_labels_parse_back::<OrderStatus>();
}

#[test]
fn numbers_name_the_owner_year_and_sequence() {
    use super::Owner;
    assert_eq!(order_number(Owner::Supervision, 2026, 3), "督改〔2026〕3号");
    assert_eq!(order_number(Owner::Private, 2025, 1), "民改〔2025〕1号");
    assert_eq!(order_number(Owner::Safety, 2026, 12), "安改〔2026〕12号");
}

#[test]
fn the_on_time_rate_counts_closed_orders_only() {
    assert_eq!(
        Closings {
            on_time: 0,
            late: 0
        }
        .on_time_rate(),
        None
    );
    assert_eq!(
        Closings {
            on_time: 3,
            late: 1
        }
        .on_time_rate(),
        Some(75.0)
    );
    assert_eq!(
        Closings {
            on_time: 0,
            late: 2
        }
        .on_time_rate(),
        Some(0.0)
    );
    assert_eq!(
        Closings {
            on_time: 1,
            late: 0
        }
        .on_time_rate(),
        Some(100.0)
    );
}

#[test]
fn each_event_is_stored_as_its_own_step() {
    assert_eq!(
        OrderEvent::Respond { evidence: 1 }.kind(),
        StepKind::Respond
    );
    assert_eq!(OrderEvent::Close { evidence: 1 }.kind(), StepKind::Close);
    assert_eq!(
        OrderEvent::Reopen { deadline: day(1) }.kind(),
        StepKind::Reopen
    );
}
