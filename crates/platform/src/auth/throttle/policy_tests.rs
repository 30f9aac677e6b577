use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use proptest::prelude::*;

use super::*;

const S: Duration = Duration::from_secs(1);

fn rule() -> Rule {
    Rule {
        free: 3,
        first_wait: 10 * S,
        max_wait: 100 * S,
        forget_after: 1000 * S,
    }
}

fn strikes(failures: u32, last_secs: u64) -> Strikes {
    Strikes {
        failures,
        last: Duration::from_secs(last_secs),
    }
}

#[test]
fn no_wait_below_the_free_failures_then_doubling_up_to_the_cap() {
    let r = rule();
    let waits: Vec<u64> = (0..9).map(|n| r.wait(n).as_secs()).collect();
    assert_eq!(waits, [0, 0, 0, 10, 20, 40, 80, 100, 100]);
    assert_eq!(r.wait(u32::MAX), 100 * S, "no overflow at any count");
    let uncapped = Rule {
        max_wait: Duration::MAX,
        ..r
    };
    assert_eq!(uncapped.wait(3 + 31), 10 * S * (1 << 31));
    assert_eq!(uncapped.wait(3 + 40), 10 * S * (1 << 31));
}

#[test]
fn a_quiet_key_is_forgotten_exactly_after_the_window() {
    let r = rule();
    let s = strikes(7, 50);
    assert_eq!(r.current(s, Duration::from_secs(50)), s);
    assert_eq!(r.current(s, Duration::from_secs(1049)), s);
    assert_eq!(
        r.current(s, Duration::from_millis(1_049_999)),
        s,
        "kept just before the window ends"
    );
    assert_eq!(r.current(s, Duration::from_secs(1050)), Strikes::default());
    assert_eq!(r.current(s, Duration::from_secs(5000)), Strikes::default());
    // A clock that seems to go back never forgets early.
    assert_eq!(r.current(s, Duration::from_secs(10)), s);
}

#[test]
fn blocked_until_the_wait_after_the_last_failure_has_passed() {
    let r = rule();
    let s = strikes(3, 100);
    assert_eq!(r.blocked_for(s, Duration::from_secs(100)), Some(10 * S));
    assert_eq!(r.blocked_for(s, Duration::from_secs(104)), Some(6 * S));
    assert_eq!(
        r.blocked_for(s, Duration::from_millis(109_999)),
        Some(Duration::from_millis(1))
    );
    assert_eq!(r.blocked_for(s, Duration::from_secs(110)), None);
    assert_eq!(
        r.blocked_for(strikes(2, 100), Duration::from_secs(100)),
        None
    );
    assert_eq!(r.blocked_for(Strikes::default(), Duration::ZERO), None);
    // A forgotten key holds nothing back, even inside its wait.
    let forgetful = Rule {
        forget_after: 5 * S,
        ..r
    };
    assert_eq!(
        forgetful.blocked_for(s, Duration::from_secs(104)),
        Some(6 * S)
    );
    assert_eq!(forgetful.blocked_for(s, Duration::from_secs(105)), None);
}

#[test]
fn a_failure_counts_one_and_restarts_after_a_quiet_spell() {
    let r = rule();
    assert_eq!(r.fail(strikes(2, 5), Duration::from_secs(9)), strikes(3, 9));
    assert_eq!(
        r.fail(strikes(9, 5), Duration::from_secs(2000)),
        strikes(1, 2000)
    );
    assert_eq!(
        r.fail(strikes(u32::MAX, 5), Duration::from_secs(6)),
        strikes(u32::MAX, 6)
    );
}

#[test]
fn forgiving_takes_one_back_and_keeps_the_time() {
    let r = rule();
    assert_eq!(r.forgive(strikes(4, 70)), strikes(3, 70));
    assert_eq!(r.forgive(strikes(0, 70)), strikes(0, 70));
}

