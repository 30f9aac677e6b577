//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "社区教育".into(),
        label,
        count,
        href,
        nav_href: "/community".into(),
    }
}

/// Tasks are for those who keep the area's records (the 职成科, a
/// community school for its own).
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Lifelong, Access::Write) {
        return Ok(vec![]);
    }
    let mut tasks: Vec<Task> = Vec::new();
    tasks.extend(super::network::tasks(db, caller).await?);
    tasks.extend(super::courses::tasks(db, caller).await?);
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
