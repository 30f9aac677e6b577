//! 局设置: bureau policy settings that staff change while the server runs
//! (the promotion window, whether an aid batch needs a second approver …),
//! as opposed to the operator's configuration file.
//!
//! An area declares each of its settings once as a [`Setting`] constant with
//! its default; the table holds only the values a bureau changed. Reading a
//! setting never fails for want of a row.
//!
//! ```ignore
//! pub const SEPARATE_APPROVER: Setting = Setting {
//!     key: "aid.separate_approver",
//!     label: "资助批次须由计算人以外的人审批",
//!     default: "true",
//! };
//! let on = settings::flag(&db, &SEPARATE_APPROVER).await?;
//! ```

use crate::db::{DbError, Ex, Sql};
use crate::UserId;

/// One bureau setting: its stored key (`area.name`), its Chinese label and
/// the value it has until a bureau changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub key: &'static str,
    pub label: &'static str,
    pub default: &'static str,
}

/// The setting's value: the bureau's, or the default.
pub async fn get<'a>(ex: impl Into<Ex<'a>>, setting: &Setting) -> Result<String, DbError> {
    let stored: Option<(String,)> = ex
        .into()
        .fetch_optional(
            Sql::new("SELECT value FROM platform_settings WHERE key = ").bind(setting.key),
        )
        .await?;
    Ok(stored.map_or_else(|| setting.default.to_string(), |(v,)| v))
}

/// A yes/no setting (stored as `true`/`false`).
pub async fn flag<'a>(ex: impl Into<Ex<'a>>, setting: &Setting) -> Result<bool, DbError> {
    Ok(get(ex, setting).await? == "true")
}

/// Stores a value (the caller checks it and writes the audit entry).
pub async fn set<'a>(
    ex: impl Into<Ex<'a>>,
    setting: &Setting,
    value: &str,
    by: Option<UserId>,
) -> Result<(), DbError> {
    ex.into()
        .execute(
            Sql::new("INSERT INTO platform_settings (key, value, updated_at, updated_by) VALUES (")
                .bind(setting.key)
                .push(", ")
                .bind(value)
                .push(", ")
                .bind(crate::time::now())
                .push(", ")
                .bind(by)
                .push(
                    ") ON CONFLICT (key) DO UPDATE SET value = excluded.value, \
                     updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                ),
        )
        .await?;
    Ok(())
}
