//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::inspections::Kind;
use crate::domain::unlicensed::Status;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 年检与等级验收 (inspections)
    private_result "年检与等级验收结果" {
        kind: "类别" of(Kind), year: "年度", institution_id: "学校" institution,
        institution_name: "学校名称", result: "结果代码", result_label: "结果", basis: "依据",
        reason: "认定理由", campaign_id: "评估编号", order_id: "整改通知编号",
        written: "生成条数", kept_decisions: "保留认定条数", requirement: "整改要求",
        responsible_person: "整改责任人", deadline: "整改期限";
        hidden id, version, school_type
    }
    // 无证幼儿园 (unlicensed)
    private_unlicensed "无证幼儿园" {
        name: "名称", address: "地址", township: "乡镇（街道）", township_id: "乡镇（街道）" township,
        township_name: "乡镇（街道）名称", operator: "举办者", phone: "联系电话",
        children: "在园幼儿数", found_on: "发现日期", status: "状态" of(Status),
        deadline: "整改期限", rectifying_since: "责令整改日期", ended_on: "办结日期",
        placement: "幼儿去向", note: "备注", imported: "导入所数";
        hidden id, version
    }
    private_unlicensed_visit "无证幼儿园走访" {
        visited_on: "走访日期", visitor: "走访人员", found: "走访发现"
    }
    // 终止办学 (closures)
    private_closure "终止办学" {
        institution_id: "学校" institution, decided_on: "决定日期", reason: "原因",
        student_id: "学生编号", destination_id: "转入学校" institution, note: "去向说明"
    }
};
