//! The teachers area's part of the inbox (待办事项): each part of the area
//! adds its own tasks here.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Teachers, Access::Read) {
        return Ok(vec![]);
    }
    let mut tasks = Vec::new();
    tasks.extend(super::training::compliance::pending(db, caller).await?);
    Ok(tasks)
}
