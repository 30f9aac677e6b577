use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{set_cookie_header, spawn_app, spawn_app_with, Backend};

both_backends!(
    login_sets_a_strict_secure_http_only_cookie,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.client();
        let r = c.api_login("admin", "district").await;
        assert_eq!(r.status(), StatusCode::OK);
        let cookie = set_cookie_header(&r, "edb_session").expect("session cookie");
        for flag in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
            assert!(cookie.contains(flag), "{cookie} lacks {flag}");
        }
        let (s, me) = c.get_json("/api/v1/session").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(me["username"], "admin");
        assert_eq!(me["role"], "leadership");
        // The database keeps only a digest of the token.
        let token = c.session.clone().expect("token");
        let stored = app
            .db
            .scalar(
                platform::db::Sql::new("SELECT COUNT(*) FROM sessions WHERE id_hash = ")
                    .bind(token.as_str()),
            )
            .await
            .expect("query");
        assert_eq!(stored, 0, "the raw token must not be stored");
    }
);

both_backends!(
    personal_answers_are_not_stored_static_assets_may_be,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let admin = app.login("admin").await;
        let (s, list) = admin.get_json("/api/v1/students").await;
        assert_eq!(s, StatusCode::OK);
        let sid = list["items"][0]["id"].as_i64().expect("a student");
        let cache = |r: &reqwest::Response| {
            r.headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        for path in [
            format!("/students/{sid}"),
            "/students".into(),
            "/api/v1/students".into(),
            format!("/api/v1/students/{sid}"),
            "/accounts".into(),
        ] {
            let r = admin.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(cache(&r).as_deref(), Some("no-store"), "{path}");
        }
        // Refusals and pages without a session are not kept either.
        let anonymous = app.client();
        assert_eq!(
            cache(&anonymous.get("/api/v1/students").await).as_deref(),
            Some("no-store")
        );
        assert_eq!(
            cache(&anonymous.get("/login").await).as_deref(),
            Some("no-store")
        );
        let css = admin.get("/static/app.css").await;
        assert_eq!(css.status(), StatusCode::OK);
        assert_eq!(cache(&css).as_deref(), Some("max-age=3600"));
    }
);

both_backends!(
    unknown_user_is_refused_like_a_wrong_password,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.client();
        let r = c.api_login("nobody", "district").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = r.json().await.expect("json");
        assert_eq!(body["code"], "unauthenticated");
    }
);

both_backends!(
    pages_require_login_and_api_says_401,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.client();
        let r = c.get("/institutions").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/login");
        let (s, body) = c.get_json("/api/v1/institutions").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
        assert_eq!(body["code"], "unauthenticated");
    }
);

both_backends!(
    forms_without_the_csrf_token_are_refused,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("admin").await;
        let id = app.institution_of("school001").await;
        let path = format!("/institutions/{id}/designations");
        let award = [
            ("title", "优质学校"),
            ("event", "awarded"),
            ("year", "2020"),
        ];
        let r = c.post_form_without_csrf(&path, &award).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let (_, history) = c
            .get_json(&format!("/api/v1/institutions/{id}/designations"))
            .await;
        assert!(!history
            .as_array()
            .expect("list")
            .iter()
            .any(|d| d["title"] == "优质学校" && d["year"] == 2020));
        // A wrong token is refused too; the right one passes.
        let forged = [award.as_slice(), &[("_csrf", "forged")]].concat();
        let r = c.post_form_without_csrf(&path, &forged).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = c.post_form(&path, &award).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // JSON writes need the header.
        let r = c
            .http
            .post(c.base.clone() + &format!("/api/v1/institutions/{id}/designations"))
            .header(
                "cookie",
                format!("edb_session={}", c.session.clone().unwrap_or_default()),
            )
            .json(&serde_json::json!({"title": "特色学校", "event": "awarded", "year": 2021}))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
);

