//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::projects::FundingSource;
use crate::domain::{Phase, ProjectKind, ProjectStatus};

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
};
