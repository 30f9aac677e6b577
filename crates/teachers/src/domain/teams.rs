//! 名师工作室 (studios led by a renowned teacher): who may lead one, the
//! kinds of activities, and the share of full-time teachers in teams.

use chrono::NaiveDate;

use super::BackboneLevel;

platform::typed_id!(
    /// A 名师工作室.
    StudioId
);

platform::text_enum! {
    /// 工作室活动类型.
    pub enum ActivityKind {
        Research = "research" "教研活动",
        Demonstration = "demonstration" "示范课",
        Lecture = "lecture" "专题讲座",
        Mentoring = "mentoring" "带教指导",
        Project = "project" "课题研究",
    }
}

/// A studio's leader must be a 特级教师 or a 学科带头人 whose term (if
/// recorded) has not ended on `today`. The refusal names what the person
/// is instead.
pub fn check_leader(
    name: &str,
    level: Option<BackboneLevel>,
    term_ends: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), String> {
    match level {
        Some(BackboneLevel::Special | BackboneLevel::SubjectLeader) => match term_ends {
            Some(end) if end < today => Err(format!(
                "{name}的{}称号已于 {end} 到期，不能领衔工作室；请先在教师档案中更新骨干称号任期",
                level.map_or("", BackboneLevel::label)
            )),
            _ => Ok(()),
        },
        Some(other) => Err(format!(
            "工作室领衔人须为特级教师或学科带头人，{name}为{}，不能领衔",
            other.label()
        )),
        None => Err(format!(
            "工作室领衔人须为特级教师或学科带头人，{name}没有骨干教师称号，不能领衔"
        )),
    }
}

/// Share of full-time teachers in teams, in tenths of a percent (150 = 15.0%).
pub fn share_permille(in_teams: i64, full_time: i64) -> i64 {
    if full_time <= 0 {
        0
    } else {
        (in_teams.clamp(0, full_time) * 1000 + full_time / 2) / full_time
    }
}

/// "15.0%".
pub fn permille_label(permille: i64) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn only_special_teachers_and_subject_leaders_lead() {
        let today = d(2026, 12, 7);
        assert_eq!(
            check_leader("王芳", Some(BackboneLevel::Special), None, today),
            Ok(())
        );
        assert_eq!(
            check_leader(
                "王芳",
                Some(BackboneLevel::SubjectLeader),
                Some(today),
                today
            ),
            Ok(())
        );
        let e = check_leader("王芳", Some(BackboneLevel::Backbone), None, today).unwrap_err();
        assert!(
            e.contains("特级教师或学科带头人") && e.contains("骨干教师"),
            "{e}"
        );
        let e = check_leader("王芳", Some(BackboneLevel::Rising), None, today).unwrap_err();
        assert!(e.contains("教坛新秀"), "{e}");
        let e = check_leader("王芳", None, None, today).unwrap_err();
        assert!(e.contains("没有骨干教师称号"), "{e}");
        let e = check_leader(
            "王芳",
            Some(BackboneLevel::SubjectLeader),
            Some(d(2026, 12, 6)),
            today,
        )
        .unwrap_err();
        assert!(e.contains("学科带头人称号已于 2026-12-06 到期"), "{e}");
    }

    #[test]
    fn the_share_is_rounded_to_a_tenth_of_a_percent() {
        assert_eq!(share_permille(150, 1000), 150);
        assert_eq!(share_permille(1, 3), 333);
        assert_eq!(share_permille(2, 3), 667);
        assert_eq!(share_permille(5, 0), 0);
        assert_eq!(share_permille(-5, 10), 0);
        assert_eq!(share_permille(20, 10), 1000);
        assert_eq!(permille_label(150), "15.0%");
        assert_eq!(permille_label(1000), "100.0%");
        assert_eq!(permille_label(7), "0.7%");
        assert!(ActivityKind::parse("示范课") == Some(ActivityKind::Demonstration));
    }

    proptest! {
        #[test]
        fn the_share_stays_within_bounds(a in 0i64..100_000, b in 1i64..100_000) {
            let p = share_permille(a, b);
            prop_assert!((0..=1000).contains(&p));
            if a <= b {
                prop_assert!((p * b - a * 1000).abs() * 2 <= b);
            }
        }
    }
}
