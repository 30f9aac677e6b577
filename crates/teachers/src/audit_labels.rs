//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

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
};
