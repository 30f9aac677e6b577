//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::buses::LicenceClass;
use crate::domain::drills::EmergencyType;
use crate::domain::hazards::{HazardCategory, HazardState, RiskLevel};
use crate::domain::incidents::{Disease, IncidentKind, IncidentStatus};

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
    // Incidents (安全事故) and epidemic reports (疫情报告).
    safety_incident "安全事故" {
        occurred_at: "发生时间", kind: "事故类型" of(IncidentKind), injured: "受伤人数",
        deaths: "死亡人数", description: "事故经过", measures: "已采取措施", reported_by: "报告人",
        status: "状态" of(IncidentStatus), follow_up: "处理结果";
        hidden id, institution_id
    }
    safety_epidemic "疫情报告" {
        disease: "病种" of(Disease), first_case_on: "首例发病日期", observation_days: "观察期（天）",
        note: "情况说明", reported_on: "报告日期", new_cases: "新增病例", absent: "缺课人数",
        classes: "涉及班级", plan_activated_on: "启动应急预案日期", closed_on: "结束日期";
        hidden id, institution_id
    }
    // School buses (校车).
    safety_bus "校车" {
        plate: "车牌号", seats: "核载人数", operator: "运营单位", permit_no: "校车标牌号",
        permit_expires: "校车标牌有效期至", inspection_expires: "年检有效期至",
        insurance_expires: "保险有效期至", driver_name: "驾驶人",
        driver_class: "准驾车型" of(LicenceClass), driver_licence_expires: "驾驶证有效期至",
        driver_approved: "校车驾驶资格", route: "线路", pupils: "乘车学生数",
        imported: "导入辆数";
        hidden id, institution_id
    }
};
