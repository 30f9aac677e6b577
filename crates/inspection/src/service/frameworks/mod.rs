//! Indicator frameworks (评估标准): a draft is built indicator by indicator
//! (or imported whole), checked completely when it is published, and
//! frozen from then on (a change is a new version).

mod drafts;
mod files;

pub use drafts::{
    new_version, remove_indicator, save_indicator, save_settings, start, NewDraft, Settings,
};
pub use files::{columns, export, import, template, ImportMeta, ImportOutcome};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller};
use platform::db::{Db, DbError, Tx};
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use crate::domain::{Framework, FrameworkId, Owner, Purpose};
use crate::service::require_owner_bureau;
use crate::store::frameworks::{self as store, Filter, FrameworkRow, NewFrameworkRow};

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

/// A version with its tree and what still stops it from being published.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Detail {
    #[serde(flatten)]
    pub row: FrameworkRow,
    #[schema(value_type = Object)]
    pub framework: Framework,
    /// Empty when the version can be (or has been) published.
    pub problems: Vec<String>,
}

/// Which frameworks a list shows; none given: all the caller reads.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    pub owner: Option<Owner>,
    pub purpose: Option<Purpose>,
    pub year: Option<i64>,
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
            .map(|p| FieldError::new("framework", p.to_string()))
            .collect(),
    ))
}

/// The owners whose frameworks the caller reads.
pub fn readable_owners(caller: &Caller) -> Vec<Owner> {
    Owner::ALL
        .iter()
        .copied()
        .filter(|o| caller.role.may(o.work_area(), Access::Read))
        .collect()
}

/// The versions the caller reads that the query selects.
pub async fn list(db: &Db, caller: &Caller, q: &ListQuery) -> Result<Vec<FrameworkRow>, AppError> {
    let owners = readable_owners(caller)
        .into_iter()
        .filter(|o| q.owner.is_none_or(|want| want == *o))
        .collect();
    let filter = Filter {
        owners,
        purpose: q.purpose,
        year: q.year,
    };
    Ok(store::list(db, &filter).await?)
}

/// Saves a new framework (version 1) as a draft; it must be complete.
pub async fn create(
    db: &Db,
    caller: &Caller,
    input: &NewFramework,
) -> Result<FrameworkId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let name = valid_name(&input.name)?;
    checked(&input.framework)?;
    let row = first_version(
        caller,
        input.owner,
        input.purpose,
        name,
        input.year,
        &input.framework,
    );
    let what = format!("新建评估标准：{name}（{}年）", input.year);
    let entry = Entry::new("create", "inspection_framework", what).after(input);
    save(db, caller, &row, entry).await
}

/// Version 1 of a framework, made by the caller.
fn first_version<'a>(
    caller: &Caller,
    owner: Owner,
    purpose: Purpose,
    name: &'a str,
    year: i64,
    framework: &'a Framework,
) -> NewFrameworkRow<'a> {
    NewFrameworkRow {
        owner,
        purpose,
        name,
        year,
        version: 1,
        framework,
        created_by: caller.who.user_id.map(|u| u.0),
        based_on: None,
    }
}

/// Saves a version and records `entry` for it, in one transaction.
async fn save(
    db: &Db,
    caller: &Caller,
    row: &NewFrameworkRow<'_>,
    entry: Entry,
) -> Result<FrameworkId, AppError> {
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, row).await?;
    audit::commit(tx, &caller.who, entry.id(id.0)).await?;
    Ok(id)
}

/// A framework's name, trimmed; refused when blank or too long.
fn valid_name(name: &str) -> Result<&str, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", "请填写评估标准名称"));
    }
    if name.chars().count() > 100 {
        return Err(AppError::invalid("name", "评估标准名称不能超过 100 个字"));
    }
    Ok(name)
}

/// Inserts a version, refusing a name already used for the year and
/// version.
async fn insert(tx: &mut Tx, row: &NewFrameworkRow<'_>) -> Result<FrameworkId, AppError> {
    store::insert(tx, row)
        .await
        .map_err(|e| unique_name(e, row.name, row.year, row.version))
}

/// A unique violation as the name already used for the year and version.
fn unique_name(e: DbError, name: &str, year: i64, version: i64) -> AppError {
    match e {
        DbError::Unique(_) => AppError::invalid(
            "name",
            format!("{year}年已有名为“{name}”的评估标准（第 {version} 版）"),
        ),
        e => e.into(),
    }
}

/// Publishes (freezes) a draft so that campaigns may use it; it must be
/// complete: every sum adds up, every method is sound.
pub async fn publish(db: &Db, caller: &Caller, id: FrameworkId) -> Result<(), AppError> {
    let row = get(db, id).await?;
    require_owner_bureau(caller, row.owner)?;
    if row.is_published() {
        return Err(AppError::Conflict("该评估标准已发布，不能重复发布".into()));
    }
    checked(&row.framework()?)?;
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
    caller.require(row.owner.work_area(), Access::Read)?;
    let tree = row.framework()?;
    Ok((row, tree))
}

/// [`load`] with what still stops the version from being published.
pub async fn detail(db: &Db, caller: &Caller, id: FrameworkId) -> Result<Detail, AppError> {
    let (row, framework) = load(db, caller, id).await?;
    let problems = framework.check().iter().map(ToString::to_string).collect();
    Ok(Detail {
        row,
        framework,
        problems,
    })
}

async fn get(db: &Db, id: FrameworkId) -> Result<FrameworkRow, AppError> {
    store::get(db, id).await?.ok_or(AppError::NotFound)
}
