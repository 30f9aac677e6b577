//! The teachers area's part of the inbox (待办事项): each part of the area
//! adds its own tasks here.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

fn task(label: &str, count: i64, href: &str) -> Task {
    Task {
        area: "教师队伍".into(),
        label: label.into(),
        count,
        href: href.into(),
        nav_href: "/teachers".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Teachers, Access::Read) {
        return Ok(vec![]);
    }
    let mut tasks = Vec::new();
    let reviews = super::staff::review::waiting(db, caller).await?;
    if reviews > 0 {
        tasks.push(task("教师信息变更待审核", reviews, "/teachers/reviews"));
    }
    Ok(tasks)
}
