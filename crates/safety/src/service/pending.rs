//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "校园安全".into(),
        label,
        count,
        href,
        nav_href: "/safety".into(),
    }
}

/// Tasks are for those who act on them: readers (a 督学, another section)
/// find the same figures on the safety start page.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Safety, Access::Write) {
        return Ok(vec![]);
    }
    let mut tasks: Vec<Task> = Vec::new();
    tasks.extend(super::hazards::overview::tasks(db, caller).await?);
    tasks.extend(super::drills::tasks(db, caller).await?);
    tasks.extend(super::incidents::tasks(db, caller).await?);
    tasks.extend(super::buses::tasks(db, caller).await?);
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
