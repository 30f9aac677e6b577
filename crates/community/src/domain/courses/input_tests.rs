use proptest::prelude::*;

use super::*;

fn session() -> SessionInput {
    SessionInput {
        course_id: 1,
        title: "太极拳春季班".into(),
        place: "活动室".into(),
        first_day: "2026-03-03".into(),
        last_day: "2026-06-30".into(),
        capacity: "30".into(),
        enrol_open: true,
        weekday: "2".into(),
        starts: "14:00".into(),
        ends: "16:00".into(),
        ..SessionInput::default()
    }
}

fn fields(e: &[FieldError]) -> Vec<&str> {
    e.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_good_session_is_read() {
    let d = session().parse().unwrap();
    assert_eq!(d.capacity, 30);
    assert_eq!(d.rule.unwrap().describe(), "每周二 14:00–16:00");
    assert_eq!(d.first_day, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
    let same_day = SessionInput {
        last_day: "2026-03-03".into(),
        weekday: String::new(),
        starts: String::new(),
        ends: String::new(),
        ..session()
    };
    let d = same_day.parse().unwrap();
    assert_eq!((d.first_day, d.rule), (d.last_day, None));
}

#[test]
fn capacity_zero_and_last_day_before_first_are_refused() {
    let e = SessionInput {
        capacity: "0".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["capacity"]);
    assert!(e[0].message.contains("不能为 0"));
    let e = SessionInput {
        capacity: "1001".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["capacity"]);
    assert!(SessionInput {
        capacity: "1000".into(),
        ..session()
    }
    .parse()
    .is_ok());
    assert!(SessionInput {
        capacity: "1".into(),
        ..session()
    }
    .parse()
    .is_ok());
    let e = SessionInput {
        capacity: "".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["capacity"]);
    let e = SessionInput {
        capacity: "abc".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["capacity"]);
    let e = SessionInput {
        last_day: "2026-03-02".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["last_day"]);
    assert_eq!(e[0].message, "结班日期不能早于开班日期");
    let e = SessionInput {
        first_day: "".into(),
        title: "".into(),
        weekday: "9".into(),
        ..session()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["title", "first_day", "weekday"]);
}

#[test]
fn courses_and_teachers_are_checked() {
    let c = CourseInput {
        title: "智能手机应用".into(),
        kind: "digital".into(),
        hours_per_session: "2".into(),
        ..CourseInput::default()
    };
    let d = c.parse().unwrap();
    assert_eq!((d.kind, d.hours_per_session), (CourseKind::Digital, 2));
    assert_eq!(
        CourseInput {
            hours_per_session: "".into(),
            ..c.clone()
        }
        .parse()
        .unwrap()
        .hours_per_session,
        0
    );
    assert_eq!(
        CourseInput {
            hours_per_session: "8".into(),
            ..c.clone()
        }
        .parse()
        .unwrap()
        .hours_per_session,
        8
    );
    let e = CourseInput {
        hours_per_session: "9".into(),
        kind: "x".into(),
        title: "".into(),
        ..c.clone()
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["title", "kind", "hours_per_session"]);
    let t = TeacherInput {
        name: "王老师".into(),
        phone: "13912345678".into(),
        engagement: "volunteer".into(),
        ..TeacherInput::default()
    };
    assert_eq!(t.parse().unwrap().engagement, Engagement::Volunteer);
    let e = TeacherInput {
        phone: "12".into(),
        engagement: "".into(),
        ..t
    }
    .parse()
    .unwrap_err();
    assert_eq!(fields(&e), ["phone", "engagement"]);
}

proptest! {
    #[test]
    fn session_parsing_never_panics(cap in ".{0,6}", f in ".{0,12}", l in ".{0,12}", w in ".{0,3}") {
        let _ = SessionInput { capacity: cap, first_day: f, last_day: l, weekday: w, ..session() }.parse();
    }
}
