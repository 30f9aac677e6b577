//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 学习卡 (cards)
    community_card "学习卡" {
        name: "姓名", id_number: "身份证号", phone: "手机号", township_id: "街道（镇）" township,
        community: "社区（村）"
    }
    community_enrolment "报名" {
        session_id: "班次（编号）", card_id: "学习卡（编号）"
    }
};
