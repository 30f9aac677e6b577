//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // campaigns
    inspection_campaign "评估检查" {
        owner: "业务" of(crate::domain::Owner), framework_id: "评估标准", title: "名称", starts_on: "开始日期",
        ends_on: "结束日期", lead_inspector: "评估组长", note: "说明", targets: "参评单位",
        scored: "已计分单位数", failed: "无法计分单位数"
    }
    inspection_self_evaluation "自评" {}
    inspection_target "参评单位评分" {
        answers: "评分", findings: "发现的问题"
    }
};
