//! Defining aid programs.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Updated};
use platform::{AppError, FieldError};

use crate::domain::{ProgramDef, ProgramId, ProgramInput};
use crate::store::{self, Program};

pub async fn list(db: &Db, caller: &Caller) -> Result<Vec<Program>, AppError> {
    caller.require(WorkArea::Aid, Access::Read)?;
    Ok(store::programs::list(db).await?)
}

pub async fn get(db: &Db, caller: &Caller, id: ProgramId) -> Result<Program, AppError> {
    caller.require(WorkArea::Aid, Access::Read)?;
    Ok(store::programs::get(db, id).await?)
}

fn duplicate_name(e: DbError) -> AppError {
    match e {
        DbError::Unique(_) => AppError::Invalid(vec![FieldError::new("name", "已有同名资助项目")]),
        other => other.into(),
    }
}

/// A program as the bureau defined it, checked against the programs there
/// are (`current` is the one being changed).
async fn checked(
    db: &Db,
    caller: &Caller,
    current: Option<ProgramId>,
    input: &ProgramInput,
) -> Result<ProgramDef, AppError> {
    super::bureau_writer(db, caller)?;
    let known: Vec<i64> = store::programs::list(db)
        .await?
        .iter()
        .map(|p| p.id.0)
        .collect();
    input
        .validate(current.map(|c| c.0), &known)
        .map_err(AppError::Invalid)
}

pub async fn create(db: &Db, caller: &Caller, input: &ProgramInput) -> Result<Program, AppError> {
    let def = checked(db, caller, None, input).await?;
    let mut tx = db.begin().await?;
    let id = store::programs::create(&mut tx, &def)
        .await
        .map_err(duplicate_name)?;
    let created = store::programs::get(&mut tx, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "aid_program",
            format!("新增资助项目 {}", def.name),
        )
        .id(id.0)
        .after(&created),
    )
    .await?;
    Ok(created)
}

/// Changes a program for future runs; batches already computed keep the
/// amounts they were computed with.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: ProgramId,
    version: i64,
    input: &ProgramInput,
) -> Result<Program, AppError> {
    let def = checked(db, caller, Some(id), input).await?;
    let mut tx = db.begin().await?;
    let before = store::programs::get(&mut tx, id).await?;
    let saved = store::programs::update(&mut tx, id, version, &def)
        .await
        .map_err(duplicate_name)?;
    if saved == Updated::Stale {
        return Err(AppError::stale("该项目", version, before.version));
    }
    let after = store::programs::get(&mut tx, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "aid_program",
            format!("修改资助项目 {}", def.name),
        )
        .id(id.0)
        .before(&before)
        .after(&after),
    )
    .await?;
    Ok(after)
}
