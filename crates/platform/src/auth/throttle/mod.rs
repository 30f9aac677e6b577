//! Sign-in throttling (登录限流), kept in memory.
//!
//! Why memory and not the database: a refused attempt then costs no write,
//! so a flood of guesses cannot turn into a flood of database writes, and
//! the counters need no schema. The price is that a restart forgets them,
//! which gives a guesser one fresh allowance per restart, and that several
//! servers in front of one database would each count on their own. Each
//! table is bounded ([`CAPACITY`] keys); when one is full, keys that hold
//! nothing back go first, then the longest quiet ones.
//!
//! An attempt is counted as a failure *before* the password is checked and
//! taken back if it was right, so that parallel guesses cannot slip through
//! between the check and the count.

pub mod policy;

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use policy::{Policy, Rule, Strikes};

/// Most keys one table holds.
pub const CAPACITY: usize = 50_000;

/// The counters of one kind of key.
struct Ledger<K> {
    rule: Rule,
    map: HashMap<K, Strikes>,
    capacity: usize,
}

impl<K: Hash + Eq + Clone> Ledger<K> {
    fn new(rule: Rule, capacity: usize) -> Self {
        Ledger {
            rule,
            map: HashMap::new(),
            capacity,
        }
    }

    fn blocked_for(&self, key: &K, now: Duration) -> Option<Duration> {
        self.map
            .get(key)
            .and_then(|s| self.rule.blocked_for(*s, now))
    }

    /// Counts a failure; returns the wait it now imposes.
    fn fail(&mut self, key: &K, now: Duration) -> Duration {
        if !self.map.contains_key(key) {
            self.make_room(now);
        }
        let s = self
            .rule
            .fail(self.map.get(key).copied().unwrap_or_default(), now);
        self.map.insert(key.clone(), s);
        self.rule.wait(s.failures)
    }

    fn forgive(&mut self, key: &K) {
        if let Some(s) = self.map.get_mut(key) {
            *s = self.rule.forgive(*s);
        }
    }

    fn clear(&mut self, key: &K) {
        self.map.remove(key);
    }

    fn make_room(&mut self, now: Duration) {
        if self.map.len() < self.capacity {
            return;
        }
        let rule = self.rule;
        self.map.retain(|_, s| !rule.forgotten(*s, now));
        if self.map.len() < self.capacity {
            return;
        }
        // Still full of live keys: drop the quietest eighth.
        let mut lasts: Vec<Duration> = self.map.values().map(|s| s.last).collect();
        let cut = lasts.len() / 8;
        let (_, threshold, _) = lasts.select_nth_unstable(cut);
        let threshold = *threshold;
        self.map.retain(|_, s| s.last > threshold);
    }
}

struct Ledgers {
    pair: Ledger<(String, Option<IpAddr>)>,
    address: Ledger<Option<IpAddr>>,
    account: Ledger<String>,
}

/// The throttle of one server.
pub struct LoginThrottle {
    epoch: Instant,
    ledgers: Mutex<Ledgers>,
}

/// An attempt let through and already counted as a failure.
#[derive(Debug)]
pub struct Attempt {
    account: String,
    address: Option<IpAddr>,
    /// If the password is wrong: the longest wait this failure imposes on
    /// the account name, the address or both (zero: none yet).
    pub wait_if_wrong: Duration,
}

impl LoginThrottle {
    pub fn new(policy: Policy) -> Self {
        Self::with_capacity(policy, CAPACITY)
    }

    fn with_capacity(policy: Policy, capacity: usize) -> Self {
        LoginThrottle {
            epoch: Instant::now(),
            ledgers: Mutex::new(Ledgers {
                pair: Ledger::new(policy.pair, capacity),
                address: Ledger::new(policy.address, capacity),
                account: Ledger::new(policy.account, capacity),
            }),
        }
    }

    fn now(&self) -> Duration {
        self.epoch.elapsed()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ledgers> {
        self.ledgers.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lets an attempt on `typed_name` from `ip` through (counting it as a
    /// failure until [`Self::succeeded`]) or says how long it must wait.
    pub fn begin(&self, typed_name: &str, ip: Option<IpAddr>) -> Result<Attempt, Duration> {
        self.begin_at(typed_name, ip, self.now())
    }

    fn begin_at(
        &self,
        typed_name: &str,
        ip: Option<IpAddr>,
        now: Duration,
    ) -> Result<Attempt, Duration> {
        let account = policy::account_key(typed_name);
        let address = policy::address_key(ip);
        let pair = (account.clone(), address);
        let mut l = self.lock();
        let waits = [
            l.pair.blocked_for(&pair, now),
            l.address.blocked_for(&address, now),
            l.account.blocked_for(&account, now),
        ];
        if let Some(wait) = waits.into_iter().flatten().max() {
            return Err(wait);
        }
        let wait_if_wrong = [
            l.pair.fail(&pair, now),
            l.address.fail(&address, now),
            l.account.fail(&account, now),
        ]
        .into_iter()
        .max()
        .unwrap_or_default();
        Ok(Attempt {
            account,
            address,
            wait_if_wrong,
        })
    }

    /// The password was right: the name's counter from this address starts
    /// again, and the failure counted in advance is taken back from the
    /// others (which keep counting, so a guesser cannot clear an address by
    /// signing in to an account of their own in between).
    pub fn succeeded(&self, a: Attempt) {
        let mut l = self.lock();
        l.pair.clear(&(a.account.clone(), a.address));
        l.address.forgive(&a.address);
        l.account.forgive(&a.account);
    }
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self::new(Policy::default())
    }
}

#[cfg(test)]
#[path = "throttle_tests.rs"]
mod tests;
