//! 名师工作室: who may lead one, members and activities, scoping by the
//! host institution, and the demo's 56 studios and ≈15% of teachers.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::training::{many_staff, teacher};
use crate::both_backends;
use crate::common::{Backend, TestApp};

async fn make(app: &TestApp, id: i64, level: &str) {
    app.db
        .execute(
            Sql::new("UPDATE teachers_staff SET backbone_level = $1 WHERE id = $2")
                .arg(level)
                .arg(id),
        )
        .await
        .expect("backbone");
}

both_backends!(
    a_studio_is_led_by_a_special_teacher_or_subject_leader,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let leader = teacher(&app, own, "王芳", 51).await;
        let plain = teacher(&app, own, "李华", 52).await;
        let member = teacher(&app, other, "赵强", 53).await;
        make(&app, leader, "special").await;
        make(&app, plain, "backbone").await;
        let mut admin = app.login("admin").await;
        let today = platform::time::today().to_string();
        let (s, v) = admin
            .post_json(
                "/api/v1/teachers/teams",
                &json!({"name": "李华数学名师工作室", "leader_id": plain, "founded_on": today}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let m = v["fields"][0]["message"].as_str().unwrap_or("");
        assert!(
            m.contains("特级教师或学科带头人") && m.contains("李华为骨干教师"),
            "{m}"
        );
        let mut school = app.login("school003").await;
        let (s, _) = school
            .post_json(
                "/api/v1/teachers/teams",
                &json!({"name": "王芳语文名师工作室", "leader_id": leader, "founded_on": today}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, t) = admin
            .post_json("/api/v1/teachers/teams", &json!({"name": "王芳语文名师工作室", "subject": "语文", "leader_id": leader, "founded_on": today}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{t}");
        assert_eq!(t["institution_id"], own, "hosted by the leader's school");
        let id = t["id"].as_i64().expect("id");
        let (s, _) = admin
            .post_json(
                "/api/v1/teachers/teams",
                &json!({"name": "王芳语文名师工作室", "leader_id": leader, "founded_on": today}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let members = format!("/api/v1/teachers/teams/{id}/members");
        let (s, v) = admin
            .post_json(&members, &json!({"staff_id": member}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = admin
            .post_json(&members, &json!({"staff_id": member}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        let (s, _) = admin
            .post_json(&members, &json!({"staff_id": leader}))
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the leader is no member"
        );
        let (s, _) = school
            .post_json(&members, &json!({"staff_id": plain}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "members are the bureau's choice");
        let activities = format!("/api/v1/teachers/teams/{id}/activities");
        let (s, v) = school
            .post_json(
                &activities,
                &json!({"held_on": today, "title": "古诗文教学研讨", "kind": "research"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, _) = school
            .post_json(
                &activities,
                &json!({"held_on": "2999-01-01", "title": "未来", "kind": "lecture"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (_, d) = school
            .get_json(&format!("/api/v1/teachers/teams/{id}"))
            .await;
        assert_eq!(
            (
                d["members"].as_array().map(Vec::len),
                d["activities"].as_array().map(Vec::len)
            ),
            (Some(1), Some(1))
        );
        let (_, o) = admin.get_json("/api/v1/teachers/teams").await;
        assert_eq!(o["stats"]["studios"], 1);
        assert_eq!(o["stats"]["led_by_special"], 1);
        assert_eq!(o["stats"]["in_teams"], 2);
        let (s, page) = admin.get_text(&format!("/teachers/teams/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("赵强") && page.contains("古诗文教学研讨"));

        // Scoping: the host school sees its studio, another school does not.
        let mut neighbour = app.login("school004").await;
        for path in [
            format!("/api/v1/teachers/teams/{id}"),
            format!("/teachers/teams/{id}"),
            "/api/v1/teachers/teams/987654".into(),
        ] {
            assert_eq!(
                neighbour.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        assert_eq!(
            school.get(&format!("/teachers/teams/{id}")).await.status(),
            StatusCode::OK
        );
        let (s, _) = neighbour
            .post_json(
                &activities,
                &json!({"held_on": today, "title": "越权", "kind": "research"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let r = neighbour
            .post_form(
                &format!("/teachers/teams/{id}/activities"),
                &[("held_on", &today), ("title", "越权"), ("kind", "research")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (_, o) = neighbour.get_json("/api/v1/teachers/teams").await;
        assert_eq!(o["studios"].as_array().map(Vec::len), Some(0));
    }
);

both_backends!(
    the_demo_has_the_seeds_studios_and_share_in_teams,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let ids = many_staff(&app, own, "S", 400).await;
        for id in &ids[..14] {
            make(&app, *id, "special").await;
        }
        for id in &ids[14..56] {
            make(&app, *id, "subject_leader").await;
        }
        let made = teachers::service::teams::fill_demo(&app.db, platform::area::DemoSize::Small)
            .await
            .expect("demo");
        assert_eq!(made, 56);
        let admin = app.login("admin").await;
        let (_, o) = admin.get_json("/api/v1/teachers/teams").await;
        let st = &o["stats"];
        assert_eq!(
            (
                st["studios"].as_i64(),
                st["led_by_special"].as_i64(),
                st["led_by_subject_leader"].as_i64()
            ),
            (Some(56), Some(14), Some(42))
        );
        assert_eq!(st["in_teams"], 60, "15% of 400");
        assert_eq!(o["share"], "15.0%");
    }
);
