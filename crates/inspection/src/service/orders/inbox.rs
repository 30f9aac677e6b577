//! Overdue orders (逾期) in the inbox of both sides: the owner area's
//! writers see each owner's count, an institution its own.

use platform::area::Task;
use platform::auth::{Caller, Scope};
use platform::db::Db;
use platform::AppError;

use super::read::may_issue;
use crate::domain::Owner;
use crate::service::pending::task;
use crate::store::orders as store;

pub async fn overdue_tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let today = platform::time::today();
    if let Scope::Institution(own) = caller.scope {
        let n = store::overdue_of_institution(db, own.0, today).await?;
        let href = "/inspection/orders?overdue=1".to_string();
        return Ok(vec![task("本单位逾期未整改的整改通知".into(), n, href)]);
    }
    let mut tasks = Vec::new();
    for owner in Owner::ALL.iter().copied().filter(|o| may_issue(caller, *o)) {
        let n = store::overdue_of_owner(db, owner, today).await?;
        let label = format!("逾期未整改的整改通知（{}）", owner.label());
        let href = format!("/inspection/orders?owner={}&overdue=1", owner.as_str());
        tasks.push(task(label, n, href));
    }
    Ok(tasks)
}
