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
    // Petitions reach the sections they are assigned to, and official
    // documents every section (drafts, incoming ones routed): neither reads
    // the area.
    let mut tasks = crate::service::petitions::stats::tasks(db, caller).await?;
    tasks.extend(super::documents::tasks::tasks(db, caller).await?);
    if !caller.role.may(WorkArea::PublicService, Access::Read) {
        tasks.retain(|t| t.count > 0);
        return Ok(tasks);
    }
    // Notices: an institution reads what the bureau sent it.
    tasks.push(task(
        "待阅读的通知公告".into(),
        super::notices::waiting(db, caller).await?,
        "/public/notices".into(),
    ));
    // Disclosure: the bureau answers requests past their deadline.
    if caller.role.may(WorkArea::PublicService, Access::Write)
        && caller.scope.institution().is_none()
    {
        let (_, overdue) = super::disclosure::requests::counts(db, caller).await?;
        tasks.push(task(
            "依申请公开逾期未答复".into(),
            overdue,
            "/public/disclosure?overdue=true".into(),
        ));
    }
    tasks.retain(|t| t.count > 0);
    Ok(tasks)
}
