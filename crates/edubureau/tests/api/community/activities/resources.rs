//! Resources added by the 职成科 appear in the public catalogue at /learn
//! (no account); each open counts a use and sends the visitor on. Events
//! and honours are listed by year.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::Backend;
use crate::community::network::fixtures::{count, refused_fields, spawn};

both_backends!(
    resources_are_opened_from_the_public_catalogue,
    |b: Backend| async move {
        let app = spawn(b).await;
        let mut zc = app.login("zhicheng").await;
        let (s, id) = zc
            .post_json(
                "/api/v1/community/resources",
                &json!({"title": "湖笔文化十讲", "kind": "course", "subject": "地方文化",
                    "provider": "南浔区社区学院", "url": "https://learn.example.cn/hubi"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{id}");
        let (s, v) = zc
            .post_json(
                "/api/v1/community/resources",
                &json!({"title": "坏链接", "kind": "link", "url": "javascript:alert(1)"}),
            )
            .await;
        assert_eq!(
            (s, refused_fields(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, vec!["url".to_string()])
        );
        assert_eq!(count(&app, "community_resources").await, 1);

        let visitor = app.client();
        let (s, html) = visitor.get_text("/learn").await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("湖笔文化十讲"));
        let (_, videos) = visitor.get_text("/learn?kind=video").await;
        assert!(!videos.contains("湖笔文化十讲"), "filtered by kind");
        for _ in 0..2 {
            let r = visitor.get(&format!("/learn/{id}")).await;
            assert!(r.status().is_redirection(), "{}", r.status());
            assert_eq!(r.headers()["location"], "https://learn.example.cn/hubi");
        }
        assert_eq!(
            visitor.get("/learn/999999").await.status(),
            StatusCode::NOT_FOUND
        );
        let (_, list) = zc.get_json("/api/v1/community/resources").await;
        assert_eq!(list[0]["uses"], 2, "{list}");

        // Events and honours of a year.
        let township = app
            .db
            .scalar(platform::db::Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .unwrap();
        let (s, _) = zc
            .post_json(
                "/api/v1/community/events",
                &json!({"title": "2026 年度百姓学习之星", "kind": "star", "year": "2026",
                    "township_id": township, "participants": "3"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, v) = zc
        .post_json(
            "/api/v1/community/events",
            &json!({"title": "学习节", "kind": "fair", "year": "1999", "township_id": township}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused_fields(&v), ["kind", "year"]);
        let (_, events) = zc.get_json("/api/v1/community/events?year=2026").await;
        assert_eq!(events.as_array().unwrap().len(), 1);
        assert_eq!(events[0]["participants"], 3);
    }
);
