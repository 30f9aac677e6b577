//! The area's part of the inbox (待办事项): each part adds its own tasks
//! here, a few lines calling a function of its own module.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "考试与质量".into(),
        label,
        count,
        href,
        nav_href: "/exams".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Exams, Access::Read) {
        return Ok(vec![]);
    }
    let mut tasks: Vec<Task> = Vec::new();
    // Results imported but not published: the bureau's sections that write the area.
    if caller.scope.institution().is_none() && caller.role.may(WorkArea::Exams, Access::Write) {
        let n = crate::store::results::unpublished_with_results(db).await?;
        tasks.push(task("考试成绩已导入待发布".into(), n, "/exams".into()));
    }
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
