//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::{OrderStatus, Owner, Source};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    inspection_order "整改通知书" {
        owner: "业务" of(Owner), institution_id: "整改单位" institution,
        institution_name: "整改单位名称", source: "问题来源" of(Source), number: "文号",
        finding: "发现的问题", requirement: "整改要求", responsible_person: "整改责任人",
        deadline: "整改期限", status: "状态" of(OrderStatus), issued_on: "下发日期",
        closed_on: "销号日期";
        hidden id, campaign_id, source_id, version
    }
};
