//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::{OrderStatus, Owner, Purpose, Source};

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
    inspection_order "整改通知书" {
        owner: "业务" of(Owner), institution_id: "整改单位" institution,
        institution_name: "整改单位名称", source: "问题来源" of(Source), number: "文号",
        finding: "发现的问题", requirement: "整改要求", responsible_person: "整改责任人",
        deadline: "整改期限", status: "状态" of(OrderStatus), issued_on: "下发日期",
        closed_on: "销号日期";
        hidden id, campaign_id, source_id, version
    }
    // campaigns
    inspection_campaign "评估检查" {
        owner: "业务" of(Owner), framework_id: "评估标准", title: "名称", starts_on: "开始日期",
        ends_on: "结束日期", lead_inspector: "评估组长", note: "说明", targets: "参评单位",
        scored: "已计分单位数", failed: "无法计分单位数"
    }
    inspection_self_evaluation "自评" {}
    inspection_target "参评单位评分" {
        answers: "评分", findings: "发现的问题"
    }
};
