//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::petitions::{Channel, Satisfaction, Status, Topic};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 局长信箱与信访 (petitions)
    public_petition "信访件" {
        ref_no: "信访编号", channel: "来源" of(Channel), topic: "类别" of(Topic), subject: "标题",
        status: "办理状态" of(Status), section: "承办科室", assigned_at: "受理时间",
        reply_by: "答复期限", extended: "已延期", extension_reason: "延期理由",
        reject_reason: "不予受理理由", reply_text: "答复意见", reply_author: "答复起草人（编号）",
        reply_approver: "答复签发人（编号）", replied_on: "答复日期",
        satisfaction: "满意度" of(Satisfaction), public_subject: "公开标题", public_text: "公开内容"
    }
};
