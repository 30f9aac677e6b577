//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use serde_json::Value;

use crate::domain::inspectors::Focus;

/// A visit's order as sent: "整改要求：…；责任人：…；期限：2026-12-31".
fn order(v: &Value) -> Option<String> {
    let field = |k: &str| v[k].as_str().unwrap_or_default().trim().to_string();
    Some(format!(
        "整改要求：{}；责任人：{}；期限：{}",
        field("requirement"),
        field("responsible_person"),
        field("deadline")
    ))
    .filter(|_| v.is_object())
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    supervision_assignment "责任督学" {
        account_id: "督学账号（编号）", inspector_name: "责任督学姓名", phone: "联系电话",
        starts_on: "起始日期"
    }
    supervision_visit "督导记录" {
        institution_id: "学校（编号）", visited_on: "督导日期", focus: "督导重点" of(Focus),
        findings: "发现的问题", suggestions: "意见建议", order: "整改通知" show(order)
    }
};
