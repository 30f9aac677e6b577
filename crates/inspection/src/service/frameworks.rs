//! Indicator frameworks: a version is checked before it is saved, and
//! frozen once published (a change is a new version).

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{Framework, FrameworkId, Owner, Purpose};
use crate::service::require_owner_bureau;
use crate::store::frameworks::{self as store, FrameworkRow, NewFrameworkRow};

/// A framework version as a user submits it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewFramework {
    pub owner: Owner,
    pub purpose: Purpose,
    pub name: String,
    pub year: i64,
    #[schema(value_type = Object)]
    pub framework: Framework,
}

/// The framework's problems as one field error each, or nothing.
pub fn checked(f: &Framework) -> Result<(), AppError> {
    let problems = f.check();
    if problems.is_empty() {
        return Ok(());
    }
    Err(AppError::Invalid(
        problems
            .iter()
            .map(|p| platform::FieldError::new("framework", p.to_string()))
            .collect(),
    ))
}

/// Saves a new framework (version 1) as a draft.
pub async fn create(
    db: &Db,
    caller: &Caller,
    input: &NewFramework,
) -> Result<FrameworkId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let name = input.name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", "请填写评估标准名称"));
    }
    checked(&input.framework)?;
    let mut tx = db.begin().await?;
    let row = NewFrameworkRow {
        owner: input.owner,
        purpose: input.purpose,
        name,
        year: input.year,
        version: 1,
        framework: &input.framework,
        created_by: caller.who.user_id.map(|u| u.0),
    };
    let id = store::insert(&mut tx, &row).await.map_err(|e| match e {
        platform::db::DbError::Unique(_) => AppError::invalid(
            "name",
            format!("{}年已有名为“{name}”的评估标准", input.year),
        ),
        e => e.into(),
    })?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "inspection_framework",
            format!("新建评估标准：{name}（{}年）", input.year),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Publishes (freezes) a draft so that campaigns may use it.
pub async fn publish(db: &Db, caller: &Caller, id: FrameworkId) -> Result<(), AppError> {
    let row = get(db, id).await?;
    require_owner_bureau(caller, row.owner)?;
    let mut tx = db.begin().await?;
    if !store::publish(&mut tx, id).await? {
        return Err(AppError::Conflict("该评估标准已发布，不能重复发布".into()));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "publish",
            "inspection_framework",
            format!("发布评估标准：{}（{}年）", row.name, row.year),
        )
        .id(id.0),
    )
    .await?;
    Ok(())
}

/// A framework version and its tree. Frameworks are public to every user
/// who reads the owner area.
pub async fn load(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
) -> Result<(FrameworkRow, Framework), AppError> {
    let row = get(db, id).await?;
    caller.require(row.owner.work_area(), platform::auth::Access::Read)?;
    let tree = row.framework()?;
    Ok((row, tree))
}

async fn get(db: &Db, id: FrameworkId) -> Result<FrameworkRow, AppError> {
    store::get(db, id).await?.ok_or(AppError::NotFound)
}