#[test]
fn forgotten_means_nothing_left_to_hold_back() {
    let r = rule();
    assert!(r.forgotten(Strikes::default(), Duration::from_secs(3)));
    assert!(!r.forgotten(strikes(1, 3), Duration::from_secs(3)));
    assert!(!r.forgotten(strikes(1, 3), Duration::from_secs(1002)));
    assert!(r.forgotten(strikes(1, 3), Duration::from_secs(1003)));
}

#[test]
fn the_default_policy() {
    let p = Policy::default();
    let min = |m: u64| Duration::from_secs(60 * m);
    assert_eq!(
        (p.pair.free, p.pair.first_wait),
        (5, Duration::from_secs(30))
    );
    assert_eq!((p.address.free, p.address.first_wait), (20, 10 * S));
    assert_eq!((p.account.free, p.account.first_wait), (100, 10 * S));
    for r in [p.pair, p.address, p.account] {
        assert_eq!(r.max_wait, min(15));
        assert_eq!(r.forget_after, min(60));
    }
}

#[test]
fn account_keys_ignore_case_spaces_and_overlong_tails() {
    assert_eq!(account_key("  Admin\t"), "admin");
    assert_eq!(account_key("张老师"), "张老师");
    let long = "X".repeat(200);
    assert_eq!(account_key(&long), "x".repeat(MAX_NAME_CHARS));
    assert_eq!(account_key(""), "");
}

#[test]
fn ipv6_clients_count_by_their_64_prefix() {
    let v6 = |s: &str| Some(IpAddr::V6(s.parse::<Ipv6Addr>().expect("v6")));
    let v4 = Some(IpAddr::V4(Ipv4Addr::new(10, 1, 2, 3)));
    assert_eq!(address_key(None), None);
    assert_eq!(address_key(v4), v4);
    assert_eq!(address_key(v6("::ffff:10.1.2.3")), v4);
    assert_eq!(
        address_key(v6("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
        v6("2001:db8:1:2::")
    );
    assert_eq!(
        address_key(v6("2001:db8:1:2::1")),
        address_key(v6("2001:db8:1:2:ffff:ffff:ffff:ffff"))
    );
    assert_ne!(
        address_key(v6("2001:db8:1:2::1")),
        address_key(v6("2001:db8:1:3::1"))
    );
}

fn any_rule() -> impl Strategy<Value = Rule> {
    (0u32..10, 1u64..100, 1u64..10_000, 1u64..100_000).prop_map(|(free, first, max, forget)| Rule {
        free,
        first_wait: Duration::from_secs(first),
        max_wait: Duration::from_secs(max),
        forget_after: Duration::from_secs(forget),
    })
}

proptest! {
    #[test]
    fn waits_grow_and_stay_under_the_cap(r in any_rule(), n in 0u32..200) {
        prop_assert!(r.wait(n) <= r.wait(n + 1));
        prop_assert!(r.wait(n) <= r.max_wait);
        prop_assert_eq!(r.wait(n).is_zero(), n < r.free);
    }

    /// A guesser who tries whenever allowed, at any moments, never gets more
    /// than the free failures plus one per wait.
    #[test]
    fn a_persistent_guesser_is_slowed_down(
        r in any_rule(),
        gaps in proptest::collection::vec(0u64..2_000, 1..200),
    ) {
        let mut s = Strikes::default();
        let mut now = Duration::from_secs(1);
        for gap in gaps {
            now += Duration::from_secs(gap);
            let before = r.current(s, now);
            match r.blocked_for(s, now) {
                Some(left) => {
                    prop_assert!(before.failures >= r.free);
                    prop_assert!(left <= r.wait(before.failures));
                }
                None => {
                    prop_assert!(before.failures < r.free || now >= before.last + r.wait(before.failures));
                    s = r.fail(s, now);
                    prop_assert_eq!(s.failures, before.failures + 1);
                    prop_assert_eq!(r.blocked_for(s, now).is_some(), s.failures >= r.free);
                    prop_assert_eq!(r.forgive(s).failures, before.failures);
                }
            }
        }
    }
}
