//! Held trainings: adult training and early education add up by kind with
//! the coverage of early education; bad input changes nothing; a school
//! sees its own trainings only (404 for another's).

use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{Backend, Client};
use crate::community::network::fixtures::{community_school, count, refused_fields, spawn};

async fn add(c: &mut Client, body: Value) -> (StatusCode, Value) {
    c.post_json("/api/v1/community/trainings", &body).await
}

fn early(institution: i64, families: &str, children: &str) -> Value {
    json!({"institution_id": institution, "kind": "early", "title": "0–3岁早教指导",
           "held_on": platform::time::today(), "attendances": "2750", "hours": "2",
           "families": families, "children": children})
}

both_backends!(
    trainings_add_up_by_kind_with_coverage,
    |b: Backend| async move {
        let app = spawn(b).await;
        let a = community_school(&app, 0).await;
        let other = community_school(&app, 1).await;
        let mut zc = app.login("zhicheng").await;
        let (s, v) = add(
        &mut zc,
        json!({"institution_id": a.id, "kind": "vocational", "title": "育婴员培训",
               "held_on": platform::time::today(), "attendances": "120", "hours": "16", "certificates": "40"}),
    )
    .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(
            add(&mut zc, early(a.id, "490", "500")).await.0,
            StatusCode::CREATED
        );
        assert_eq!(
            add(&mut zc, early(other.id, "490", "500")).await.0,
            StatusCode::CREATED
        );

        let before = count(&app, "community_trainings").await;
        let (s, v) = add(
        &mut zc,
        json!({"institution_id": a.id, "kind": "practical", "title": "茶艺", "held_on": "2999-01-01",
               "attendances": "10", "certificates": "11"}),
    )
    .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused_fields(&v), ["held_on", "certificates"]);
        let (s, v) = add(&mut zc, early(a.id, "", "")).await;
        assert_eq!(
            (s, refused_fields(&v)),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                vec!["families".to_string(), "children".to_string()]
            )
        );
        assert_eq!(count(&app, "community_trainings").await, before);

        let year = platform::time::today().year();
        let (_, v) = zc
            .get_json(&format!("/api/v1/community/trainings/summary?year={year}"))
            .await;
        assert_eq!(
            (v["adult_attendances"].as_i64(), v["certificates"].as_i64()),
            (Some(120), Some(40))
        );
        assert_eq!(v["early_coverage"].as_f64(), Some(98.0));
        let (_, ind) = zc
            .get_json("/api/v1/indicators/community.early_coverage")
            .await;
        assert_eq!(ind[0]["value"].as_f64(), Some(98.0), "{ind}");

        // A school: its own training by id, not another's; lists its own.
        let mut school = app.login(&a.username).await;
        let (_, all) = zc
            .get_json(&format!("/api/v1/community/trainings?year={year}"))
            .await;
        for t in all.as_array().unwrap() {
            let expected = if t["institution_id"] == a.id {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            let path = format!("/api/v1/community/trainings/{}", t["id"]);
            assert_eq!(school.get(&path).await.status(), expected, "{path}");
        }
        let (_, own) = school
            .get_json(&format!("/api/v1/community/trainings?year={year}"))
            .await;
        assert_eq!(own.as_array().unwrap().len(), 2);
        assert_eq!(
            add(&mut school, early(other.id, "1", "2")).await.0,
            StatusCode::NOT_FOUND
        );
        let (s, _) = add(
            &mut school,
            json!({"kind": "early", "title": "早教", "held_on": platform::time::today(),
        "attendances": "30", "families": "10", "children": "12"}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "a school records its own");

        let (s, html) = zc.get_text("/community/activities").await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("育婴员培训") && html.contains("training-form"));
    }
);
