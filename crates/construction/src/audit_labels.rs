//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;
use serde_json::Value;

use crate::domain::estate::{
    AcceptanceResult, AssetCategory, BuildingUse, CertificateStatus, MovementKind, SafetyGrade,
    Structure,
};

/// A transfer or disposal: "调拨 5 件（原因：支援薄弱学校）".
fn movement(v: &Value) -> Option<String> {
    let kind = MovementKind::parse(v["kind"].as_str()?)?;
    Some(format!(
        "{} {} 件（原因：{}）",
        kind.label(),
        v["quantity"].as_i64()?,
        v["reason"].as_str().unwrap_or("")
    ))
}

use crate::domain::progress::WorkItem;
use crate::domain::projects::FundingSource;
use crate::domain::{Phase, ProjectKind, ProjectStatus};

/// A report's items as sent: "主体 85，内墙抹灰 95".
fn items(v: &Value) -> Option<String> {
    let list = v.as_array()?;
    Some(
        list.iter()
            .map(|i| {
                let key = i["item"].as_str().unwrap_or_default();
                let label = WorkItem::parse(key).map_or(key.to_string(), |w| w.label().to_string());
                format!("{label} {}", i["done"].as_str().unwrap_or_default())
            })
            .collect::<Vec<_>>()
            .join("，"),
    )
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 基建项目 (projects)
    construction_project "基建项目" {
        name: "项目名称", kind: "项目类型" of(ProjectKind), institution_id: "学校" institution,
        institution_name: "学校名称", township_id: "乡镇（街道）" township, township_name: "乡镇（街道）名称",
        school_name: "新学校名称", school_type: "新学校办学类型", school_code: "新学校标识码",
        year: "项目年度", planned_floor_area: "规划建筑面积（m²）",
        dangerous_area_removed: "消除危房面积（m²）", status: "项目状态" of(ProjectStatus),
        responsible_person: "项目负责人", note: "备注", current_phase: "当前阶段" of(Phase),
        late_phases: "逾期阶段数";
        hidden id, version
    }
    construction_phase "项目阶段" {
        planned_start: "计划开始日期", planned_end: "计划完成日期",
        actual_start: "实际开始日期", actual_end: "实际完成日期"
    }
    construction_budget "项目预算" {
        source: "资金来源" of(FundingSource), amount: "金额（元）", note: "说明"
    }
    construction_contract "项目合同" {
        party: "签约单位", subject: "合同内容", amount: "合同金额（元）", signed_on: "签订日期"
    }
    construction_payment "合同付款" {
        paid_on: "付款日期", amount: "付款金额（元）", note: "说明";
        hidden contract_id
    }
    // School estate (校舍·资产·采购).
    construction_building "校舍" {
        name: "校舍名称", floor_area: "建筑面积（平方米）", year_built: "建成年份",
        structure: "结构类型" of(Structure), floors: "层数", purpose: "用途" of(BuildingUse),
        grade: "安全鉴定等级" of(SafetyGrade), appraised_on: "鉴定日期",
        certificate: "产权证状态" of(CertificateStatus), certificate_no: "产权证号", note: "备注",
        project_id: "危房改造项目（编号）", project_name: "危房改造项目",
        imported: "导入栋数";
        hidden id, version, institution_id
    }
    construction_asset "资产" {
        category: "资产类别" of(AssetCategory), name: "资产名称", quantity: "数量",
        value: "价值（元）", acquired_on: "购置日期", note: "备注", movement: "资产变动" show(movement);
        hidden id, version, institution_id
    }
    construction_purchase "采购项目" {
        name: "采购项目", category: "类别" of(AssetCategory), amount: "金额（元）",
        supplier: "供应商", delivered_on: "到货日期", note: "备注",
        accepted_on: "验收日期", members: "验收人员", result: "验收结论" of(AcceptanceResult),
        notes: "验收备注";
        hidden id, institution_id
    }
    // Progress reports (形象进度).
    construction_progress_report "形象进度报告" {
        reported_on: "报告日期", overall: "总形象进度（%）", items: "各部位进度（%）" show(items),
        notes: "进展说明", reason: "倒退原因"
    }
    construction_progress_photo "形象进度照片" {
        report_id: "报告编号", file_name: "文件名"
    }
    construction_settings "基建设置" {
        stalled_days: "停滞天数"
    }
};

#[cfg(test)]
mod tests {
    use platform::audit::{changes, AuditLabels, Names};
    use serde_json::json;

    #[test]
    fn estate_codes_read_in_chinese() {
        let labels = AuditLabels::new(&[super::AUDIT_LABELS]);
        let lines: Vec<String> = changes(
            labels.get("construction_building"),
            Some(&json!({"grade": "C", "structure": "frame", "floor_area": 1200})),
            Some(&json!({"grade": "D", "structure": "frame", "floor_area": 1200})),
            &Names::default(),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(lines, ["安全鉴定等级：C级 → D级"]);
        let moved = json!({"kind": "disposal", "quantity": 3, "reason": "损坏"});
        assert_eq!(
            super::movement(&moved).as_deref(),
            Some("报废 3 件（原因：损坏）")
        );
        assert_eq!(super::movement(&json!({"kind": "lost"})), None);
    }
}
