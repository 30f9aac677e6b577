//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    // reports
    fitness_card "体质健康成绩单" {}
    fitness_class "体质健康班级名单" {}
};
