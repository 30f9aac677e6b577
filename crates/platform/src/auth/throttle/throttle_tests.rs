use std::net::IpAddr;
use std::time::Duration;

use super::*;

const S: Duration = Duration::from_secs(1);

fn ip(s: &str) -> Option<IpAddr> {
    Some(s.parse().expect("address"))
}

fn at(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

/// `n` wrong passwords for `name` from `from`, one a second from `start`.
fn fail_n(t: &LoginThrottle, name: &str, from: Option<IpAddr>, n: u64, start: u64) {
    for i in 0..n {
        let a = t.begin_at(name, from, at(start + i));
        assert!(a.is_ok(), "attempt {i} for {name} is let through");
    }
}

#[test]
fn a_guesser_on_one_address_does_not_keep_the_user_out_from_another() {
    let t = LoginThrottle::default();
    let attacker = ip("203.0.113.9");
    fail_n(&t, "jijiao", attacker, 5, 0);
    assert_eq!(t.begin_at("jijiao", attacker, at(5)).err(), Some(29 * S));
    assert_eq!(t.begin_at("JiJiao ", attacker, at(5)).err(), Some(29 * S));
    let user = t
        .begin_at("jijiao", ip("198.51.100.7"), at(6))
        .expect("the user");
    assert_eq!(user.wait_if_wrong, Duration::ZERO);
    t.succeeded(user);
    // The attacker's wait doubles with each further failure.
    assert!(t.begin_at("jijiao", attacker, at(33)).is_err());
    let a = t
        .begin_at("jijiao", attacker, at(34))
        .expect("after the wait");
    assert_eq!(a.wait_if_wrong, 60 * S);
    assert_eq!(t.begin_at("jijiao", attacker, at(35)).err(), Some(59 * S));
}

#[test]
fn the_wait_is_announced_with_the_failure_that_starts_it() {
    let t = LoginThrottle::default();
    let from = ip("10.0.0.1");
    for i in 0..4 {
        let a = t.begin_at("nobody", from, at(i)).expect("let through");
        assert_eq!(a.wait_if_wrong, Duration::ZERO, "attempt {i}");
    }
    let fifth = t.begin_at("nobody", from, at(4)).expect("let through");
    assert_eq!(fifth.wait_if_wrong, 30 * S);
}

#[test]
fn one_address_trying_many_names_is_slowed_down() {
    let t = LoginThrottle::default();
    let from = ip("10.0.0.2");
    for n in 0..20 {
        assert!(t.begin_at(&format!("user{n}"), from, at(n)).is_ok());
    }
    assert_eq!(t.begin_at("user99", from, at(20)).err(), Some(9 * S));
    assert!(t.begin_at("user99", ip("10.0.0.3"), at(20)).is_ok());
}

#[test]
fn one_name_tried_from_many_addresses_meets_a_high_ceiling() {
    let t = LoginThrottle::default();
    for n in 0..100u64 {
        let from = Some(IpAddr::from([10, 1, (n / 256) as u8, (n % 256) as u8]));
        assert!(t.begin_at("admin", from, at(n)).is_ok(), "address {n}");
    }
    assert_eq!(
        t.begin_at("admin", ip("192.0.2.1"), at(100)).err(),
        Some(9 * S)
    );
    assert!(t.begin_at("other", ip("192.0.2.1"), at(100)).is_ok());
}

#[test]
fn the_right_password_resets_its_pair_but_only_forgives_the_others() {
    let t = LoginThrottle::default();
    let from = ip("10.0.0.4");
    fail_n(&t, "zizhu", from, 4, 0);
    t.succeeded(t.begin_at("zizhu", from, at(4)).expect("right password"));
    fail_n(&t, "zizhu", from, 4, 5);
    assert_eq!(
        t.begin_at("zizhu", from, at(9))
            .expect("fifth")
            .wait_if_wrong,
        30 * S,
        "the pair counted afresh after the success"
    );
    // The address keeps its failures: 9 so far, the success taken back.
    for i in 0..10 {
        assert!(t.begin_at(&format!("x{i}"), from, at(10 + i)).is_ok());
    }
    let twentieth = t.begin_at("y", from, at(20)).expect("twentieth");
    assert_eq!(twentieth.wait_if_wrong, 10 * S);
    assert!(t.begin_at("z", from, at(21)).is_err());
}

#[test]
fn a_success_gives_back_the_account_failure_counted_in_advance() {
    let t = LoginThrottle::default();
    for n in 0..99u8 {
        assert!(t
            .begin_at("admin", Some(IpAddr::from([10, 2, 0, n])), at(0))
            .is_ok());
    }
    for n in 0..3u8 {
        let a = t.begin_at("admin", Some(IpAddr::from([10, 3, 0, n])), at(1));
        t.succeeded(a.expect("let through"));
    }
    let hundredth = t
        .begin_at("admin", ip("10.4.0.1"), at(2))
        .expect("let through");
    assert_eq!(hundredth.wait_if_wrong, 10 * S);
}

#[test]
fn a_quiet_hour_forgets_everything() {
    let t = LoginThrottle::default();
    let from = ip("10.0.0.5");
    fail_n(&t, "minban", from, 5, 0);
    assert!(t.begin_at("minban", from, at(10)).is_err());
    let a = t.begin_at("minban", from, at(3605)).expect("forgotten");
    assert_eq!(a.wait_if_wrong, Duration::ZERO);
}

#[test]
fn a_full_ledger_drops_spent_keys_first_then_the_quietest() {
    let rule = Policy::default().pair;
    let mut l: Ledger<u32> = Ledger::new(rule, 16);
    for k in 0..8 {
        l.fail(&k, at(0));
    }
    for k in 8..16 {
        l.fail(&k, at(3000));
    }
    l.fail(&99, at(3700));
    assert_eq!(l.map.len(), 9, "the spent keys went");
    assert!(l.map.contains_key(&8) && l.map.contains_key(&99));
    for k in 100..107 {
        l.fail(&k, at(3800 + u64::from(k)));
    }
    assert_eq!(l.map.len(), 16);
    l.fail(&8, at(3950));
    assert_eq!(l.map.len(), 16, "a known key needs no room");
    l.fail(&200, at(3950));
    assert!(l.map.len() <= 16);
    assert!(!l.map.contains_key(&9), "the quietest live key went");
    assert!(l.map.contains_key(&8) && l.map.contains_key(&200));
    assert!(l.map.contains_key(&106));
}

#[test]
fn the_throttle_uses_its_own_clock() {
    let t = LoginThrottle::default();
    let a = t.begin("admin", ip("10.9.9.9")).expect("first attempt");
    assert_eq!(a.wait_if_wrong, Duration::ZERO);
    t.succeeded(a);
    assert!(t.now() < Duration::from_secs(3600));
}
