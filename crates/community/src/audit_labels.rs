//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::activities::{EventKind, ResourceKind, TrainingKind};
use crate::domain::courses::{CourseKind, Engagement};
use crate::domain::network::{PointStatus, StandardStatus};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 社区教育网络 (network)
    community_teaching_point "教学点" {
        institution_id: "所属社区学校" institution, name: "教学点名称", township_id: "乡镇（街道）" township,
        community: "社区（村）", address: "地址", status: "状态" of(PointStatus)
    }
    community_standardisation "标准化社区学校评定" {
        institution_id: "社区学校" institution, status: "标准化状态" of(StandardStatus), year: "年度",
        note: "依据说明"
    }
    // 学习资源、活动与培训 (activities)
    community_resource "远程学习资源" {
        title: "资源名称", kind: "资源类型" of(ResourceKind), subject: "学科门类", provider: "提供单位",
        url: "资源地址"
    }
    community_event "活动与荣誉" {
        title: "活动名称", kind: "活动类型" of(EventKind), year: "年度", township_id: "乡镇（街道）" township,
        description: "活动简介", participants: "参与人数"
    }
    community_training "培训" {
        institution_id: "举办机构" institution, kind: "培训类型" of(TrainingKind), title: "培训名称",
        held_on: "培训日期", attendances: "培训人次", hours: "学时", certificates: "发证数",
        families: "覆盖家庭数", children: "0–3岁儿童数"
    }
    // 学习卡 (cards)
    community_card "学习卡" {
        name: "姓名", id_number: "身份证号", phone: "手机号", township_id: "街道（镇）" township,
        community: "社区（村）"
    }
    community_enrolment "报名" {
        session_id: "班次（编号）", card_id: "学习卡（编号）", card_no: "学习卡号"
    }
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
    community_attendance "考勤" { card_no: "学习卡号", attended_at: "考勤时间", minutes: "计入分钟" }
    community_credit "学分银行" { credits: "学分", reason: "调整原因" }
    community_certificate "证书" { title: "证书名称" }
    community_credit_rules "学分转换规则" { hours_per_credit: "每学分学时", completion_percent: "结业出勤比例（%）" }
};
