//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::courses::{CourseKind, Engagement};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 课程、师资库、班次、考勤、学分银行 (courses)
    community_course "课程" {
        institution_id: "学校" institution, title: "课程名称", kind: "课程类别" of(CourseKind),
        description: "课程简介", hours_per_session: "每次课学时"
    }
    community_teacher "师资库" {
        institution_id: "学校" institution, name: "姓名", phone: "联系电话", speciality: "专长",
        engagement: "类型" of(Engagement)
    }
    community_session "班次" {
        course_id: "课程（编号）", title: "班次名称", teacher_id: "授课教师（编号）", place: "上课地点",
        first_day: "开班日期", last_day: "结班日期", capacity: "招生名额", enrol_open: "开放报名" yes_no,
        weekday: "每周上课（星期）", starts: "上课时间", ends: "下课时间"
    }
    community_meeting "课表" { starts_at: "上课时间", ends_at: "下课时间" }
    community_enrolment "报名" { card_no: "学习卡号" }
    community_attendance "考勤" { card_no: "学习卡号", attended_at: "考勤时间", minutes: "计入分钟" }
    community_credit "学分银行" { credits: "学分", reason: "调整原因" }
    community_certificate "证书" { title: "证书名称" }
    community_credit_rules "学分转换规则" { hours_per_credit: "每学分学时", completion_percent: "结业出勤比例（%）" }
};
