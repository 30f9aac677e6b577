//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;
use serde_json::Value;

use crate::domain::progress::WorkItem;

/// A report's items as sent: "主体 85，内墙抹灰 95".
fn items(v: &Value) -> Option<String> {
    let list = v.as_array()?;
    Some(
        list.iter()
            .map(|i| {
                let key = i["item"].as_str().unwrap_or_default();
                let label = WorkItem::parse(key).map_or(key.to_string(), |w| w.label().to_string());
                format!("{label} {}", i["done"].as_str().unwrap_or_default())
            })
            .collect::<Vec<_>>()
            .join("，"),
    )
}

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    construction_progress_report "形象进度报告" {
        reported_on: "报告日期", overall: "总形象进度（%）", items: "各部位进度（%）" show(items),
        notes: "进展说明", reason: "倒退原因"
    }
    construction_progress_photo "形象进度照片" {
        report_id: "报告编号", file_name: "文件名"
    }
    construction_settings "基建设置" {
        stalled_days: "停滞天数"
    }
};
