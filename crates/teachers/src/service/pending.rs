//! The teachers area's part of the inbox (待办事项): each part of the area
//! adds its own tasks here.

use platform::area::Task;
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

/// A task of the teachers area in the inbox.
pub(crate) fn task(label: String, count: i64, href: String) -> Task {
    Task {
        area: "教师队伍".into(),
        label,
        count,
        href,
        nav_href: "/teachers".into(),
    }
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Teachers, Access::Write) {
        return Ok(vec![]);
    }
    let mut tasks = Vec::new();
    if caller.scope.institution().is_none() {
        let reviews = super::staff::review::waiting(db, caller).await?;
        tasks.push(task(
            "教师信息变更待审核".into(),
            reviews,
            "/teachers/reviews".into(),
        ));
        let n = super::titles::awaiting_review(db, caller).await?;
        tasks.push(task("职称申报待评审".into(), n, "/teachers/titles".into()));
    } else {
        let (year, n) = super::assessment::ungraded_last_year(db, caller).await?;
        tasks.push(task(
            format!("{year}年度考核结果未录入（人）"),
            n,
            format!("/teachers/assessments?year={year}"),
        ));
    }
    tasks.extend(super::recruitment::pending_task(db, caller).await?);
    tasks.extend(super::training::compliance::pending(db, caller).await?);
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
