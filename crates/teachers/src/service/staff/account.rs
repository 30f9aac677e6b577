//! 关联本人账号: the bureau links a staff record to the account its teacher
//! signs in with; that account then reads the record at /teachers/me.

use platform::audit::{self, Entry};
use platform::auth::{users, Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::AppError;

use crate::domain::staff::StaffId;
use crate::store::staff as records;

/// Links the account `username` (empty: unlinks). Bureau only: an
/// institution gets 404 as on every bureau-only route.
pub async fn link_account(
    db: &Db,
    caller: &Caller,
    id: StaffId,
    username: &str,
) -> Result<(), AppError> {
    if caller.scope != Scope::All {
        return Err(AppError::NotFound);
    }
    caller.require(WorkArea::Teachers, Access::Write)?;
    let staff = records::get(db, &Scope::All, id).await?;
    let username = username.trim();
    let user = if username.is_empty() {
        None
    } else {
        let found = users::find_by_username(db, username).await?;
        let row = found.ok_or_else(|| {
            AppError::invalid("username", format!("没有用户名为“{username}”的账号"))
        })?;
        Some(row.id)
    };
    let mut tx = db.begin().await?;
    if let Some(u) = user {
        if let Some(other) = records::of_user(&mut tx, u).await?.filter(|o| o.id != id) {
            let message = format!("账号 {username} 已关联教职工 {}", other.fields.name);
            return Err(AppError::invalid("username", message));
        }
    }
    records::link_user(&mut tx, id, user).await?;
    let summary = match user {
        Some(_) => format!("将教职工 {} 关联到账号 {username}", staff.fields.name),
        None => format!("取消教职工 {} 的账号关联", staff.fields.name),
    };
    let entry = Entry::new("update", "teachers_staff", summary)
        .id(id.0)
        .institution(Some(staff.institution_id))
        .before(&serde_json::json!({ "user_id": staff.user_id }))
        .after(&serde_json::json!({ "user_id": user }));
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(())
}
