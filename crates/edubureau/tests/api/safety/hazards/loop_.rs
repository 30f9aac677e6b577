//! A hazard through the loop: reported, ordered fixed once (by the 安全科,
//! not by a school), the order's stage shown on the hazard; bad input
//! refused with nothing changed.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{count, in_days, order, png, refused_fields, report, spawn_without_demo};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_reported_hazard_is_ordered_fixed_once,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let v = report(&mut school, None, "教学楼二层走廊", "major").await;
        assert_eq!(v["hazard"]["institution_id"], own);
        assert_eq!(v["hazard"]["state"], "reported");
        assert_eq!(v["hazard"]["origin"], "report");
        let id = v["hazard"]["id"].as_i64().unwrap();

        let (s, _) = order(&mut school, id, &in_days(7)).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a school does not order itself");

        let mut anquan = app.login("anquanke").await;
        let (s, v) = order(&mut anquan, id, &in_days(-1)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v.to_string().contains("已过"), "{v}");
        let (s, v) = order(&mut anquan, id, "").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM inspection_orders WHERE owner = 'safety'"
            )
            .await,
            0
        );

        let (s, order_id) = order(&mut anquan, id, &in_days(7)).await;
        assert_eq!(s, StatusCode::CREATED, "{order_id}");
        let order_id = order_id.as_i64().unwrap();
        let row: (String, String, Option<i64>, String) = app
            .db
            .fetch_one(
                Sql::new(
                    "SELECT source, status, source_id, finding FROM inspection_orders WHERE id = ",
                )
                .bind(order_id),
            )
            .await
            .unwrap();
        assert_eq!(
            row,
            (
                "hazard".into(),
                "issued".into(),
                Some(id),
                "教学楼二层走廊：灭火器过期".into()
            )
        );
        let (s, again) = order(&mut anquan, id, &in_days(7)).await;
        assert_eq!(s, StatusCode::CONFLICT, "{again}");

        let (_, v) = school
            .get_json(&format!("/api/v1/safety/hazards/{id}"))
            .await;
        assert_eq!(v["hazard"]["state"], "ordered");
        assert_eq!(v["hazard"]["order_id"], order_id);
        assert_eq!(v["hazard"]["deadline"], in_days(7));
        app.db
            .execute(
                Sql::new("UPDATE inspection_orders SET status = 'responded' WHERE id = ")
                    .bind(order_id),
            )
            .await
            .unwrap();
        let (_, html) = school.get_text(&format!("/safety/hazards/{id}")).await;
        assert!(
            html.contains("待复查") && html.contains(&format!("/inspection/orders/{order_id}")),
            "{html}"
        );
        let (_, list) = anquan
            .get_json("/api/v1/safety/hazards?state=responded")
            .await;
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
        let (_, list) = anquan
            .get_json("/api/v1/safety/hazards?state=reported")
            .await;
        assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
    }
);

both_backends!(
    bad_reports_and_files_change_nothing,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let mut anquan = app.login("anquanke").await;
        let (s, v) = anquan
        .post_json(
            "/api/v1/safety/hazards",
            &json!({"category": "fire", "risk_level": "major", "location": "食堂", "description": "x"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "no school chosen: {v}");
        let (s, v) = anquan
            .post_json(
                "/api/v1/safety/hazards",
                &json!({"institution_id": 999_999, "category": "fire", "risk_level": "major",
                    "location": "食堂", "description": "x"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let mut school = app.login("school003").await;
        let (s, v) = school
            .post_json(
                "/api/v1/safety/hazards",
                &json!({"category": "water", "risk_level": "", "location": "", "description": "x",
                    "found_on": in_days(1)}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let fields = refused_fields(&v);
        assert_eq!(
            fields,
            ["category", "risk_level", "location", "found_on"],
            "{v}"
        );
        assert_eq!(count(&app, "SELECT COUNT(*) FROM safety_hazards").await, 0);

        let v = report(&mut school, None, "操场", "general").await;
        let id = v["hazard"]["id"].as_i64().unwrap();
        let path = format!("/api/v1/safety/hazards/{id}/photos");
        let (s, v) = school
            .upload(&path, "fake.png", b"just text".to_vec(), &[])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let (s, v) = school.upload(&path, "photo.pdf", png(), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a name that lies: {v}");
        assert_eq!(
            count(&app, &format!("SELECT COUNT(*) FROM inspection_evidence WHERE subject = 'hazard' AND subject_id = {id}")).await,
            0
        );
        let (s, v) = school.upload(&path, "photo.png", png(), &[]).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let file = v[0].as_i64().unwrap();
        let (_, v) = school
            .get_json(&format!("/api/v1/safety/hazards/{id}"))
            .await;
        assert_eq!(v["photos"][0]["file_name"], "photo.png");
        assert_eq!(v["photos"][0]["media_type"], "image/png");
        let r = school.get(&format!("/inspection/evidence/{file}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.unwrap().to_vec(), png());
    }
);

both_backends!(
    the_report_form_takes_photos_and_shows_errors,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let mut school = app.login("school003").await;
        let r = school
            .upload_response(
                "/safety/hazards",
                "a.png",
                png(),
                &[
                    ("category", "food"),
                    ("risk_level", "severe"),
                    ("location", "食堂"),
                    ("description", "留样不全"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()["location"].to_str().unwrap().to_string();
        assert!(to.starts_with("/safety/hazards/"), "{to}");
        let (_, html) = school.get_text(&to).await;
        assert!(
            html.contains("留样不全") && html.contains("a.png") && html.contains("重大"),
            "{html}"
        );
        let r = school
            .upload_response("/safety/hazards", "a.png", png(), &[("category", "food")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(html.contains("请填写隐患位置"), "{html}");
        assert_eq!(count(&app, "SELECT COUNT(*) FROM safety_hazards").await, 1);
    }
);
