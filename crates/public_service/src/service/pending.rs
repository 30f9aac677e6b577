//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "家校与政务".into(),
        label,
        count,
        href,
        nav_href: "/public".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    // Official documents reach every section (drafts, incoming ones routed).
    let mut tasks: Vec<Task> = super::documents::tasks::tasks(db, caller).await?;
    if !caller.role.may(WorkArea::PublicService, Access::Read) {
        tasks.retain(|t| t.count > 0);
        return Ok(tasks);
    }
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
