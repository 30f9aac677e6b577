//! Every id-taking route of hazards: a school asking for another school's
//! hazard by id gets 404; its own works. A school reports for itself only.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{in_days, order, png, report, spawn_without_demo};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    schools_see_only_their_own_hazards,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut anquan = app.login("anquanke").await;
        let mine = report(&mut anquan, Some(own), "本校", "general").await["hazard"]["id"]
            .as_i64()
            .unwrap();
        let theirs = report(&mut anquan, Some(other), "他校", "general").await["hazard"]["id"]
            .as_i64()
            .unwrap();
        let mut school = app.login("school003").await;
        for (id, expected) in [(mine, StatusCode::OK), (theirs, StatusCode::NOT_FOUND)] {
            for path in [
                format!("/safety/hazards/{id}"),
                format!("/api/v1/safety/hazards/{id}"),
            ] {
                assert_eq!(school.get(&path).await.status(), expected, "{path}");
            }
            let (s, _) = school
                .upload(
                    &format!("/api/v1/safety/hazards/{id}/photos"),
                    "a.png",
                    png(),
                    &[],
                )
                .await;
            let written = if expected == StatusCode::OK {
                StatusCode::CREATED
            } else {
                expected
            };
            assert_eq!(s, written);
            let r = school
                .upload_response(&format!("/safety/hazards/{id}/photos"), "a.png", png(), &[])
                .await;
            let page = if expected == StatusCode::OK {
                StatusCode::SEE_OTHER
            } else {
                expected
            };
            assert_eq!(r.status(), page);
            let (s, _) = order(&mut school, id, &in_days(3)).await;
            let refused = if expected == StatusCode::OK {
                StatusCode::FORBIDDEN
            } else {
                expected
            };
            assert_eq!(s, refused, "order {id}");
            let r = school
                .post_form(
                    &format!("/safety/hazards/{id}/order"),
                    &[("deadline", &in_days(3)), ("responsible_person", "某")],
                )
                .await;
            assert_eq!(r.status(), refused, "order form {id}");
        }
        let (_, list) = school.get_json("/api/v1/safety/hazards").await;
        let ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [mine]);
        let (s, _) = school
            .post_json(
                "/api/v1/safety/hazards",
                &json!({"institution_id": other, "category": "fire", "risk_level": "general",
                    "location": "冒名", "description": "x"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "a school reports for itself only");
        let (s, _) = app
            .login("jijiao")
            .await
            .post_json("/api/v1/safety/hazards", &json!({}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "not a writer of the area");
    }
);
