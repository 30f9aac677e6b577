//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;
use platform::vocab::Stage;

use crate::domain::{BackboneLevel, Establishment, StaffStatus, TitleLevel};

/// 骨干层级 of the staff list's filter: a level, or any.
fn backbone(code: &str) -> Option<&'static str> {
    match code {
        "any" => Some("任一骨干层级"),
        c => BackboneLevel::parse(c).map(BackboneLevel::label),
    }
}

/// 在职状态 of the staff list's filter: a status, or all.
fn status(code: &str) -> Option<&'static str> {
    match code {
        "all" => Some("全部状态"),
        c => StaffStatus::parse(c).map(StaffStatus::label),
    }
}

fn full_time(code: &str) -> Option<&'static str> {
    match code {
        "yes" => Some("专任教师"),
        "no" => Some("非专任"),
        _ => None,
    }
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    teachers_staff "教职工" {
        name: "姓名", national_id: "身份证件号", institution_name: "单位",
        // The filter of a viewed or exported staff list.
        q: "姓名或证件号", institution_id: "任职单位" institution,
        township_id: "乡镇（街道）" township, stage: "任教学段" of(Stage),
        subject: "任教学科", title_level: "职称等级" of(TitleLevel),
        establishment: "编制" of(Establishment), backbone_level: "骨干层级" code(backbone),
        status: "在职状态" code(status), full_time: "专任" code(full_time);
        hidden page, sort
    }
};
