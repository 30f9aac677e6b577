//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Money is stored in fen and shown in 元.

use platform::audit::labels::EntityLabels;
use serde_json::Value;

use crate::domain::{term, ApplicationStatus, BatchStatus, Condition, Fen, Period, Stage};

fn money(v: &Value) -> Option<String> {
    v.as_i64().map(|f| Fen(f).to_string())
}

fn conditions(v: &Value) -> Option<String> {
    let cs: Vec<Condition> = serde_json::from_value(v.clone()).ok()?;
    Some(
        cs.iter()
            .map(Condition::describe)
            .collect::<Vec<_>>()
            .join("；"),
    )
}

fn term_label(v: &Value) -> Option<String> {
    v.as_i64().map(term::label)
}

fn application_status(s: &str) -> Option<&'static str> {
    ApplicationStatus::parse(s).map(ApplicationStatus::label)
}

/// A batch is recorded as its status when it moves on, and as its totals
/// per program when it is computed.
fn batch(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => BatchStatus::parse(s).map(|s| s.label().to_string()),
        Value::Array(programs) => Some(
            programs
                .iter()
                .map(|p| {
                    let amount = p["amount"]
                        .as_i64()
                        .map_or_else(String::new, |f| Fen(f).to_string());
                    format!(
                        "{} {} 人 {amount}",
                        p["name"].as_str().unwrap_or(""),
                        p["students"]
                    )
                })
                .collect::<Vec<_>>()
                .join("；"),
        ),
        _ => None,
    }
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    aid_program "资助项目" {
        name: "项目名称", funding_source: "资金来源", period: "发放周期" of(Period),
        stages: "学段" of(Stage),
        // The amounts per stage (hidden) read as 补助标准.
        standard: "补助标准", conditions: "资助条件" show(conditions),
        incompatible_with: "不可兼得的项目（编号）", budget: "预算" show(money),
        needs_application: "需本人申请" yes_no, documents: "申请材料", active: "启用" yes_no;
        hidden amounts, id, version, updated_at
    }
    aid_batch "资助批次" {
        _: "批次" show(batch), reason: "更正原因", reissue_amount: "补发金额（元）",
        // The filters of a review or an export of the batch's lines.
        institution_id: "学校（编号）", program_id: "资助项目（编号）", q: "查询内容", page: "页码"
    }
    aid_settings "资助设置" {
        separate_approver: "资助批次须由计算人以外的人员审批" yes_no
    }
    aid_application "资助申请" {
        _: "申请状态" code(application_status), program_name: "资助项目",
        student_name: "学生", institution_name: "学校", term: "学期" show(term_label),
        status: "申请状态" code(application_status), statement: "申请理由",
        documents: "申请材料", submitted_by: "提交人", submitted_at: "提交时间" time,
        reviewed_by: "学校审核人", reviewed_at: "学校审核时间" time,
        decided_by: "教育局审批人", decided_at: "教育局审批时间" time, note: "备注";
        hidden id, program_id, student_id, institution_id
    }
};

#[cfg(test)]
mod tests {
    use platform::audit::{changes, AuditLabels, Names};
    use serde_json::{json, Value};

    fn lines(entity: &str, before: Option<Value>, after: Option<Value>) -> Vec<String> {
        let labels = AuditLabels::new(&[super::AUDIT_LABELS]);
        changes(
            labels.get(entity),
            before.as_ref(),
            after.as_ref(),
            &Names::default(),
        )
        .iter()
        .map(ToString::to_string)
        .collect()
    }

    #[test]
    fn money_reads_in_yuan_and_codes_in_chinese() {
        let before = json!({"budget": 12_345_050, "period": "term", "stages": ["primary", "junior"],
            "conditions": [], "version": 1});
        let after = json!({"budget": 100, "period": "year", "stages": ["junior"],
            "conditions": [{"kind": "flag", "flag": "boarding", "required": true}], "version": 2});
        assert_eq!(
            lines("aid_program", Some(before), Some(after)),
            [
                "发放周期：每学期 → 每年",
                "学段：小学、初中 → 初中",
                "资助条件：（空） → 须为寄宿生",
                "预算：123,450.50元 → 1.00元",
            ]
        );
    }

    #[test]
    fn a_batch_reads_as_its_status_or_its_totals() {
        assert_eq!(
            lines("aid_batch", Some(json!("draft")), Some(json!("approved"))),
            ["批次：待审批 → 已审批"]
        );
        let totals =
            json!([{"program_id": 1, "name": "营养餐补助", "students": 12, "amount": 96_000}]);
        assert_eq!(
            lines("aid_batch", None, Some(totals)),
            ["批次：营养餐补助 12 人 960.00元"]
        );
        assert_eq!(
            lines(
                "aid_application",
                Some(json!("submitted")),
                Some(json!("approved"))
            ),
            ["申请状态：待学校审核 → 已批准"]
        );
    }
}
