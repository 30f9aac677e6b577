//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::drills::EmergencyType;
use crate::domain::hazards::{HazardCategory, HazardState, RiskLevel};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 隐患 (hazards)
    safety_hazard "安全隐患" {
        institution_id: "学校" institution, category: "隐患类别" of(HazardCategory),
        risk_level: "风险等级" of(RiskLevel), location: "隐患位置", description: "隐患描述",
        found_on: "发现日期", campaign_id: "安全检查（编号）", state: "整改状态" of(HazardState),
        order_id: "整改通知（编号）"
    }
    // 应急预案与演练 (plans and drills)
    safety_plan "应急预案" {
        institution_id: "学校" institution, plan_type: "预案类型" of(EmergencyType),
        title: "预案名称", approved_on: "批准日期", review_on: "修订日期"
    }
    safety_drill "应急演练" {
        institution_id: "学校" institution, drilled_on: "演练日期", drill_type: "演练类型" of(EmergencyType),
        participants: "参加人数", duration_minutes: "演练时长（分钟）", evaluation: "演练评估"
    }
};
