//! Closure of a private institution: opened with its pupils, each pupil
//! placed (never back into the closing school), final only once all are
//! placed — then the school is closed in the registry — each view of the
//! pupil list audited, and a school sees only its own closure.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{audited, private_with_pupils, public_institution};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn open(c: &mut Client, institution: i64) -> (StatusCode, Value) {
    let decided = (platform::time::today() - Duration::days(1)).to_string();
    c.post_json(
        "/api/v1/private/closures",
        &json!({"institution_id": institution, "decided_on": decided, "reason": "举办者申请终止办学"}),
    )
    .await
}

both_backends!(
    a_closure_is_final_once_every_pupil_is_placed,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let (school, _) = private_with_pupils(&app).await[0].clone();
        let destination = public_institution(&app).await;
        let mut minban = app.login("minban").await;
        let (s, c) = open(&mut minban, school).await;
        assert_eq!(s, StatusCode::CREATED, "{c}");
        let id = c["id"].as_i64().unwrap();
        let pupils = c["pupils"].as_i64().unwrap();
        assert!(pupils > 0, "the school's current pupils are listed");
        let (s, _) = open(&mut minban, school).await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "one closure per school"
        );

        let views = audited(&app, "view", "private_closure").await;
        let (s, v) = minban
            .get_json(&format!("/api/v1/private/closures/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            audited(&app, "view", "private_closure").await,
            views + 1,
            "the view is audited"
        );
        let students: Vec<i64> = v["pupils"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["student_id"].as_i64().unwrap())
            .collect();
        assert_eq!(students.len() as i64, pupils);

        let finalise = format!("/api/v1/private/closures/{id}/finalise");
        let (s, e) = minban.post_json(&finalise, &json!({})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            e.to_string()
                .contains(&format!("还有 {pupils} 名学生未安置")),
            "{e}"
        );
        let place = format!("/api/v1/private/closures/{id}/placements");
        let (s, _) = minban
            .post_json(
                &place,
                &json!({"student_id": students[0], "destination_id": school}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not back into the closing school"
        );
        let (s, _) = minban
            .post_json(&place, &json!({"student_id": students[0], "note": "  "}))
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a destination or a note"
        );
        for (n, student) in students.iter().enumerate() {
            let body = if n == 0 {
                json!({"student_id": student, "note": "随父母迁往外省"})
            } else {
                json!({"student_id": student, "destination_id": destination})
            };
            let (s, r) = minban.post_json(&place, &body).await;
            assert_eq!(s, StatusCode::OK, "{r}");
        }
        let (s, c) = minban.post_json(&finalise, &json!({})).await;
        assert_eq!(s, StatusCode::OK, "{c}");
        assert_eq!(
            (c["status"].as_str(), c["placed"].as_i64()),
            (Some("final"), Some(pupils))
        );
        let (_, inst) = minban
            .get_json(&format!("/api/v1/institutions/{school}"))
            .await;
        assert_eq!(inst["status"], "closed", "closed in the registry: {inst}");
        let (s, _) = minban
            .post_json(
                &place,
                &json!({"student_id": students[0], "destination_id": destination}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a final closure changes no more"
        );
        let (s, _) = minban.post_json(&finalise, &json!({})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(
    only_an_active_private_school_is_closed_and_by_the_bureau,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let public = public_institution(&app).await;
        let (school, account) = private_with_pupils(&app).await[0].clone();
        let mut minban = app.login("minban").await;
        let (s, _) = open(&mut minban, public).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a public school");
        let (s, _) = minban
            .post_json(
                "/api/v1/private/closures",
                &json!({"institution_id": school, "decided_on": platform::time::today(), "reason": " "}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "no reason");
        let mut own = app.login(&account).await;
        let (s, _) = open(&mut own, school).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a school does not close itself");
        let (_, list) = minban.get_json("/api/v1/private/closures").await;
        assert!(
            list.as_array()
                .unwrap()
                .iter()
                .all(|c| c["institution_id"] != school),
            "nothing written"
        );
    }
);

both_backends!(
    schools_see_only_their_own_closure,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let schools = private_with_pupils(&app).await;
        let (school, account) = schools[0].clone();
        let other = schools[1].1.clone();
        let mut minban = app.login("minban").await;
        let (_, c) = open(&mut minban, school).await;
        let id = c["id"].as_i64().unwrap();
        let own = app.login(&account).await;
        let stranger = app.login(&other).await;
        for path in [
            format!("/api/v1/private/closures/{id}"),
            format!("/private/closures/{id}"),
        ] {
            assert_eq!(own.get(&path).await.status(), StatusCode::OK, "{path}");
            assert_eq!(
                stranger.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let mut stranger = stranger;
        let (s, _) = stranger
            .post_json(
                &format!("/api/v1/private/closures/{id}/finalise"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (_, list) = stranger.get_json("/api/v1/private/closures").await;
        assert!(list.as_array().unwrap().iter().all(|c| c["id"] != id));
    }
);
