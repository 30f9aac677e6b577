//! Teaching points (教学点): registered by the 职成科 for a community
//! school, listed by township and on the network page; bad input and a
//! school that is not a community school change nothing.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{community_school, count, other_institution, refused_fields, spawn};
use crate::both_backends;
use crate::common::Backend;

fn point(institution: i64, township: i64, name: &str) -> Value {
    json!({"institution_id": institution, "name": name, "township_id": township,
           "community": "东大街社区", "address": "东大街 12 号"})
}

both_backends!(teaching_points_join_the_network, |b: Backend| async move {
    let app = spawn(b).await;
    let school = community_school(&app, 0).await;
    let township = app
        .db
        .scalar(
            platform::db::Sql::new("SELECT township_id FROM institutions WHERE id = ")
                .bind(school.id),
        )
        .await
        .unwrap();
    let mut zc = app.login("zhicheng").await;
    let (s, id) = zc
        .post_json(
            "/api/v1/community/teaching-points",
            &point(school.id, township, "东大街教学点"),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{id}");
    let (s, p) = zc
        .get_json(&format!("/api/v1/community/teaching-points/{id}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (p["name"].as_str(), p["status"].as_str()),
        (Some("东大街教学点"), Some("active"))
    );
    assert_eq!(p["institution_id"], school.id);

    let (_, n) = zc.get_json("/api/v1/community/network").await;
    let town = n["townships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["township_id"] == township)
        .expect("the township's row")
        .clone();
    assert_eq!(town["points"], 1);
    assert_eq!(n["total"]["points"], 1);
    assert!(
        n["total"]["schools"].as_i64().unwrap() >= 10,
        "{}",
        n["total"]
    );
    assert_eq!(n["total"]["schools"], n["total"]["unassessed"]);

    let (_, list) = zc
        .get_json(&format!(
            "/api/v1/community/teaching-points?township_id={township}"
        ))
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    // The same name twice for a school, a non-community school, bad fields.
    let before = count(&app, "community_teaching_points").await;
    let (s, v) = zc
        .post_json(
            "/api/v1/community/teaching-points",
            &point(school.id, township, "东大街教学点"),
        )
        .await;
    assert_eq!(
        (s, refused_fields(&v)),
        (StatusCode::UNPROCESSABLE_ENTITY, vec!["name".to_string()])
    );
    let other = other_institution(&app).await;
    let (s, v) = zc
        .post_json(
            "/api/v1/community/teaching-points",
            &point(other, township, "另一教学点"),
        )
        .await;
    assert_eq!(
        (s, refused_fields(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["institution_id".to_string()]
        )
    );
    let (s, v) = zc
        .post_json(
            "/api/v1/community/teaching-points",
            &json!({"institution_id": school.id, "name": " ", "community": ""}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused_fields(&v), ["name", "community", "township_id"]);
    assert_eq!(count(&app, "community_teaching_points").await, before);

    // The page shows the township's count and the point.
    let (s, html) = zc.get_text("/community/network").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("东大街教学点") && html.contains("network-townships"));
    assert!(
        html.contains("point-form"),
        "the 职成科 may register points"
    );

    // Sections of other areas neither read nor keep the network.
    let mut other = app.login("anquanke").await;
    assert_eq!(
        other.get("/api/v1/community/network").await.status(),
        StatusCode::FORBIDDEN
    );
    let (s, _) = other
        .post_json(
            "/api/v1/community/teaching-points",
            &point(school.id, township, "X"),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
});

both_backends!(
    the_page_form_registers_a_point_or_shows_why_not,
    |b: Backend| async move {
        let app = spawn(b).await;
        let school = community_school(&app, 1).await;
        let mut zc = app.login("zhicheng").await;
        let id = school.id.to_string();
        let r = zc
            .post_form(
                "/community/network/points",
                &[
                    ("institution_id", id.as_str()),
                    ("name", "荻港教学点"),
                    ("township_id", ""),
                    ("community", "荻港村"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("请选择所在乡镇（街道）"));
        let township = app
            .db
            .scalar(platform::db::Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .unwrap()
            .to_string();
        let r = zc
            .post_form(
                "/community/network/points",
                &[
                    ("institution_id", id.as_str()),
                    ("name", "荻港教学点"),
                    ("township_id", township.as_str()),
                    ("community", "荻港村"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(count(&app, "community_teaching_points").await, 1);
    }
);
