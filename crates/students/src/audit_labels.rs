//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

use crate::domain::dropout::CaseStatus;
use crate::domain::identity::{DocumentType, Sex};
use crate::domain::Grade;
use crate::service::left_behind::kind_label;

fn sex(code: &str) -> Option<&'static str> {
    [Sex::Male, Sex::Female]
        .into_iter()
        .find(|s| s.code() == code)
        .map(Sex::label)
}

fn ethnicity(code: &str) -> Option<&'static str> {
    platform::codes::ethnic_groups().name(code)
}

fn division(code: &str) -> Option<&'static str> {
    platform::codes::division(code).map(|d| d.name.as_str())
}

fn hukou_type(s: &str) -> Option<&'static str> {
    match s {
        "agricultural" => Some("农业户口"),
        "non_agricultural" => Some("非农业户口"),
        _ => None,
    }
}

fn left_behind(s: &str) -> Option<&'static str> {
    s.parse().ok().map(kind_label)
}

fn grade(s: &str) -> Option<&'static str> {
    s.parse().ok().map(|g| Grade(g).label())
}

/// The categories of the student list's filter.
fn category(s: &str) -> Option<&'static str> {
    Some(match s {
        "left_behind" => "留守儿童",
        "migrant_child" => "随迁子女",
        "boarding" => "寄宿生",
        "dibao" => "低保",
        "registered_poor" => "建档立卡",
        "disability" => "残疾",
        "orphan" => "孤儿",
        _ => return None,
    })
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    student "学生学籍" {
        name: "姓名", id_type: "身份证件类型" of(DocumentType), id_number: "身份证件号",
        sex: "性别" code(sex), birth_date: "出生日期", ethnicity: "民族" code(ethnicity),
        hukou_type: "户口性质" code(hukou_type), hukou_division: "户口所在地" code(division),
        health: "健康状况", left_behind: "留守儿童" code(left_behind),
        migrant_child: "随迁子女" yes_no, orphan: "孤儿" yes_no, disability: "残疾类型",
        inclusive_class: "随班就读" yes_no, boarding: "寄宿生" yes_no, dibao: "低保" yes_no,
        registered_poor: "建档立卡" yes_no, address: "家庭住址", phone: "联系电话",
        guardian_name: "监护人", guardian_relation: "监护人关系", guardian_phone: "监护人电话",
        extra_json: "其他信息",
        // The filter of an exported student list.
        q: "姓名或证件号", institution_id: "学校" institution,
        township_id: "乡镇（街道）" township, grade: "年级" code(grade),
        class_name: "班级", category: "学生类别" code(category);
        hidden page
    }
    enrolment "学籍变动" { promoted: "升级人数", graduated: "毕业人数" }
    promotion_run "年终升级" {
        school_year: "学年", scope_label: "范围", promoted: "晋级人数", graduated: "毕业人数",
        run_on: "升级日期", run_by: "办理人";
        hidden id, scope, run_at, undone_by, undone_at
    }
    promotion_window "年终升级时段" { opens: "开始日期", closes: "截止日期" }
    transfer "转学" {}
    dropout_case "控辍保学案件" {
        cause: "辍学原因", responsible: "劝返责任人", status: "案件状态" of(CaseStatus),
        closed_on: "结案日期", outcome: "情况说明", date: "家访日期", visitor: "家访人",
        school_year: "学年", opened: "新立案件数"
    }
    child "户籍适龄儿童" { created: "导入人数" }
    left_behind_archive "留守儿童档案" {
        guardian: "实际监护人", guardian_relation: "与学生关系", guardian_phone: "监护人电话",
        parents_whereabouts: "父母外出务工去向", family_situation: "家庭情况",
        psychological_notes: "心理状况", cared_on: "关爱日期", carer: "关爱人",
        content: "关爱内容";
        hidden care_record
    }
};
