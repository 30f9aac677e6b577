//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::{EntityLabels, FieldKind, FieldLabel};

use crate::domain::{DesignationEvent, Licence, Ownership, Status, TrackingStatus};

fn school_type(code: &str) -> Option<&'static str> {
    platform::codes::school_type(code).map(|t| t.name.as_str())
}

fn tracking(s: &str) -> Option<&'static str> {
    TrackingStatus::parse(s).map(TrackingStatus::label)
}

pub const AUDIT_LABELS: &[EntityLabels] = &[
    EntityLabels {
        entity: "institution",
        label: "机构",
        fields: &[
            FieldLabel::text("name", "机构名称"),
            FieldLabel::text("code", "学校标识码"),
            FieldLabel::new("school_type", "办学类型", FieldKind::Code(school_type)),
            FieldLabel::new(
                "ownership",
                "举办性质",
                FieldKind::Code(|s| Ownership::parse(s).map(Ownership::label)),
            ),
            FieldLabel::new(
                "licence",
                "办学许可",
                FieldKind::Code(|s| Licence::parse(s).map(Licence::label)),
            ),
            FieldLabel::new(
                "status",
                "办学状态",
                FieldKind::Code(|s| Status::parse(s).map(Status::label)),
            ),
            FieldLabel::new("township_id", "所在乡镇（街道）", FieldKind::Township),
            FieldLabel::text("address", "地址"),
            FieldLabel::text("principal", "负责人"),
            FieldLabel::text("phone", "联系电话"),
            FieldLabel::text("founded_year", "建校年份"),
            FieldLabel::text("approved_places", "核定学位数"),
            FieldLabel::text("class_count", "班级数"),
            FieldLabel::new("boarding", "是否寄宿制", FieldKind::Bool),
            FieldLabel::text("group_name", "所属教育集团"),
            FieldLabel::new(
                "tracking_status",
                "无证园跟踪状态",
                FieldKind::Code(tracking),
            ),
            FieldLabel::text("notes", "备注"),
            FieldLabel::hidden("id"),
            FieldLabel::hidden("version"),
            FieldLabel::hidden("updated_at"),
        ],
    },
    EntityLabels {
        entity: "designation",
        label: "机构称号",
        fields: &[
            FieldLabel::text("title", "称号"),
            FieldLabel::new(
                "event",
                "评定情况",
                FieldKind::Code(|s| DesignationEvent::parse(s).map(DesignationEvent::label)),
            ),
            FieldLabel::text("year", "年份"),
            FieldLabel::text("document", "文件"),
            FieldLabel::text("note", "备注"),
        ],
    },
    EntityLabels {
        entity: "unlicensed_tracking",
        label: "无证园跟踪",
        fields: &[
            FieldLabel::text("date", "日期"),
            FieldLabel::new("status", "跟踪状态", FieldKind::Code(tracking)),
            FieldLabel::text("deadline", "整改期限"),
            FieldLabel::text("note", "备注"),
        ],
    },
];
