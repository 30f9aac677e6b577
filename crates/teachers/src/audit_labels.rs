//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;
use platform::vocab::Stage;

/// 骨干层级 of the staff list's filter: a level, or any.
fn backbone(code: &str) -> Option<&'static str> {
    match code {
        "any" => Some("任一骨干层级"),
        c => BackboneLevel::parse(c).map(BackboneLevel::label),
    }
}

/// 在职状态 of the staff list's filter: a status, or all.
fn status(code: &str) -> Option<&'static str> {
    match code {
        "all" => Some("全部状态"),
        c => StaffStatus::parse(c).map(StaffStatus::label),
    }
}

fn full_time(code: &str) -> Option<&'static str> {
    match code {
        "yes" => Some("专任教师"),
        "no" => Some("非专任"),
        _ => None,
    }
}

use crate::domain::staff::review::ChangeStatus;
use crate::domain::staff::{CertificateType, Degree};
use crate::domain::{
    BackboneLevel, Establishment, HonourKind, Level, PostCategory, PostingKind, StaffStatus,
    TitleLevel, TitleSeries,
};

fn sex(s: &str) -> Option<&'static str> {
    match s {
        "male" => Some("男"),
        "female" => Some("女"),
        _ => None,
    }
}

fn ethnicity(code: &str) -> Option<&'static str> {
    platform::codes::ethnic_groups().name(code)
}

fn politics(code: &str) -> Option<&'static str> {
    platform::codes::political_statuses().name(code)
}

fn education(code: &str) -> Option<&'static str> {
    platform::codes::educations().name(code)
}

fn stage(key: &str) -> Option<&'static str> {
    platform::vocab::Stage::parse(key).map(platform::vocab::Stage::label)
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    teachers_staff "教职工" {
        institution_id: "单位" institution, institution_name: "单位名称",
        name: "姓名", national_id: "身份证件号", sex: "性别" code(sex), birth_date: "出生日期",
        ethnicity: "民族" code(ethnicity), politics: "政治面貌" code(politics),
        education: "学历" code(education), degree: "学位" of(Degree),
        work_start: "参加工作年月", teaching_start: "从教年月",
        post_category: "岗位类别" of(PostCategory), post_grade: "岗位等级",
        establishment: "编制情况" of(Establishment), full_time: "是否专任教师" yes_no,
        subjects: "任教学科", stage: "任教学段" code(stage),
        title_series: "职称系列" of(TitleSeries), title_level: "职称等级" of(TitleLevel),
        title_obtained_on: "职称取得日期", title_appointed_on: "职称聘任日期",
        certificate_type: "教师资格证种类" of(CertificateType),
        certificate_subject: "资格证任教学科", certificate_number: "教师资格证号码",
        backbone_level: "骨干教师层级" of(BackboneLevel),
        backbone_from: "骨干认定起始日期", backbone_to: "骨干认定截止日期",
        status: "在职状态" of(StaffStatus), user_id: "本人账号";
        hidden id, version, updated_at
    }
    teachers_staff_change "教职工信息变更" {
        _: "审核状态" of(ChangeStatus)
    }
    teachers_posting "岗位变动" {
        kind: "变动类别" of(PostingKind), institution_id: "单位" institution,
        destination: "区外去向", starts_on: "起始日期", ends_on: "结束日期", note: "备注"
    }
    teachers_honour "荣誉与师德记录" {
        kind: "类别" of(HonourKind), title: "名称", level: "级别" of(Level), year: "年度",
        veto: "师德一票否决" yes_no, note: "备注"
    }
    teachers_assessment "年度考核" {}
    teachers_title_round "职称评审轮次" {
        name: "名称", year: "年度", status: "状态" of(crate::domain::titles::RoundStatus),
        years_to_second: "任三级年限", years_to_first: "任二级年限",
        years_to_senior: "任一级年限", years_to_professor: "任高级年限",
        assessment_years: "须合格的考核年数", created_at: "创建时间" time, closed_at: "结束时间" time
    }
    teachers_title_application "职称申报" {
        staff_name: "姓名", institution_name: "单位", status: "评审结果" of(crate::domain::titles::ApplicationStatus),
        comment: "评审意见", level: "申报等级" of(crate::domain::TitleLevel),
        series: "申报系列" of(crate::domain::TitleSeries)
    }
    // 公开招聘
    teachers_recruitment_plan "招聘计划" {
        year: "招聘年度", name: "计划名称", written_weight: "笔试权重（%）",
        interview_weight: "面试权重（%）", posts: "岗位数", places: "招聘人数",
        applicants: "报名人数", hired: "已聘用人数";
        hidden id
    }
    teachers_recruitment_post "招聘岗位" {
        institution_name: "招聘单位", stage: "学段", subject: "学科", places: "招聘人数",
        requirements: "岗位要求", applicants: "报名人数", hired: "已聘用人数";
        hidden id, plan_id, institution_id
    }
    teachers_recruitment_applicant "报考人员" {
        name: "姓名", national_id: "身份证件号", education: "学历",
        certificate_type: "教师资格证种类", certificate_subject: "教师资格证任教学科",
        written_score: "笔试成绩（百分之一分）", interview_score: "面试成绩（百分之一分）",
        staff_id: "教职工编号", hired_on: "聘用日期";
        hidden id, plan_id, post_id, institution_id
    }
    teachers_staff_list "教职工名单" {
        // The filter of a viewed or exported staff list.
        q: "姓名或证件号", institution_id: "任职单位" institution,
        township_id: "乡镇（街道）" township, stage: "任教学段" of(Stage),
        subject: "任教学科", title_level: "职称等级" of(TitleLevel),
        establishment: "编制" of(Establishment), backbone_level: "骨干层级" code(backbone),
        status: "在职状态" code(status), full_time: "专任" code(full_time);
        hidden page, sort
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
