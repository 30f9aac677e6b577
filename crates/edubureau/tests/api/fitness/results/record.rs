//! Recording one pupil's results: scored on save, refused when impossible,
//! 免测, the class page, rescoring, and the views audited.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::{body, class_of, count_tests, expected_total, full_results, record, year};
use crate::both_backends;
use crate::common::{Backend, TestApp};

async fn views(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'fitness_test' AND action = 'view'",
        ))
        .await
        .expect("audit")
}

both_backends!(
    a_school_records_results_scored_on_save,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 2).await;
        let p = &class[0];
        let mut c = app.login("school003").await;
        let (s, saved) = c
            .post_json("/api/v1/fitness/tests", &body(p, &full_results(p)))
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["scored"], true);
        assert_eq!(saved["total"], expected_total(p));
        let id = saved["id"].as_i64().unwrap();

        let before = views(&app).await;
        let (s, t) = c.get_json(&format!("/api/v1/fitness/tests/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(t["student_id"], p.student_id);
        assert_eq!(t["height"], 1400);
        assert_eq!(t["total"], expected_total(p));
        assert_eq!(views(&app).await, before + 1, "the view is audited");

        // Changed: rescored; recording again for the pupil changes the same test.
        let mut results = full_results(p);
        results.insert("height", "");
        let (s, again) = c
            .post_json("/api/v1/fitness/tests", &body(p, &results))
            .await;
        assert_eq!(s, StatusCode::OK, "{again}");
        assert_eq!(again["id"], id);
        assert_eq!(
            again["scored"], false,
            "without a height the sheet is incomplete"
        );
        assert_eq!(count_tests(&app).await, 1);

        let q = format!(
            "/api/v1/fitness/roster?year={}&grade={}&class={}",
            year(),
            p.grade,
            p.class_name
        );
        let (s, roster) = c.get_json(&q).await;
        assert_eq!(s, StatusCode::OK, "{roster}");
        let rows = roster.as_array().unwrap();
        assert_eq!(rows.len(), class.len());
        let mine = rows
            .iter()
            .find(|r| r["student_id"] == p.student_id)
            .unwrap();
        assert_eq!(mine["test_id"], id);
        assert_eq!(mine["height"], serde_json::Value::Null);
        assert_eq!(views(&app).await, before + 2);
    }
);

both_backends!(
    impossible_values_and_items_not_taken_are_refused,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let p = class_of(&app, "school003", 1).await.remove(0);
        let mut c = app.login("school003").await;
        let mut results = full_results(&p);
        results.insert("vital_capacity", "100000");
        results.insert("sprint_50m", "2");
        results.insert("weight", "-5");
        let (s, v) = c
            .post_json("/api/v1/fitness/tests", &body(&p, &results))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let text = v.to_string();
        assert!(text.contains("无法识别「-5」"), "{text}");
        let mut results = full_results(&p);
        results.insert("vital_capacity", "100000");
        results.insert("sprint_50m", "2");
        let (s, v) = c
            .post_json("/api/v1/fitness/tests", &body(&p, &results))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let text = v.to_string();
        assert!(text.contains("肺活量 100000 毫升不合理"), "{text}");
        assert!(text.contains("50米跑 2 秒不合理"), "{text}");
        // An item of no grade of this pupil's sex and grade.
        let not_taken = if p.grade <= 6 {
            "pull_ups"
        } else {
            "rope_skipping"
        };
        let mut results = full_results(&p);
        results.insert(not_taken, "10");
        let (s, v) = c
            .post_json("/api/v1/fitness/tests", &body(&p, &results))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v.to_string().contains("请删除该成绩"), "{v}");
        assert_eq!(count_tests(&app).await, 0, "nothing saved");
    }
);

both_backends!(
    an_exempt_pupil_is_kept_unscored_and_the_class_page_shows_it,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 2).await;
        let mut c = app.login("school003").await;
        let exempt = json!({ "student_id": class[0].student_id, "exempt": true,
            "results": { "height": "150", "weight": "40" } });
        let (s, v) = c.post_json("/api/v1/fitness/tests", &exempt).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["scored"], false);
        record(&mut c, &class[1]).await;
        let page = format!(
            "/fitness/classes?year={}&grade={}&class={}",
            year(),
            class[0].grade,
            class[0].class_name
        );
        let (s, html) = c.get_text(&page).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains(&class[0].name) && html.contains(&class[1].name));
        assert!(html.contains("免测"));
        let total = fitness::domain::Tenths(expected_total(&class[1])).to_string();
        assert!(html.contains(&total), "{total}");
        let (s, list) = c
            .get_text(&format!("/fitness/classes?year={}", year()))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("fitness-classes"));
    }
);

both_backends!(
    the_sheet_form_saves_and_redisplays_refusals,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let p = class_of(&app, "school003", 1).await.remove(0);
        let mut c = app.login("school003").await;
        let new = format!(
            "/fitness/tests/new?student={}&year={}",
            p.student_id,
            year()
        );
        let (s, html) = c.get_text(&new).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains(&p.name));
        let action = format!("/fitness/tests?student={}&year={}", p.student_id, year());
        let r = c
            .post_form(&action, &[("height", "140"), ("sprint_50m", "2")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("50米跑 2 秒不合理"));
        let fields: Vec<(&str, &str)> = full_results(&p).into_iter().collect();
        let r = c.post_form(&action, &fields).await;
        assert!(
            r.status().is_redirection() || r.status() == StatusCode::OK,
            "{}",
            r.status()
        );
        assert_eq!(count_tests(&app).await, 1);
    }
);

both_backends!(
    rescoring_restores_every_score_of_the_year_in_scope,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 2).await;
        let mut c = app.login("school003").await;
        for p in &class[..2] {
            record(&mut c, p).await;
        }
        app.db
            .execute(Sql::new(
                "UPDATE fitness_tests SET total = NULL, level = NULL, bmi = NULL",
            ))
            .await
            .unwrap();
        let (s, v) = c
            .post_json(
                &format!("/api/v1/fitness/rescore?year={}", year()),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["tests"], 2);
        assert_eq!(v["scored"], 2);
        let totals: Vec<(i64, Option<i64>)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT student_id, total FROM fitness_tests ORDER BY student_id",
            ))
            .await
            .unwrap();
        for (p, (sid, total)) in class[..2].iter().zip(totals) {
            assert_eq!(sid, p.student_id);
            assert_eq!(total, Some(expected_total(p)));
        }
        // Another school rescores only its own tests.
        let mut other = app.login("school001").await;
        let (s, v) = other
            .post_json(
                &format!("/api/v1/fitness/rescore?year={}", year()),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["tests"], 0);
        // A section that does not write the area may not.
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .post_json(
                &format!("/api/v1/fitness/rescore?year={}", year()),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);
