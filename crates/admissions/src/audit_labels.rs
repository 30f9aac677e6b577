//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    admission_round "招生" {}
    allocation_run "录取分配" {
        applications: "报名人数", early: "提前招生录取", by_choice: "志愿录取",
        placed: "统筹安排", unassigned: "未安排",
        input_hash: "输入数据摘要", engine_version: "分配程序版本";
        hidden run_id
    }
    application "入学报名" {}
    appeal "招生申诉" {}
};
