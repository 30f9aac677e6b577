//! Monitoring: /healthz, /readyz and /metrics answer without an account
//! and say nothing about any person.

use platform::db::Db;
use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{fresh_db_url, spawn_app, Backend};

both_backends!(health_readiness_and_metrics, |b: Backend| async move {
    let app = spawn_app(b).await;
    let anonymous = app.client();
    let (s, body) = anonymous.get_text("/healthz").await;
    assert_eq!((s, body.as_str()), (StatusCode::OK, "ok"));
    let r = anonymous.get("/healthz").await;
    let id = r.headers().get("x-request-id").expect("a request id");
    assert_eq!(id.len(), 16, "{id:?}");
    let (s, body) = anonymous.get_text("/readyz").await;
    assert_eq!((s, body.as_str()), (StatusCode::OK, "ready"));

    let c = app.login("jijiao").await;
    let (s, list) = c.get_json("/api/v1/students?per_page=5").await;
    assert_eq!(s, StatusCode::OK);
    let id_number = list["items"][0]["id_number"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let (s, metrics) = anonymous.get_text("/metrics").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        metrics.contains(r#"edubureau_http_requests_total{group="api_students",status="2xx"}"#),
        "{metrics}"
    );
    assert!(metrics.contains("edubureau_http_request_duration_seconds_bucket"));
    assert!(metrics.contains("edubureau_db_pool_in_use"));
    assert!(metrics.contains("# TYPE edubureau_jobs_running gauge"));
    assert!(!metrics.contains("jijiao"), "no user names");
    if !id_number.is_empty() {
        assert!(!metrics.contains(&id_number), "no ID numbers");
    }
});

both_backends!(not_ready_before_the_migrations, |b: Backend| async move {
    let dir = tempfile::tempdir().expect("dir");
    let db = Db::connect(&fresh_db_url(b, dir.path()).await)
        .await
        .expect("connect");
    let older: Vec<_> = edubureau::migrations()
        .into_iter()
        .filter(|m| m.version < 200)
        .collect();
    platform::db::migrate::run(&db, &older)
        .await
        .expect("migrate");
    let state = edubureau::app::state(db, Default::default()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(edubureau::app::serve(listener, state));
    let r = reqwest::get(format!("http://{addr}/readyz"))
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.text().await.expect("body").contains("尚未迁移"));
    let r = reqwest::get(format!("http://{addr}/healthz"))
        .await
        .expect("request");
    assert_eq!(r.status(), StatusCode::OK, "alive all the same");
});

both_backends!(settings_page_is_for_leadership, |b: Backend| async move {
    let app = spawn_app(b).await;
    let (s, page) = app.login("admin").await.get_text("/ops/settings").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("系统设置") && page.contains("database.url"),
        "{page}"
    );
    let (s, _) = app.login("jijiao").await.get_text("/ops/settings").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app.client().get_text("/ops/settings").await;
    assert_ne!(s, StatusCode::OK, "not without an account");
});
