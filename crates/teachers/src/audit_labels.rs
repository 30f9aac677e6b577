//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    teachers_staff "教职工" {
        name: "姓名", national_id: "身份证件号", institution_name: "单位"
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
};
