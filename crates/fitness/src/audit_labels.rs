//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // reports
    fitness_card "体质健康成绩单" {}
    fitness_class "体质健康班级名单" {}
    fitness_test "体测成绩" {
        exempt: "免测" yes_no, raw: "测试成绩", total: "学年总分（0.1分）",
        grade: "年级", class: "班级"
    }
};
