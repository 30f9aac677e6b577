//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::disclosure::Outcome;
use crate::domain::documents::{DocStatus, DocType, IncomingStatus, Issuer, Urgency};
use crate::domain::petitions::{Channel, Satisfaction, Status, Topic};

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
    // 局长信箱与信访 (petitions)
    public_petition "信访件" {
        ref_no: "信访编号", channel: "来源" of(Channel), topic: "类别" of(Topic), subject: "标题",
        status: "办理状态" of(Status), section: "承办科室", assigned_at: "受理时间",
        reply_by: "答复期限", extended: "已延期", extension_reason: "延期理由",
        reject_reason: "不予受理理由", reply_text: "答复意见", reply_author: "答复起草人（编号）",
        reply_approver: "答复签发人（编号）", replied_on: "答复日期",
        satisfaction: "满意度" of(Satisfaction), public_subject: "公开标题", public_text: "公开内容"
    }
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
