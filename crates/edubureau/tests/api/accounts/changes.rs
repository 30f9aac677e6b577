//! Changing, disabling and enabling accounts and resetting passwords:
//! audited, refused when stale, and never locking the bureau out.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{audit_of, json_of, new_account, user_id};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    disabling_stops_sign_in_and_every_change_is_audited,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut admin = app.login("admin").await;
        let duxue = app.login("duxue").await;
        let id = user_id(&app, "duxue").await;
        let (_, acc) = admin.get_json(&format!("/api/v1/accounts/{id}")).await;
        let v = acc["version"].to_string();
        let r = admin
            .post_form(
                &format!("/accounts/{id}/status"),
                &[("version", v.as_str()), ("active", "false")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            duxue.get("/api/v1/session").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let mut again = app.client();
        assert_eq!(
            again.api_login("duxue", "district").await.status(),
            StatusCode::UNAUTHORIZED
        );

        let (s, acc) = admin
            .post_json(
                &format!("/api/v1/accounts/{id}/status"),
                &json!({"active": true, "version": acc["version"].as_i64().unwrap_or(0) + 1}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(acc["active"], true);
        assert_eq!(
            again.api_login("duxue", "district").await.status(),
            StatusCode::OK
        );

        let (s, acc) = admin
            .put_json(
                &format!("/api/v1/accounts/{id}"),
                &json!({"display_name": "督学 施老师", "role": "section", "section": "supervision", "version": acc["version"]}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{acc}");
        assert_eq!(acc["role_label"], "科室人员（督导室）");
        let (s, reset) = admin
            .post_json(
                &format!("/api/v1/accounts/{id}/password"),
                &json!({"version": acc["version"]}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let temporary = reset["temporary_password"]
            .as_str()
            .expect("made up")
            .to_string();
        assert_eq!(
            again.get("/api/v1/session").await.status(),
            StatusCode::UNAUTHORIZED,
            "signed out"
        );
        assert_eq!(
            again.api_login("duxue", "district").await.status(),
            StatusCode::UNAUTHORIZED
        );
        let r = again.api_login("duxue", &temporary).await;
        let me: Value = r.json().await.expect("json");
        assert_eq!(me["must_change_password"], true);

        let entries = audit_of(&admin, id).await;
        let actions: Vec<&str> = entries
            .iter()
            .filter(|e| e["action"] != "login")
            .map(|e| e["action"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(actions, ["disable", "enable", "update", "reset_password"]);
        let changes: Vec<&Value> = entries.iter().filter(|e| e["action"] != "login").collect();
        assert_eq!(json_of(changes[0], "before_json")["active"], true);
        assert_eq!(json_of(changes[0], "after_json")["active"], false);
        assert_eq!(json_of(changes[2], "before_json")["role"], "inspector");
        assert_eq!(json_of(changes[2], "after_json")["section"], "supervision");
        assert_eq!(
            json_of(changes[3], "after_json")["must_change_password"],
            true
        );
        for e in &changes {
            assert_eq!(e["username"], "admin");
            assert!(!e["after_json"].as_str().unwrap_or("").contains("argon2"));
        }
    }
);

both_backends!(stale_edits_are_refused, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut admin = app.login("admin").await;
    let id = user_id(&app, "zizhu").await;
    let (_, acc) = admin.get_json(&format!("/api/v1/accounts/{id}")).await;
    let old = acc["version"].as_i64().expect("version");
    let change = |name: &str, version: i64| json!({"display_name": name, "role": "section", "section": "aid_centre", "version": version});
    let (s, _) = admin
        .put_json(&format!("/api/v1/accounts/{id}"), &change("资助 甲", old))
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = admin
        .put_json(&format!("/api/v1/accounts/{id}"), &change("资助 乙", old))
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(body["message"]
        .as_str()
        .unwrap_or("")
        .contains("已被他人修改"));
    let old = old.to_string();
    let r = admin
        .post_form(
            &format!("/accounts/{id}"),
            &[
                ("display_name", "资助 丙"),
                ("role", "section:aid_centre"),
                ("institution", ""),
                ("version", old.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let (_, acc) = admin.get_json(&format!("/api/v1/accounts/{id}")).await;
    assert_eq!(acc["display_name"], "资助 甲");
});

both_backends!(
    leaders_cannot_lock_the_bureau_out,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut admin = app.login("admin").await;
        let me = user_id(&app, "admin").await;
        let (_, acc) = admin.get_json(&format!("/api/v1/accounts/{me}")).await;
        let (s, body) = admin
            .post_json(
                &format!("/api/v1/accounts/{me}/status"),
                &json!({"active": false, "version": acc["version"]}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(body["message"].as_str().unwrap_or("").contains("自己"));
        let demote =
            json!({"display_name": "陈局长", "role": "inspector", "version": acc["version"]});
        let (s, body) = admin
            .put_json(&format!("/api/v1/accounts/{me}"), &demote)
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(body["message"].as_str().unwrap_or("").contains("最后一个"));

        // With a second leader, stepping down is allowed (below).
        let (s, second) = admin
            .post_json("/api/v1/accounts", &json!({"username": "fujuzhang", "display_name": "副局长", "role": "leadership", "password": "deputy2026x"}))
            .await;
        assert_eq!(s, StatusCode::CREATED);
        assert!(second["temporary_password"].is_null());

        // The information centre manages accounts, but not leadership ones.
        let mut info = new_account(
            &app,
            &mut admin,
            "xinxi02",
            json!({"role": "section", "section": "information"}),
        )
        .await;
        let (s, _) = info
            .post_json(
                "/api/v1/accounts",
                &json!({"username": "boss2", "display_name": "x", "role": "leadership"}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let second_id = second["account"]["id"].as_i64().expect("id");
        let (_, boss) = info
            .get_json(&format!("/api/v1/accounts/{second_id}"))
            .await;
        let (s, _) = info
            .post_json(
                &format!("/api/v1/accounts/{second_id}/status"),
                &json!({"active": false, "version": boss["version"]}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = info
            .post_json(
                &format!("/api/v1/accounts/{second_id}/password"),
                &json!({"version": boss["version"]}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = info
            .post_json(
                "/api/v1/accounts",
                &json!({"username": "teacher9", "display_name": "教师", "role": "inspector"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, _) = admin
            .put_json(&format!("/api/v1/accounts/{me}"), &demote)
            .await;
        assert_eq!(
            s,
            StatusCode::OK,
            "a leader steps down while another remains"
        );
        assert_eq!(admin.get("/accounts").await.status(), StatusCode::FORBIDDEN);
    }
);
