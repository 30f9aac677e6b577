//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    teachers_staff "教职工" {
        name: "姓名", national_id: "身份证件号", institution_name: "单位"
    }
    // 继续教育与名师工作室
    teachers_ce_settings "继续教育设置" {
        cycle_first_year: "本周期起始年份", required_hours: "每周期学时要求"
    }
    teachers_training_project "培训项目" {
        name: "项目名称", organiser: "主办单位", level: "级别" of(crate::domain::Level), year: "年度"
    }
    teachers_training_session "培训场次" {
        title: "场次名称", starts_on: "开始日期", ends_on: "结束日期", hours: "学时", places: "名额"
    }
    teachers_training_attendance "参训记录" {
        staff_id: "教职工编号", attended_on: "参训日期", hours: "学时", session_id: "场次编号", credited: "登记人次"
    }
    teachers_studio "名师工作室" {
        name: "工作室名称", subject: "学科", leader_id: "领衔人编号", founded_on: "成立日期"
    }
    teachers_studio_member "工作室成员" {
        staff_id: "教职工编号", joined_on: "加入日期"
    }
    teachers_studio_activity "工作室活动" {
        held_on: "活动日期", title: "主题", kind: "类型" of(crate::domain::teams::ActivityKind), note: "说明"
    }
};
