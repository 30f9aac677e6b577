//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

use crate::domain::activities::{EventKind, ResourceKind, TrainingKind};
use crate::domain::network::{PointStatus, StandardStatus};

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // 社区教育网络 (network)
    community_teaching_point "教学点" {
        institution_id: "所属社区学校" institution, name: "教学点名称", township_id: "乡镇（街道）" township,
        community: "社区（村）", address: "地址", status: "状态" of(PointStatus)
    }
    community_standardisation "标准化社区学校评定" {
        institution_id: "社区学校" institution, status: "标准化状态" of(StandardStatus), year: "年度",
        note: "依据说明"
    }
    // 学习资源、活动与培训 (activities)
    community_resource "远程学习资源" {
        title: "资源名称", kind: "资源类型" of(ResourceKind), subject: "学科门类", provider: "提供单位",
        url: "资源地址"
    }
    community_event "活动与荣誉" {
        title: "活动名称", kind: "活动类型" of(EventKind), year: "年度", township_id: "乡镇（街道）" township,
        description: "活动简介", participants: "参与人数"
    }
    community_training "培训" {
        institution_id: "举办机构" institution, kind: "培训类型" of(TrainingKind), title: "培训名称",
        held_on: "培训日期", attendances: "培训人次", hours: "学时", certificates: "发证数",
        families: "覆盖家庭数", children: "0–3岁儿童数"
    }
    // 学习卡 (cards)
    community_card "学习卡" {
        name: "姓名", id_number: "身份证号", phone: "手机号", township_id: "街道（镇）" township,
        community: "社区（村）"
    }
    community_enrolment "报名" {
        session_id: "班次（编号）", card_id: "学习卡（编号）"
    }
};
