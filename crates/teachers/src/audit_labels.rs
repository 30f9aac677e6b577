//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`).

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
    teachers_staff "教职工" {
        name: "姓名", national_id: "身份证件号", institution_name: "单位"
    }
};
