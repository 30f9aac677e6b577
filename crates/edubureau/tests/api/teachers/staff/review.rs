//! An institution's changes wait for 人事科: pending, approved (then they
//! count) or sent back with a comment.

use reqwest::StatusCode;
use serde_json::json;

use super::{count, created, record};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    school_changes_count_only_once_approved,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut school = app.login("school003").await;
        let mut renshi = app.login("renshi").await;
        let staff_before = count(&app, "teachers_staff").await;

        // A new record from a school waits.
        let (status, saved) = school
            .post_json("/api/v1/teachers/staff", &record("陈静", "19880808", 21))
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{saved}");
        assert_eq!(saved["outcome"], "pending");
        let change = saved["id"].as_i64().unwrap();
        assert_eq!(
            count(&app, "teachers_staff").await,
            staff_before,
            "not yet a record"
        );
        let (_, queue) = school.get_json("/api/v1/teachers/reviews").await;
        assert_eq!(queue.as_array().unwrap().len(), 1);
        let (_, home) = renshi.get_text("/").await;
        assert!(home.contains("教师信息变更待审核"), "the inbox task");

        // Only 人事科 and leadership review.
        let (status, _) = school
            .post_json(
                &format!("/api/v1/teachers/reviews/{change}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let mut jijiao = app.login("jijiao").await;
        let (status, _) = jijiao
            .post_json(
                &format!("/api/v1/teachers/reviews/{change}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let (status, saved) = renshi
            .post_json(
                &format!("/api/v1/teachers/reviews/{change}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let id = saved["id"].as_i64().unwrap();
        assert_eq!(count(&app, "teachers_staff").await, staff_before + 1);
        let (status, _) = renshi
            .post_json(
                &format!("/api/v1/teachers/reviews/{change}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "decided once");

        // A change from the school waits; the record stays as it was.
        let (_, v) = school
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        let version = v["record"]["version"].as_i64().unwrap();
        let mut edit = record("陈静", "19880808", 21);
        edit["subjects"] = json!("数学、科学");
        edit["version"] = json!(version);
        let (status, saved) = school
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &edit)
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{saved}");
        let pending = saved["id"].as_i64().unwrap();
        let (status, _) = school
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &edit)
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "one pending change at a time");
        let (_, v) = school
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(v["record"]["subjects"], "数学");

        // Sent back: a comment is needed, and the change does not count.
        let reject = format!("/api/v1/teachers/reviews/{pending}/reject");
        let (status, body) = renshi.post_json(&reject, &json!({"comment": " "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, _) = renshi
            .post_json(&reject, &json!({"comment": "科学课未排课，请核实"}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, v) = school
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(v["record"]["subjects"], "数学");
        let rejected = v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == "rejected")
            .expect("kept");
        assert_eq!(rejected["comment"], "科学课未排课，请核实");

        // Submitted again and approved: now it counts, with who and what.
        let (status, saved) = school
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &edit)
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let again = saved["id"].as_i64().unwrap();
        let (status, _) = renshi
            .post_json(
                &format!("/api/v1/teachers/reviews/{again}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let (_, v) = school
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(v["record"]["subjects"], "数学、科学");
        let approved = &v["changes"][0];
        assert_eq!(approved["status"], "approved");
        assert_eq!(approved["submitted_by"], "school003");
        assert_eq!(approved["decided_by"], "renshi");
        assert_eq!(approved["diff"][0], "任教学科：数学 → 数学、科学");
    }
);

both_backends!(
    a_bureau_edit_after_a_school_change_makes_it_stale,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut school = app.login("school003").await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "赵强", 31).await;
        let mut edit = record("赵强", "19860512", 31);
        edit["subjects"] = json!("体育");
        edit["version"] = json!(1);
        let (status, saved) = school
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &edit)
            .await;
        assert_eq!(status, StatusCode::ACCEPTED);
        let change = saved["id"].as_i64().unwrap();
        edit["subjects"] = json!("美术");
        let (status, _) = renshi
            .put_json(&format!("/api/v1/teachers/staff/{id}"), &edit)
            .await;
        assert_eq!(status, StatusCode::OK);
        let (status, body) = renshi
            .post_json(
                &format!("/api/v1/teachers/reviews/{change}/approve"),
                &json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let (_, v) = renshi
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(v["record"]["subjects"], "美术");
    }
);
