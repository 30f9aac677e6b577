//! The configuration file reaches the running server: upload limit, session
//! length, sign-in throttling, the bureau's name and its seal.

use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{spawn_app_configured, Backend, TestApp};

const PNG: [u8; 12] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

async fn configured(b: Backend, toml: &str) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let seal = dir.path().join("seal.png");
    std::fs::write(&seal, PNG).expect("write seal");
    let text = toml.replace("SEAL", &seal.display().to_string());
    let settings = ops::config::Settings::parse(&text).expect("parse");
    settings.check().expect("valid");
    let config = settings.web_config().expect("web config");
    (spawn_app_configured(b, true, config).await, dir)
}

const FILE: &str = r#"
[bureau]
name = "配置里的教育局"
seal = "SEAL"
[limits]
upload_mb = 1
[session]
idle_minutes = 10
absolute_hours = 1
[login]
failures_before_wait = 2
"#;

both_backends!(the_file_reaches_the_server, |b: Backend| async move {
    let (app, _dir) = configured(b, FILE).await;
    let anonymous = app.client();
    let (s, page) = anonymous.get_text("/login").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("配置里的教育局"), "bureau name in the header");
    let r = anonymous.get("/bureau/seal.png").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.bytes().await.expect("body").as_ref(), PNG);

    let mut c = app.login("jijiao").await;
    let (s, body) = c
        .upload(
            "/api/v1/institutions/import",
            "机构.xlsx",
            // Just over the limit: the rest fits in the socket's buffers, so the
            // client reads the answer instead of a broken pipe.
            vec![b'x'; 1024 * 1024 + 16 * 1024],
            &[],
        )
        .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(message.contains("文件过大"), "{message}");
    assert!(!message.contains("Error"), "no library text: {message}");

    // Ten minutes idle is enough to be signed out (the default allows 30).
    crate::common::age_sessions(&app, 11).await;
    assert_eq!(
        c.get("/api/v1/session").await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Two wrong passwords and the right one must wait (the default allows five).
    let mut guesser = app.client();
    for _ in 0..2 {
        let r = guesser.api_login("duxue", "wrong-password").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = guesser
        .api_login("duxue", edubureau::demo::DEMO_PASSWORD)
        .await;
    assert_ne!(r.status(), StatusCode::OK, "throttled after two failures");
});

both_backends!(no_seal_configured_is_not_found, |b: Backend| async move {
    let (app, _dir) = configured(b, "").await;
    let r = app.client().get("/bureau/seal.png").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
});
