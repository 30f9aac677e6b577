//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::documents::{DocStatus, DocType, IncomingStatus, Issuer, Urgency};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 电子公文 (official documents)
    public_document "发文" {
        doc_type: "文种" of(DocType), issuer: "发文机关" of(Issuer), title: "标题", body: "正文",
        recipients: "主送、抄送", status: "状态" of(DocStatus), comment: "意见", number: "文号",
        receipt_due: "签收期限"
    }
    public_incoming "收文" {
        sender: "来文单位", their_number: "来文字号", title: "标题", received_on: "收文日期",
        urgency: "缓急" of(Urgency), status: "状态" of(IncomingStatus), text: "意见",
        section: "承办科室", deadline: "办理期限"
    }
    public_document_prefix "文号前缀" { prefix: "前缀" }
};
