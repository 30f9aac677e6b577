//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    exams_exam "考试" { year: "年度", kind: "考试类别" of(crate::domain::ExamKind), name: "考试名称", _: "成绩分析说明" }
    exams_paper "考试科目" { name: "科目", score: "满分" }
    exams_line "分数线" { track: "科类", name: "分数线", score: "分数" }
    exams_version "成绩版本" { _: "更正原因" }
    exams_score "考生成绩" {}
    exams_school_result "学校汇总成绩" {}
    exams_quality_round "质量监测" { year: "年度", grade: "年级", name: "名称" }
};