both_backends!(
    login_form_uses_a_double_submit_token,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.client();
        let page = c.get("/login").await;
        let pre = set_cookie_header(&page, "edb_form_csrf").expect("pre-login cookie");
        let token = pre
            .split(';')
            .next()
            .and_then(|p| p.split_once('='))
            .map(|(_, v)| v.to_string())
            .expect("value");
        // Without the cookie the form is refused.
        let r = c
            .http
            .post(app.url("/login"))
            .form(&[
                ("username", "admin"),
                ("password", "district"),
                ("_csrf", token.as_str()),
            ])
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        // With it, a wrong password shows the Chinese message.
        let login = |password: &'static str| {
            c.http
                .post(app.url("/login"))
                .header("cookie", format!("edb_form_csrf={token}"))
                .form(&[
                    ("username", "admin"),
                    ("password", password),
                    ("_csrf", token.as_str()),
                ])
                .send()
        };
        let r = login("nope").await.expect("send");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert!(r.text().await.expect("body").contains("用户名或密码错误"));
        let r = login("district").await.expect("send");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(set_cookie_header(&r, "edb_session").is_some());
    }
);

both_backends!(logout_ends_the_session, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut c = app.login("admin").await;
    let r = c.post_form("/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        c.get("/api/v1/session").await.status(),
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(idle_sessions_expire, |b: Backend| async move {
    let app = spawn_app(b).await;
    let c = app.login("admin").await;
    crate::common::age_sessions(&app, 31).await;
    assert_eq!(
        c.get("/api/v1/session").await.status(),
        StatusCode::UNAUTHORIZED
    );
});

both_backends!(
    password_change_checks_and_signs_out_other_sessions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("duxue").await;
        let other = app.login("duxue").await;
        let r = c.change_password("wrong", "short", "different").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text().await.expect("body");
        for msg in [
            "当前密码不正确",
            "密码至少需要 8 个字符",
            "两次输入的新密码不一致",
        ] {
            assert!(text.contains(msg), "missing {msg}");
        }
        let r = c
            .change_password("district", "newpass2026", "newpass2026")
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            other.get("/api/v1/session").await.status(),
            StatusCode::UNAUTHORIZED,
            "other sessions end"
        );
        let mut fresh = app.client();
        assert_eq!(
            fresh.api_login("duxue", "district").await.status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            fresh.api_login("duxue", "newpass2026").await.status(),
            StatusCode::OK
        );
        let stored = platform::auth::users::find_by_username(&app.db, "duxue")
            .await
            .expect("q")
            .expect("user")
            .password_hash;
        assert!(stored.starts_with("$argon2id$"));
    }
);

both_backends!(
    first_run_setup_creates_the_only_admin,
    |b: Backend| async move {
        let app = spawn_app_with(b, false).await;
        let c = app.client();
        let r = c.get("/login").await;
        assert_eq!(
            r.headers()["location"],
            "/setup",
            "no accounts: login sends to setup"
        );
        let page = c.get("/setup").await;
        let pre = set_cookie_header(&page, "edb_form_csrf").expect("cookie");
        let token = pre
            .split(';')
            .next()
            .and_then(|p| p.split_once('='))
            .map(|(_, v)| v.to_string())
            .expect("value");
        let post = |pw: &'static str| {
            let token = token.clone();
            let http = c.http.clone();
            let url = app.url("/setup");
            async move {
                http.post(url)
                    .header("cookie", format!("edb_form_csrf={token}"))
                    .form(&[
                        ("username", "chief"),
                        ("display_name", "局长"),
                        ("password", pw),
                        ("_csrf", token.as_str()),
                    ])
                    .send()
                    .await
                    .expect("send")
            }
        };
        assert_eq!(
            post("weak").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(post("strongpass1").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            platform::auth::users::count(&app.db).await.expect("count"),
            1
        );
        // Setup is closed once an account exists.
        assert_eq!(post("strongpass2").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            platform::auth::users::count(&app.db).await.expect("count"),
            1
        );
        assert_eq!(c.get("/setup").await.headers()["location"], "/login");
    }
);
