//! 资助设置: the bureau settings of student aid, changed by leadership or
//! the aid centre (资助中心) on the aid settings page, each change audited.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Role, Section};
use platform::db::Db;
use platform::settings::{self, Setting};
use platform::AppError;
use serde::{Deserialize, Serialize};

/// Whether a batch must be approved by someone other than who computed it
/// (四眼原则). On unless the bureau turns it off.
pub const SEPARATE_APPROVER: Setting = Setting {
    key: "aid.separate_approver",
    label: "资助批次须由计算人以外的人员审批",
    default: "true",
};

/// The aid settings as the form shows and sends them.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct AidSettings {
    pub separate_approver: bool,
}

pub async fn get(db: &Db, caller: &Caller) -> Result<AidSettings, AppError> {
    super::bureau(db, caller)?;
    Ok(AidSettings {
        separate_approver: settings::flag(db, &SEPARATE_APPROVER).await?,
    })
}

/// Who may change aid settings: leadership and the aid centre.
pub fn may_change(caller: &Caller) -> bool {
    matches!(
        caller.role,
        Role::Leadership | Role::Section(Section::AidCentre)
    )
}

pub async fn set(db: &Db, caller: &Caller, new: &AidSettings) -> Result<AidSettings, AppError> {
    super::bureau_writer(db, caller)?;
    if !may_change(caller) {
        return Err(AppError::Forbidden);
    }
    let mut tx = db.begin().await?;
    let before = AidSettings {
        separate_approver: settings::flag(&mut tx, &SEPARATE_APPROVER).await?,
    };
    let value = if new.separate_approver {
        "true"
    } else {
        "false"
    };
    settings::set(&mut tx, &SEPARATE_APPROVER, value, caller.who.user_id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "aid_settings",
            format!(
                "资助设置：{}——{}",
                SEPARATE_APPROVER.label,
                if new.separate_approver { "是" } else { "否" }
            ),
        )
        .before(&before)
        .after(new),
    )
    .await?;
    Ok(new.clone())
}
