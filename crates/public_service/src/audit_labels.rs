//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::disclosure::Outcome;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 通知公告 (notices)
    public_notice "通知公告" {
        title: "标题", body: "正文", audience: "发送范围", audience_value: "范围（值）"
    }
    public_notice_receipt "通知公告回执" {}
    // 信息公开 (disclosure)
    public_fee_item "收费公示项目" {
        institution_id: "机构" institution, school_year: "学年", item: "收费项目",
        standard: "收费标准（元）", unit: "计费单位", grades: "适用年级", basis: "收费依据"
    }
    public_fee_card "明白交费卡" {}
    public_catalogue "主动公开目录" {
        category: "类别", title: "标题", published_on: "公开日期", body: "内容"
    }
    public_disclosure_request "依申请公开" {
        requester: "申请人", contact: "联系方式", content: "申请内容", received_on: "收到日期",
        due_on: "答复期限", extended: "已延期" yes_no, outcome: "答复类型" of(Outcome),
        reason: "理由", replied_on: "答复日期";
        hidden id, created_at
    }
};
