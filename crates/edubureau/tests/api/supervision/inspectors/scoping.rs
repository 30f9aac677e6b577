//! Every id-taking route of the part: a school asking for another school's
//! institution page or visit by id gets 404; its own works.

use reqwest::StatusCode;
use serde_json::json;

use super::{assign, day, spawn_without_visits, visit};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    schools_see_only_their_own_inspectors_and_visits,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut duxue = app.login("duxue").await;
        let mut visits = Vec::new();
        for id in [own, other] {
            let (s, v) = visit(
                &mut duxue,
                json!({ "institution_id": id, "visited_on": day(0), "focus": "workload" }),
            )
            .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
            visits.push(v["id"].as_i64().unwrap());
        }
        let mut school = app.login("school003").await;
        for ((id, v), expected) in [own, other]
            .into_iter()
            .zip(visits)
            .zip([StatusCode::OK, StatusCode::NOT_FOUND])
        {
            for path in [
                format!("/supervision/institutions/{id}"),
                format!("/api/v1/supervision/institutions/{id}"),
                format!("/supervision/visits/{v}"),
                format!("/api/v1/supervision/visits/{v}"),
            ] {
                assert_eq!(school.get(&path).await.status(), expected, "{path}");
            }
            let refused = if expected == StatusCode::OK {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(assign(&mut school, id, "张三", &day(0)).await.0, refused);
            let r = school
                .post_form(
                    &format!("/supervision/institutions/{id}"),
                    &[("inspector_name", "张三")],
                )
                .await;
            assert_eq!(r.status(), refused, "the form");
        }
        let (_, list) = school
            .get_json(&format!(
                "/api/v1/supervision/visits?institution_id={other}"
            ))
            .await;
        assert_eq!(list, json!([]), "another school's visits are not listed");
    }
);
