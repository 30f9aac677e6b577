//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::{Owner, Purpose};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 评估标准: a version as created or imported, its settings, and each
    // indicator as the builder's row gives it.
    inspection_framework "评估标准" {
        owner: "所属领域" of(Owner), purpose: "评估用途" of(Purpose), name: "评估标准名称",
        year: "年度", total: "总分", bands: "评定等次",
        code: "指标编号", parent: "上级指标编号", title: "指标名称", points: "分值",
        method: "计分方法", options: "等级或检查项", min: "最低分", cap: "否决封顶分",
        evidence: "佐证材料";
        hidden framework
    }
};
