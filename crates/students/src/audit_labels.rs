//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::{EntityLabels, FieldKind, FieldLabel};

use crate::domain::dropout::CaseStatus;
use crate::domain::identity::{DocumentType, Sex};
use crate::domain::Grade;
use crate::service::left_behind::kind_label;

fn document_type(s: &str) -> Option<&'static str> {
    DocumentType::parse(s).map(DocumentType::label)
}

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

fn case_status(s: &str) -> Option<&'static str> {
    CaseStatus::parse(s).map(CaseStatus::label)
}

const fn yes_no(field: &'static str, label: &'static str) -> FieldLabel {
    FieldLabel::new(field, label, FieldKind::Bool)
}

pub const AUDIT_LABELS: &[EntityLabels] = &[
    EntityLabels {
        entity: "student",
        label: "学生学籍",
        fields: &[
            FieldLabel::text("name", "姓名"),
            FieldLabel::new("id_type", "身份证件类型", FieldKind::Code(document_type)),
            FieldLabel::text("id_number", "身份证件号"),
            FieldLabel::new("sex", "性别", FieldKind::Code(sex)),
            FieldLabel::text("birth_date", "出生日期"),
            FieldLabel::new("ethnicity", "民族", FieldKind::Code(ethnicity)),
            FieldLabel::new("hukou_type", "户口性质", FieldKind::Code(hukou_type)),
            FieldLabel::new("hukou_division", "户口所在地", FieldKind::Code(division)),
            FieldLabel::text("health", "健康状况"),
            FieldLabel::new("left_behind", "留守儿童", FieldKind::Code(left_behind)),
            yes_no("migrant_child", "随迁子女"),
            yes_no("orphan", "孤儿"),
            FieldLabel::text("disability", "残疾类型"),
            yes_no("inclusive_class", "随班就读"),
            yes_no("boarding", "寄宿生"),
            yes_no("dibao", "低保"),
            yes_no("registered_poor", "建档立卡"),
            FieldLabel::text("address", "家庭住址"),
            FieldLabel::text("phone", "联系电话"),
            FieldLabel::text("guardian_name", "监护人"),
            FieldLabel::text("guardian_relation", "监护人关系"),
            FieldLabel::text("guardian_phone", "监护人电话"),
            FieldLabel::text("extra_json", "其他信息"),
            // The filter of an exported student list.
            FieldLabel::text("q", "姓名或证件号"),
            FieldLabel::new("institution_id", "学校", FieldKind::Institution),
            FieldLabel::new("township_id", "乡镇（街道）", FieldKind::Township),
            FieldLabel::new("grade", "年级", FieldKind::Code(grade)),
            FieldLabel::text("class_name", "班级"),
            FieldLabel::new("category", "学生类别", FieldKind::Code(category)),
            FieldLabel::hidden("page"),
        ],
    },
    EntityLabels {
        entity: "enrolment",
        label: "学籍变动",
        fields: &[
            FieldLabel::text("promoted", "升级人数"),
            FieldLabel::text("graduated", "毕业人数"),
        ],
    },
    EntityLabels {
        entity: "transfer",
        label: "转学",
        fields: &[],
    },
    EntityLabels {
        entity: "dropout_case",
        label: "控辍保学案件",
        fields: &[
            FieldLabel::text("cause", "辍学原因"),
            FieldLabel::text("responsible", "劝返责任人"),
            FieldLabel::new("status", "案件状态", FieldKind::Code(case_status)),
            FieldLabel::text("closed_on", "结案日期"),
            FieldLabel::text("outcome", "情况说明"),
            FieldLabel::text("date", "家访日期"),
            FieldLabel::text("visitor", "家访人"),
            FieldLabel::text("school_year", "学年"),
            FieldLabel::text("opened", "新立案件数"),
        ],
    },
    EntityLabels {
        entity: "child",
        label: "户籍适龄儿童",
        fields: &[FieldLabel::text("created", "导入人数")],
    },
    EntityLabels {
        entity: "left_behind_archive",
        label: "留守儿童档案",
        fields: &[
            FieldLabel::text("guardian", "实际监护人"),
            FieldLabel::text("guardian_relation", "与学生关系"),
            FieldLabel::text("guardian_phone", "监护人电话"),
            FieldLabel::text("parents_whereabouts", "父母外出务工去向"),
            FieldLabel::text("family_situation", "家庭情况"),
            FieldLabel::text("psychological_notes", "心理状况"),
            FieldLabel::text("cared_on", "关爱日期"),
            FieldLabel::text("carer", "关爱人"),
            FieldLabel::text("content", "关爱内容"),
            FieldLabel::hidden("care_record"),
        ],
    },
];
