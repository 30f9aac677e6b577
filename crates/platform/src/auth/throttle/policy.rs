//! The rules of sign-in throttling (登录限流), as plain functions over
//! counters and instants, with no clock and no storage.
//!
//! Failed sign-ins are counted against three keys: the account name as typed
//! together with the client address, the client address alone, and the
//! account name alone (a much higher ceiling, for attacks spread over many
//! addresses). Past a key's free failures every further attempt waits, and
//! the wait doubles with each failure up to a cap. Keys are built from what
//! was typed, never from whether the account exists, so an unknown name is
//! throttled exactly like a known one.

use std::net::IpAddr;
use std::time::Duration;

/// Failures counted against one key and when the last one happened
/// (`last` is an instant measured from any fixed origin).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strikes {
    pub failures: u32,
    pub last: Duration,
}

/// How one kind of key is throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Failures allowed before any wait.
    pub free: u32,
    /// The wait once `free` failures are reached; each further failure
    /// doubles it.
    pub first_wait: Duration,
    pub max_wait: Duration,
    /// A key without a failure for this long starts again from zero.
    pub forget_after: Duration,
}

impl Rule {
    /// How long after the last failure the next attempt must wait.
    pub fn wait(&self, failures: u32) -> Duration {
        if failures < self.free {
            return Duration::ZERO;
        }
        let doublings = (failures - self.free).min(31);
        self.first_wait
            .saturating_mul(1u32 << doublings)
            .min(self.max_wait)
    }

    /// The counter as it stands at `now`: forgotten after a quiet spell.
    pub fn current(&self, s: Strikes, now: Duration) -> Strikes {
        if now.saturating_sub(s.last) >= self.forget_after {
            Strikes::default()
        } else {
            s
        }
    }

    /// How much longer attempts on this key are refused (`None`: not at all).
    pub fn blocked_for(&self, s: Strikes, now: Duration) -> Option<Duration> {
        let s = self.current(s, now);
        let until = s.last.saturating_add(self.wait(s.failures));
        (until > now).then(|| until - now)
    }

    /// The counter after one more failure at `now`.
    pub fn fail(&self, s: Strikes, now: Duration) -> Strikes {
        Strikes {
            failures: self.current(s, now).failures.saturating_add(1),
            last: now,
        }
    }

    /// The counter with one failure taken back (an attempt counted in
    /// advance that turned out to be right).
    pub fn forgive(&self, s: Strikes) -> Strikes {
        Strikes {
            failures: s.failures.saturating_sub(1),
            last: s.last,
        }
    }

    /// Whether the key can be dropped: it no longer holds anything back.
    pub fn forgotten(&self, s: Strikes, now: Duration) -> bool {
        self.current(s, now) == Strikes::default()
    }
}

/// The three rules together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// One account name from one address: the usual guessing attack.
    pub pair: Rule,
    /// One address, whatever names it tries.
    pub address: Rule,
    /// One account name from anywhere: high, so that an attacker on a few
    /// addresses cannot keep the real user out.
    pub account: Rule,
}

const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);

impl Default for Policy {
    fn default() -> Self {
        Policy {
            pair: Rule {
                free: 5,
                first_wait: Duration::from_secs(30),
                max_wait: 15 * MINUTE,
                forget_after: HOUR,
            },
            address: Rule {
                free: 20,
                first_wait: Duration::from_secs(10),
                max_wait: 15 * MINUTE,
                forget_after: HOUR,
            },
            account: Rule {
                free: 100,
                first_wait: Duration::from_secs(10),
                max_wait: 15 * MINUTE,
                forget_after: HOUR,
            },
        }
    }
}

/// Longest kept part of a typed account name (bounds the memory a key takes).
pub const MAX_NAME_CHARS: usize = 64;

/// The key of an account name as typed: trimmed, lower-cased and cut to
/// [`MAX_NAME_CHARS`], so variants of one name share a counter.
pub fn account_key(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .take(MAX_NAME_CHARS)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key of a client address. An IPv6 client usually holds a whole /64,
/// so its address counts by that prefix; an IPv4 address written as IPv6
/// counts as the IPv4 address.
pub fn address_key(ip: Option<IpAddr>) -> Option<IpAddr> {
    ip.map(|ip| match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(prefix.into())
            }
        },
    })
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
