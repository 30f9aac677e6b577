//! The id-taking routes of the network: a community school asking for
//! another school's teaching point gets 404, its own works; lists and the
//! network show a school its own; it registers points for itself only.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{community_school, spawn};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_school_sees_only_its_own_teaching_points,
    |b: Backend| async move {
        let app = spawn(b).await;
        let own = community_school(&app, 0).await;
        let other = community_school(&app, 1).await;
        let township = app
            .db
            .scalar(platform::db::Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .unwrap();
        let mut zc = app.login("zhicheng").await;
        let mut ids = Vec::new();
        for school in [own.id, other.id] {
            let (s, id) = zc
            .post_json(
                "/api/v1/community/teaching-points",
                &json!({"institution_id": school, "name": "文苑教学点", "township_id": township, "community": "文苑社区"}),
            )
            .await;
            assert_eq!(s, StatusCode::CREATED, "{id}");
            ids.push(id.as_i64().unwrap());
        }
        let mut school = app.login(&own.username).await;
        for (id, expected) in ids.iter().zip([StatusCode::OK, StatusCode::NOT_FOUND]) {
            let path = format!("/api/v1/community/teaching-points/{id}");
            assert_eq!(school.get(&path).await.status(), expected, "{path}");
        }
        let (_, list) = school.get_json("/api/v1/community/teaching-points").await;
        let owners: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["institution_id"].as_i64().unwrap())
            .collect();
        assert_eq!(owners, [own.id]);
        let (_, n) = school.get_json("/api/v1/community/network").await;
        assert_eq!(n["total"]["schools"], 1);

        // Its own point without naming itself; another school's: not found.
        let (s, _) = school
            .post_json(
                "/api/v1/community/teaching-points",
                &json!({"name": "金象教学点", "township_id": township, "community": "金象社区"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, _) = school
        .post_json(
            "/api/v1/community/teaching-points",
            &json!({"institution_id": other.id, "name": "金象教学点", "township_id": township, "community": "金象社区"}),
        )
        .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = school
            .post_json(
                "/api/v1/community/standardisation",
                &json!({"institution_id": other.id, "status": "met", "year": "2025"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);
