//! The id-taking route of drills: a school asking for another school's
//! drill photos gets 404; its own works. Lists show a school its own.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::Backend;
use crate::safety::hazards::fixtures::spawn_without_demo;

both_backends!(schools_see_only_their_own_drills, |b: Backend| async move {
    let app = spawn_without_demo(b).await;
    let own = app.institution_of("school003").await;
    let other = app.institution_of("school004").await;
    let mut anquan = app.login("anquanke").await;
    let mut ids = Vec::new();
    for institution in [own, other] {
        let (s, id) = anquan
            .post_json(
                "/api/v1/safety/drills",
                &json!({"institution_id": institution, "drilled_on": platform::time::today(),
                        "drill_type": "earthquake", "participants": "300", "duration_minutes": "15"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{id}");
        ids.push(id.as_i64().unwrap());
        let (s, _) = anquan
            .post_json(
                "/api/v1/safety/plans",
                &json!({"institution_id": institution, "plan_type": "food", "title": "食品安全应急预案",
                        "approved_on": platform::time::today()}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
    }
    let school = app.login("school003").await;
    for (id, expected) in ids.iter().zip([StatusCode::OK, StatusCode::NOT_FOUND]) {
        let path = format!("/api/v1/safety/drills/{id}/photos");
        assert_eq!(school.get(&path).await.status(), expected, "{path}");
    }
    for path in ["/api/v1/safety/drills", "/api/v1/safety/plans"] {
        let (_, v) = school.get_json(path).await;
        let institutions: Vec<i64> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["institution_id"].as_i64().unwrap())
            .collect();
        assert_eq!(institutions, [own], "{path}");
    }
    let (_, v) = school.get_json("/api/v1/safety/drills/compliance").await;
    assert_eq!(v["institutions"], 1);
    let mut school = school;
    let (s, _) = school
        .post_json(
            "/api/v1/safety/drills",
            &json!({"institution_id": other, "drilled_on": platform::time::today(), "drill_type": "fire",
                    "participants": "1", "duration_minutes": "1"}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::NOT_FOUND,
        "a school logs its own drills only"
    );
});
