//! The work inbox (待办事项): what waits for a user, gathered from every
//! area's pending tasks, shown on the home page and as counts in the
//! navigation. Counts are kept per user for a short while and forgotten as
//! soon as anyone changes anything, so acting on a task updates the inbox
//! at once.
//!
//! Counting can take a second on a large district (it asks every area), so
//! a user's pages never count twice at once: the first request counts, the
//! others wait for its result. Counts older than [`KEEP`] (but not
//! forgotten) are still shown while one request recounts them in the
//! background, for up to [`STALE`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
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

/// How long counts are fresh.
pub const KEEP: Duration = Duration::from_secs(60);
/// How long counts that are no longer fresh are shown while recounting.
pub const STALE: Duration = Duration::from_secs(600);
const MAX_USERS: usize = 10_000;

/// One user's tasks and when they were counted.
type Counted = (Instant, Arc<Vec<Task>>);

/// A user's gate: whoever holds it is counting that user's tasks.
type Gate = Arc<tokio::sync::Mutex<()>>;

/// The per-user cache of tasks.
#[derive(Default)]
pub struct Inbox {
    cache: Mutex<HashMap<UserId, Counted>>,
    gates: Mutex<HashMap<UserId, Gate>>,
    /// Bumped by every [`Inbox::forget`]: a count that began before a
    /// change is not kept.
    generation: AtomicU64,
}

/// What the cache holds for a user.
enum Cached {
    Fresh(Arc<Vec<Task>>),
    Stale(Arc<Vec<Task>>),
    Missing,
}

impl Inbox {
    /// The tasks waiting for `user`: from the cache when fresh; the stale
    /// counts while a background task recounts; otherwise counted now, once
    /// however many of the user's requests ask at the same time.
    pub async fn tasks(
        self: &Arc<Self>,
        areas: Areas,
        db: &Db,
        user: UserId,
        caller: &Caller,
    ) -> Result<Arc<Vec<Task>>, AppError> {
        match self.cached(user) {
            Cached::Fresh(tasks) => Ok(tasks),
            Cached::Stale(tasks) => {
                if let Ok(guard) = self.gate(user).try_lock_owned() {
                    let (inbox, db, caller) = (self.clone(), db.clone(), caller.clone());
                    tokio::spawn(async move {
                        let _counting = guard;
                        if let Err(e) = inbox.count(areas, &db, user, &caller).await {
                            tracing::warn!("recounting the inbox failed: {e}");
                        }
                    });
                }
                Ok(tasks)
            }
            Cached::Missing => {
                let gate = self.gate(user);
                let _counting = gate.lock().await;
                // Whoever held the gate before may have counted already.
                if let Cached::Fresh(tasks) = self.cached(user) {
                    return Ok(tasks);
                }
                self.count(areas, db, user, caller).await
            }
        }
    }

    /// Counts `user`'s tasks now and keeps them, unless something changed
    /// meanwhile.
    async fn count(
        &self,
        areas: Areas,
        db: &Db,
        user: UserId,
        caller: &Caller,
    ) -> Result<Arc<Vec<Task>>, AppError> {
        let generation = self.generation.load(Ordering::SeqCst);
        let tasks = Arc::new(count_now(areas, db, caller).await?);
        let mut cache = self.lock_cache();
        if self.generation.load(Ordering::SeqCst) == generation {
            if cache.len() >= MAX_USERS {
                cache.retain(|_, (made, _)| made.elapsed() < KEEP);
            }
            cache.insert(user, (Instant::now(), tasks.clone()));
        }
        Ok(tasks)
    }

    fn gate(&self, user: UserId) -> Gate {
        let mut gates = self.gates.lock().unwrap_or_else(|p| p.into_inner());
        if gates.len() >= MAX_USERS {
            // Only gates nobody holds or waits for.
            gates.retain(|_, g| Arc::strong_count(g) > 1);
        }
        gates.entry(user).or_default().clone()
    }

