//! Sign-in throttling over HTTP: repeated failures slow down one name from
//! one address, without telling known names from unknown ones and without
//! keeping the real user out from elsewhere.

use reqwest::StatusCode;
use serde_json::Value;

use crate::both_backends;
use crate::common::{spawn_app, spawn_app_behind_proxy, Backend, Client};

const REFUSED: &str = "用户名或密码错误，或尝试过于频繁，请稍后再试";

async fn answer(c: &mut Client, username: &str, password: &str) -> (StatusCode, Value) {
    let r = c.api_login(username, password).await;
    let s = r.status();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn throttle_entries(app: &crate::common::TestApp) -> Vec<Value> {
    let admin = app.login("admin").await;
    let (_, log) = admin.get_json("/api/v1/audit?action=throttle").await;
    log.as_array().expect("entries").clone()
}

both_backends!(
    unknown_and_throttled_known_names_get_the_same_answer,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.client();
        let (s, unknown) = answer(&mut c, "nobody", "wrong-password").await;
        let (_, wrong) = answer(&mut c, "jijiao", "wrong-password").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        assert_eq!(
            unknown, wrong,
            "an unknown name answers like a wrong password"
        );
        assert_eq!(unknown["message"], REFUSED);
        for _ in 0..4 {
            assert_eq!(
                answer(&mut c, "nobody", "wrong-password").await,
                (s, unknown.clone())
            );
            assert_eq!(
                answer(&mut c, "jijiao", "wrong-password").await,
                (s, unknown.clone())
            );
        }
        // Both names are now throttled from this address: the right password
        // is refused in the very same words as an unknown name.
        let throttled_known = answer(&mut c, "jijiao", "district").await;
        let throttled_unknown = answer(&mut c, "nobody", "district").await;
        assert_eq!(throttled_known, (StatusCode::UNAUTHORIZED, unknown.clone()));
        assert_eq!(throttled_unknown, throttled_known);
        // The form says the same.
        let page = c.get("/login").await;
        let cookie = crate::common::set_cookie_header(&page, "edb_form_csrf").expect("cookie");
        let token = cookie
            .split(';')
            .next()
            .and_then(|p| p.split_once('='))
            .expect("value")
            .1;
        let r = c
            .http
            .post(app.url("/login"))
            .header("cookie", format!("edb_form_csrf={token}"))
            .form(&[
                ("username", "jijiao"),
                ("password", "district"),
                ("_csrf", token),
            ])
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert!(r.text().await.expect("body").contains(REFUSED));
        // Other names from the same address are unaffected.
        assert_eq!(
            c.api_login("admin", "district").await.status(),
            StatusCode::OK
        );
        // Each name's fifth failure is a security event in the audit log.
        let entries = throttle_entries(&app).await;
        assert_eq!(entries.len(), 2, "{entries:?}");
        for e in &entries {
            assert!(e["summary"]
                .as_str()
                .is_some_and(|s| s.contains("登录失败次数过多")));
            assert!(e["ip"].as_str().is_some_and(|ip| ip.starts_with("127.")));
        }
        let known: Vec<&Value> = entries
            .iter()
            .filter(|e| !e["entity_id"].is_null())
            .collect();
        assert_eq!(known.len(), 1, "only jijiao exists");
    }
);

both_backends!(
    the_right_password_before_the_limit_starts_afresh,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.client();
        // Twice four wrong passwords, each run ended by the right one.
        for round in 0..2 {
            for _ in 0..4 {
                let r = c.api_login("zizhu", "wrong").await;
                assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
            }
            let r = c.api_login("zizhu", "district").await;
            assert_eq!(r.status(), StatusCode::OK, "round {round}");
        }
        assert!(throttle_entries(&app).await.is_empty());
    }
);

both_backends!(
    a_guesser_elsewhere_does_not_keep_the_user_out,
    |b: Backend| async move {
        let app = spawn_app_behind_proxy(b).await;
        let mut attacker = app.client();
        attacker.forwarded_for = Some("203.0.113.5".into());
        for _ in 0..8 {
            let (s, body) = answer(&mut attacker, "jijiao", "guess").await;
            assert_eq!(
                (s, body["message"].as_str()),
                (StatusCode::UNAUTHORIZED, Some(REFUSED))
            );
        }
        assert_eq!(
            attacker.api_login("jijiao", "district").await.status(),
            StatusCode::UNAUTHORIZED,
            "the guesser's address waits"
        );
        let mut user = app.client();
        user.forwarded_for = Some("198.51.100.7".into());
        assert_eq!(
            user.api_login("jijiao", "district").await.status(),
            StatusCode::OK
        );
        let entries = throttle_entries(&app).await;
        assert!(!entries.is_empty());
        assert!(
            entries.iter().all(|e| e["ip"] == "203.0.113.5"),
            "{entries:?}"
        );
    }
);

both_backends!(
    a_forwarded_address_counts_only_behind_a_trusted_proxy,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.client();
        for n in 0..5 {
            c.forwarded_for = Some(format!("198.51.100.{n}"));
            assert_eq!(
                c.api_login("minban", "guess").await.status(),
                StatusCode::UNAUTHORIZED
            );
        }
        c.forwarded_for = Some("192.0.2.77".into());
        assert_eq!(
            c.api_login("minban", "district").await.status(),
            StatusCode::UNAUTHORIZED,
            "a client cannot choose its address by a header"
        );
    }
);
