//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "检查与整改".into(),
        label,
        count,
        href,
        nav_href: "/inspection".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let reads = |area: WorkArea| caller.role.may(area, Access::Read);
    if ![
        WorkArea::Supervision,
        WorkArea::PrivateEducation,
        WorkArea::Safety,
    ]
    .into_iter()
    .any(reads)
    {
        return Ok(vec![]);
    }
    let mut tasks: Vec<Task> = Vec::new();
    tasks.extend(super::orders::overdue_tasks(db, caller).await?);
    tasks.extend(super::campaigns::tasks(db, caller).await?);
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
