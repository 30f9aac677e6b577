//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "教育督导".into(),
        label,
        count,
        href,
        nav_href: "/supervision".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Supervision, Access::Read) {
        return Ok(vec![]);
    }
    let mut tasks: Vec<Task> = Vec::new();
    let href = match super::inspectors::own_account(caller) {
        Some(_) => "/supervision/mine",
        None => "/supervision/inspectors?period=month",
    };
    tasks.push(task(
        "本月尚未督导的挂牌单位".into(),
        super::inspectors::unvisited_this_month(db, caller).await?,
        href.into(),
    ));
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
