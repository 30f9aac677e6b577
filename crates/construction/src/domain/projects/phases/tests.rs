use proptest::prelude::*;

use super::*;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

const TODAY: (u32, u32) = (12, 7);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1)
}

fn started(s: NaiveDate) -> PhaseDates {
    PhaseDates {
        actual_start: Some(s),
        ..PhaseDates::default()
    }
}

fn done(s: NaiveDate, e: NaiveDate) -> PhaseDates {
    PhaseDates {
        actual_start: Some(s),
        actual_end: Some(e),
        ..PhaseDates::default()
    }
}

/// The messages of refusing `new` for `phase`, joined; "" when accepted.
fn refused(current: &[(Phase, PhaseDates)], phase: Phase, new: PhaseDates) -> String {
    match check_phase(current, phase, &new, today()) {
        Ok(()) => String::new(),
        Err(es) => es
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

#[test]
fn planned_dates_end_on_or_after_they_start() {
    let p = |s, e| PhaseDates {
        planned_start: Some(s),
        planned_end: Some(e),
        ..PhaseDates::default()
    };
    assert_eq!(refused(&[], Phase::Approval, p(d(3, 1), d(3, 1))), "");
    let e = refused(&[], Phase::Approval, p(d(3, 2), d(3, 1)));
    assert_eq!(
        e,
        "planned_end: “立项”的计划完成日期（2026-03-01）早于计划开始日期（2026-03-02），未保存"
    );
    let only_end = PhaseDates {
        planned_end: Some(d(3, 1)),
        ..PhaseDates::default()
    };
    assert_eq!(refused(&[], Phase::Approval, only_end), "");
}

#[test]
fn an_actual_end_needs_a_start_on_or_before_it() {
    assert_eq!(refused(&[], Phase::Approval, done(d(3, 1), d(3, 1))), "");
    assert_eq!(
        refused(&[], Phase::Approval, done(d(3, 2), d(3, 1))),
        "actual_end: “立项”的实际完成日期（2026-03-01）早于实际开始日期（2026-03-02），未保存"
    );
    let end_only = PhaseDates {
        actual_end: Some(d(3, 1)),
        ..PhaseDates::default()
    };
    assert_eq!(
        refused(&[], Phase::Approval, end_only),
        "actual_end: “立项”尚未填写实际开始日期，不能填写实际完成日期"
    );
}

#[test]
fn actual_dates_are_not_in_the_future() {
    assert_eq!(refused(&[], Phase::Approval, done(today(), today())), "");
    let tomorrow = d(12, 8);
    assert_eq!(
        refused(&[], Phase::Approval, started(tomorrow)),
        "actual_start: “立项”的实际开始日期（2026-12-08）晚于今天：实际日期须在发生后填写"
    );
    assert_eq!(
        refused(&[], Phase::Approval, done(today(), tomorrow)),
        "actual_end: “立项”的实际完成日期（2026-12-08）晚于今天：实际日期须在发生后填写"
    );
}

#[test]
fn a_phase_starts_after_the_one_before_has_started() {
    let none: &[(Phase, PhaseDates)] = &[];
    assert_eq!(
        refused(none, Phase::DesignTender, started(d(4, 1))),
        "actual_start: 上一阶段“立项”尚未开始，不能先开始“设计招标”：各阶段须按顺序推进"
    );
    let approval = [(Phase::Approval, started(d(4, 1)))];
    assert_eq!(
        refused(&approval, Phase::DesignTender, started(d(4, 1))),
        ""
    );
    assert_eq!(
        refused(&approval, Phase::DesignTender, started(d(4, 2))),
        ""
    );
    assert_eq!(
        refused(&approval, Phase::DesignTender, started(d(3, 31))),
        "actual_start: “设计招标”的实际开始日期（2026-03-31）早于上一阶段“立项”的实际开始日期（2026-04-01）"
    );
    // Planned dates alone are not held to the order.
    let planned = PhaseDates {
        planned_start: Some(d(1, 1)),
        planned_end: Some(d(2, 1)),
        ..PhaseDates::default()
    };
    assert_eq!(refused(none, Phase::Handover, planned), "");
}

#[test]
fn a_phase_ends_after_the_one_before_has_ended() {
    let running = [(Phase::Approval, started(d(4, 1)))];
    assert_eq!(
        refused(&running, Phase::DesignTender, done(d(4, 2), d(4, 3))),
        "actual_end: 上一阶段“立项”尚未完成，不能先完成“设计招标”：各阶段须按顺序推进"
    );
    let ended = [(Phase::Approval, done(d(4, 1), d(4, 10)))];
    assert_eq!(
        refused(&ended, Phase::DesignTender, done(d(4, 2), d(4, 10))),
        ""
    );
    assert_eq!(
        refused(&ended, Phase::DesignTender, done(d(4, 2), d(4, 9))),
        "actual_end: “设计招标”的实际完成日期（2026-04-09）早于上一阶段“立项”的实际完成日期（2026-04-10）"
    );
}

#[test]
fn a_date_is_not_cleared_or_moved_past_the_phase_after() {
    let next = [(Phase::DesignTender, done(d(5, 1), d(5, 20)))];
    assert_eq!(
        refused(&next, Phase::Approval, PhaseDates::default()),
        "actual_start: 下一阶段“设计招标”已开始，不能清除“立项”的实际开始日期 | \
         actual_end: 下一阶段“设计招标”已完成，不能清除“立项”的实际完成日期"
    );
    assert_eq!(refused(&next, Phase::Approval, done(d(5, 1), d(5, 20))), "");
    assert_eq!(
        refused(&next, Phase::Approval, done(d(5, 2), d(5, 21))),
        "actual_start: 下一阶段“设计招标”已于 2026-05-01 开始，“立项”的实际开始日期不能晚于该日 | \
         actual_end: 下一阶段“设计招标”已于 2026-05-20 完成，“立项”的实际完成日期不能晚于该日"
    );
    // The last phase has no phase after it, the first none before it.
    let all: Vec<(Phase, PhaseDates)> = Phase::ALL
        .iter()
        .map(|p| (*p, done(d(1, 1), d(1, 2))))
        .collect();
    assert_eq!(refused(&all, Phase::Handover, done(d(1, 1), d(1, 2))), "");
    assert_eq!(refused(&all, Phase::Approval, done(d(1, 1), d(1, 2))), "");
    assert_eq!(
        refused(&all, Phase::Construction, started(d(1, 1))),
        "actual_end: 下一阶段“竣工验收”已完成，不能清除“施工”的实际完成日期"
    );
}

#[test]
fn late_phases_have_a_passed_planned_end_and_no_actual_end() {
    let planned = |e| PhaseDates {
        planned_end: Some(e),
        ..PhaseDates::default()
    };
    assert!(!is_late(&planned(today()), today()));
    assert!(is_late(&planned(d(12, 6)), today()));
    assert!(!is_late(&PhaseDates::default(), today()));
    let ended = PhaseDates {
        actual_end: Some(d(12, 6)),
        ..planned(d(12, 1))
    };
    assert!(!is_late(&ended, today()));
}

#[test]
fn only_the_handover_of_a_new_school_without_an_institution_delivers_one() {
    let open = PhaseDates::default();
    let ended = done(d(9, 1), d(9, 1));
    assert!(delivers_school(
        ProjectKind::NewBuild,
        false,
        Phase::Handover,
        &open,
        &ended
    ));
    assert!(!delivers_school(
        ProjectKind::NewBuild,
        true,
        Phase::Handover,
        &open,
        &ended
    ));
    assert!(!delivers_school(
        ProjectKind::Extension,
        false,
        Phase::Handover,
        &open,
        &ended
    ));
    assert!(!delivers_school(
        ProjectKind::NewBuild,
        false,
        Phase::Acceptance,
        &open,
        &ended
    ));
    assert!(!delivers_school(
        ProjectKind::NewBuild,
        false,
        Phase::Handover,
        &ended,
        &ended
    ));
    assert!(!delivers_school(
        ProjectKind::NewBuild,
        false,
        Phase::Handover,
        &open,
        &open
    ));
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((1u32..=12, 1u32..=28).prop_map(|(m, day)| d(m, day)))
}

fn dates() -> impl Strategy<Value = PhaseDates> {
    (date(), date(), date(), date()).prop_map(|(a, b, c, e)| PhaseDates {
        planned_start: a,
        planned_end: b,
        actual_start: c,
        actual_end: e,
    })
}

proptest! {
    /// Whatever is accepted keeps every order the rules promise.
    #[test]
    fn accepted_dates_keep_the_order(
        current in proptest::collection::vec(dates(), 7),
        i in 0usize..7,
        new in dates(),
    ) {
        let current: Vec<(Phase, PhaseDates)> =
            Phase::ALL.iter().copied().zip(current).collect();
        let phase = Phase::ALL[i];
        if check_phase(&current, phase, &new, today()).is_ok() {
            if let (Some(s), Some(e)) = (new.planned_start, new.planned_end) {
                prop_assert!(s <= e);
            }
            if let Some(e) = new.actual_end {
                prop_assert!(new.actual_start.is_some_and(|s| s <= e) && e <= today());
            }
            if i > 0 {
                let prev = current[i - 1].1;
                if let Some(s) = new.actual_start {
                    prop_assert!(prev.actual_start.is_some_and(|p| p <= s));
                }
                if let Some(e) = new.actual_end {
                    prop_assert!(prev.actual_end.is_some_and(|p| p <= e));
                }
            }
            if i < 6 {
                let next = current[i + 1].1;
                if let Some(s) = next.actual_start {
                    prop_assert!(new.actual_start.is_some_and(|n| n <= s));
                }
            }
        }
    }
}