    fn lock_cache(&self) -> MutexGuard<'_, HashMap<UserId, Counted>> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn cached(&self, user: UserId) -> Cached {
        match self.lock_cache().get(&user) {
            Some((made, t)) if made.elapsed() < KEEP => Cached::Fresh(t.clone()),
            Some((made, t)) if made.elapsed() < STALE => Cached::Stale(t.clone()),
            _ => Cached::Missing,
        }
    }

    /// Forgets every cached count (after any change).
    pub fn forget(&self) {
        let mut cache = self.lock_cache();
        self.generation.fetch_add(1, Ordering::SeqCst);
        cache.clear();
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
        assert!(matches!(inbox.cached(UserId(1)), Cached::Fresh(t) if t.len() == 1));
        assert!(matches!(inbox.cached(UserId(2)), Cached::Missing));
        inbox.forget();
        assert!(matches!(inbox.cached(UserId(1)), Cached::Missing));
    }

    /// An area whose pending tasks take 50 ms to count and count how often
    /// they were counted.
    static COUNTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    fn slow_pending<'a>(_: &'a Db, _: &'a Caller) -> BoxFuture<'a, Result<Vec<Task>, AppError>> {
        Box::pin(async {
            let n = COUNTED.fetch_add(1, Ordering::SeqCst) as i64 + 1;
            tokio::time::sleep(Duration::from_millis(50)).await;
            Ok(vec![task("/aid", n)])
        })
    }

    static SLOW: super::super::Area = super::super::Area {
        pending: Some(slow_pending),
        ..super::super::Area::new("slow", "慢")
    };
    static AREAS: &[&super::super::Area] = &[&SLOW];

    fn db() -> Db {
        Db::Sqlite(sqlx::sqlite::SqlitePool::connect_lazy("sqlite::memory:").expect("pool"))
    }

    fn counted(tasks: &[Task]) -> i64 {
        tasks[0].count
    }

    /// The tests below share COUNTED; they run one at a time.
    static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    #[tokio::test]
    async fn a_users_pages_count_once_however_many_ask_at_once() {
        let _serial = SERIAL.lock().await;
        let inbox = Arc::new(Inbox::default());
        let (db, caller) = (db(), Caller::system("test"));
        let before = COUNTED.load(Ordering::SeqCst);
        let mut asks = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (inbox, db, caller) = (inbox.clone(), db.clone(), caller.clone());
            asks.spawn(async move { inbox.tasks(Areas(AREAS), &db, UserId(7), &caller).await });
        }
        let all = asks.join_all().await;
        assert_eq!(COUNTED.load(Ordering::SeqCst) - before, 1);
        let first = counted(all[0].as_ref().expect("tasks"));
        assert!(all
            .iter()
            .all(|t| counted(t.as_ref().expect("tasks")) == first));
    }

    #[tokio::test]
    async fn stale_counts_are_shown_while_they_are_recounted() {
        let _serial = SERIAL.lock().await;
        let inbox = Arc::new(Inbox::default());
        let (db, caller) = (db(), Caller::system("test"));
        let old = Instant::now() - KEEP - Duration::from_secs(1);
        inbox
            .lock_cache()
            .insert(UserId(7), (old, Arc::new(vec![task("/aid", -1)])));
        let shown = inbox
            .tasks(Areas(AREAS), &db, UserId(7), &caller)
            .await
            .expect("tasks");
        assert_eq!(counted(&shown), -1, "the stale counts, at once");
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = inbox
            .tasks(Areas(AREAS), &db, UserId(7), &caller)
            .await
            .expect("tasks");
        assert!(counted(&now) > 0, "recounted in the background");
        assert!(matches!(inbox.cached(UserId(7)), Cached::Fresh(_)));
    }

    #[tokio::test]
    async fn counts_too_old_are_counted_again_before_showing() {
        let _serial = SERIAL.lock().await;
        let inbox = Arc::new(Inbox::default());
        let (db, caller) = (db(), Caller::system("test"));
        let old = Instant::now() - STALE - Duration::from_secs(1);
        inbox
            .lock_cache()
            .insert(UserId(7), (old, Arc::new(vec![task("/aid", -1)])));
        let shown = inbox
            .tasks(Areas(AREAS), &db, UserId(7), &caller)
            .await
            .expect("tasks");
        assert!(counted(&shown) > 0);
    }

    #[tokio::test]
    async fn a_count_begun_before_a_change_is_not_kept() {
        let _serial = SERIAL.lock().await;
        let inbox = Arc::new(Inbox::default());
        let (db, caller) = (db(), Caller::system("test"));
        let counting = inbox.tasks(Areas(AREAS), &db, UserId(7), &caller);
        let forgetting = async {
            tokio::time::sleep(Duration::from_millis(10)).await;
            inbox.forget();
        };
        let (tasks, ()) = tokio::join!(counting, forgetting);
        assert!(
            counted(&tasks.expect("tasks")) > 0,
            "the caller still gets its count"
        );
        assert!(matches!(inbox.cached(UserId(7)), Cached::Missing));
    }
}
