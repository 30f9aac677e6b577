//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::{EntityLabels, FieldLabel};

pub const AUDIT_LABELS: &[EntityLabels] = &[
    EntityLabels {
        entity: "admission_round",
        label: "招生",
        fields: &[],
    },
    EntityLabels {
        entity: "allocation_run",
        label: "录取分配",
        fields: &[
            FieldLabel::text("applications", "报名人数"),
            FieldLabel::text("early", "提前招生录取"),
            FieldLabel::text("by_choice", "志愿录取"),
            FieldLabel::text("placed", "统筹安排"),
            FieldLabel::text("unassigned", "未安排"),
            FieldLabel::text("input_hash", "输入数据摘要"),
            FieldLabel::text("engine_version", "分配程序版本"),
            FieldLabel::hidden("run_id"),
        ],
    },
    EntityLabels {
        entity: "application",
        label: "入学报名",
        fields: &[],
    },
    EntityLabels {
        entity: "appeal",
        label: "招生申诉",
        fields: &[],
    },
];
