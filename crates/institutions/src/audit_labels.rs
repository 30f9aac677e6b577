//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

use crate::domain::{DesignationEvent, Licence, Ownership, Status, TrackingStatus};

fn school_type(code: &str) -> Option<&'static str> {
    platform::codes::school_type(code).map(|t| t.name.as_str())
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    institution "机构" {
        name: "机构名称", code: "学校标识码", school_type: "办学类型" code(school_type),
        ownership: "举办性质" of(Ownership), licence: "办学许可" of(Licence),
        status: "办学状态" of(Status), township_id: "所在乡镇（街道）" township,
        address: "地址", principal: "负责人", phone: "联系电话",
        founded_year: "建校年份", approved_places: "核定学位数", class_count: "班级数",
        boarding: "是否寄宿制" yes_no, group_name: "所属教育集团",
        tracking_status: "无证园跟踪状态" of(TrackingStatus), notes: "备注";
        hidden id, version, updated_at
    }
    designation "机构称号" {
        title: "称号", event: "评定情况" of(DesignationEvent), year: "年份",
        document: "文件", note: "备注"
    }
    unlicensed_tracking "无证园跟踪" {
        date: "日期", status: "跟踪状态" of(TrackingStatus),
        deadline: "整改期限", note: "备注"
    }
};
