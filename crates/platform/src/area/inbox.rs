//! The work inbox (待办事项): what waits for a user, gathered from every
//! area's pending tasks, shown on the home page and as counts in the
//! navigation. Counts are kept per user for a short while and forgotten as
//! soon as anyone changes anything, so acting on a task updates the inbox
//! at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{Areas, BoxFuture};
use crate::auth::Caller;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::UserId;

/// One kind of task waiting for the user, with how many there are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Task {
    /// The area's name (学籍管理).
    pub area: String,
    /// What to do, in Chinese: 转学申请待确认.
    pub label: String,
    pub count: i64,
    /// Where the user acts on these tasks.
    pub href: String,
    /// The navigation entry whose badge counts these tasks.
    pub nav_href: String,
}

/// An area's pending tasks for a caller (only the kinds with a count above
/// zero need be returned).
pub type PendingFn = for<'a> fn(&'a Db, &'a Caller) -> BoxFuture<'a, Result<Vec<Task>, AppError>>;

const KEEP: Duration = Duration::from_secs(60);
const MAX_USERS: usize = 10_000;

/// One user's tasks and when they were counted.
type Counted = (Instant, Arc<Vec<Task>>);

/// The per-user cache of tasks.
#[derive(Default)]
pub struct Inbox {
    cache: Mutex<HashMap<UserId, Counted>>,
}

impl Inbox {
    /// The tasks waiting for `user`, from the cache when fresh.
    pub async fn tasks(
        &self,
        areas: Areas,
        db: &Db,
        user: UserId,
        caller: &Caller,
    ) -> Result<Arc<Vec<Task>>, AppError> {
        if let Some(tasks) = self.cached(user) {
            return Ok(tasks);
        }
        let tasks = Arc::new(count_now(areas, db, caller).await?);
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= MAX_USERS {
            cache.retain(|_, (made, _)| made.elapsed() < KEEP);
        }
        cache.insert(user, (Instant::now(), tasks.clone()));
        Ok(tasks)
    }

    fn cached(&self, user: UserId) -> Option<Arc<Vec<Task>>> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .get(&user)
            .filter(|(made, _)| made.elapsed() < KEEP)
            .map(|(_, t)| t.clone())
    }

    /// Forgets every cached count (after any change).
    pub fn forget(&self) {
        self.cache.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

/// The tasks waiting for `caller`, counted now in every area.
pub async fn count_now(areas: Areas, db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let mut tasks = Vec::new();
    for pending in areas.iter().filter_map(|a| a.pending) {
        tasks.extend(
            pending(db, caller)
                .await?
                .into_iter()
                .filter(|t| t.count > 0),
        );
    }
    Ok(tasks)
}

/// The sum of the counts of `tasks` shown on the navigation entry `href`.
pub fn count_for(tasks: &[Task], href: &str) -> i64 {
    tasks
        .iter()
        .filter(|t| t.nav_href == href)
        .map(|t| t.count)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(nav: &str, count: i64) -> Task {
        Task {
            area: "学籍管理".into(),
            label: "转学申请待确认".into(),
            count,
            href: format!("{nav}?x"),
            nav_href: nav.into(),
        }
    }

    #[test]
    fn badges_add_up_per_navigation_entry() {
        let tasks = [
            task("/students", 2),
            task("/dropout", 5),
            task("/students", 3),
        ];
        assert_eq!(count_for(&tasks, "/students"), 5);
        assert_eq!(count_for(&tasks, "/dropout"), 5);
        assert_eq!(count_for(&tasks, "/aid"), 0);
    }

    #[test]
    fn forgetting_empties_the_cache() {
        let inbox = Inbox::default();
        inbox
            .cache
            .lock()
            .expect("lock")
            .insert(UserId(1), (Instant::now(), Arc::new(vec![task("/aid", 1)])));
        assert_eq!(inbox.cached(UserId(1)).map(|t| t.len()), Some(1));
        assert!(inbox.cached(UserId(2)).is_none());
        inbox.forget();
        assert!(inbox.cached(UserId(1)).is_none());
    }
}
