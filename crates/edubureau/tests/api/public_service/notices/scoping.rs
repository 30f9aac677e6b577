//! The id-taking routes of notices: an institution asking for a notice it
//! did not receive or send finds nothing; its own works.

use reqwest::StatusCode;
use serde_json::json;

use super::send;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    institutions_see_only_their_notices,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut office = app.login("bangongshi").await;
        let (to_own, _) = send(&mut office, "chosen", &own.to_string(), "只发给一所学校").await;
        let mut school = app.login("school003").await;
        let mut stranger = app.login("school004").await;
        assert_ne!(own, other);
        let (s, parents) = stranger
            .post_json(
                "/api/v1/public/parent-notices",
                &json!({"title": "致全校家长", "body": "b", "audience": "school"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{parents}");
        let theirs = parents["id"].as_i64().unwrap();
        for (id, expected) in [(to_own, StatusCode::OK), (theirs, StatusCode::NOT_FOUND)] {
            for path in [
                format!("/api/v1/public/notices/{id}"),
                format!("/public/notices/{id}"),
            ] {
                assert_eq!(school.get(&path).await.status(), expected, "{path}");
            }
        }
        for path in [
            format!("/api/v1/public/notices/{to_own}"),
            format!("/api/v1/public/notices/{to_own}/receipts"),
        ] {
            assert_eq!(
                stranger.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let (s, _) = stranger
            .post_json(&format!("/api/v1/public/notices/{to_own}/read"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = school
            .post_json(
                &format!("/api/v1/public/notices/{to_own}/remind"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "a recipient cannot remind");
        let (s, _) = school
            .get_json(&format!("/api/v1/public/notices/{to_own}/receipts"))
            .await;
        assert_eq!(
            s,
            StatusCode::NOT_FOUND,
            "a recipient does not see the others' receipts"
        );
        assert_eq!(
            school
                .get(&format!("/public/notices/{to_own}/files/1"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let (s, _) = school
            .post_json(&format!("/api/v1/public/notices/{to_own}/read"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, own_sent) = stranger.get_json("/api/v1/public/notices").await;
        assert!(own_sent
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["id"] != to_own));
        assert!(own_sent
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == theirs));
    }
);
