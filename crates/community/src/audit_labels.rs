//! How the audit log names this area's records and fields (see
//! `platform::audit::labels`). Each part keeps to its own block.

use platform::audit::labels::EntityLabels;

pub const AUDIT_LABELS: &[EntityLabels] = &[];
