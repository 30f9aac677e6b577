//! Procurement: joint acceptance once per item, and deliveries waiting too
//! long in the inbox.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{days_ago, purchase};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    an_item_is_accepted_once_by_a_joint_group,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let (s, p) = school
            .post_json(
                "/api/v1/construction/procurement",
                &purchase(own, "录播教室设备", &days_ago(40)),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{p}");
        let id = p["id"].as_i64().expect("id");
        let (s, e) = school
            .post_json(
                "/api/v1/construction/procurement",
                &purchase(own, "", &days_ago(-1)),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e["fields"].as_array().map(Vec::len), Some(2), "{e}");

        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        let waiting = inbox
            .as_array()
            .expect("tasks")
            .iter()
            .find(|t| t["label"] == "到货超过 30 天未联合验收")
            .cloned();
        assert_eq!(
            waiting.map(|t| t["count"].clone()),
            Some(json!(1)),
            "{inbox}"
        );

        let path = format!("/api/v1/construction/procurement/{id}/acceptance");
        let alone = json!({"accepted_on": days_ago(2), "members": "王明", "result": "pass"});
        let (s, e) = school.post_json(&path, &alone).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e["fields"][0]["field"], "members");
        let joint = json!({"accepted_on": days_ago(2), "members": "计财科 沈科长、总务主任 王明", "result": "pass"});
        let (s, p) = school.post_json(&path, &joint).await;
        assert_eq!(s, StatusCode::CREATED, "{p}");
        assert_eq!(p["result"], "pass");
        let (s, e) = school.post_json(&path, &joint).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            e["message"].as_str().unwrap_or("").contains("不能重复验收"),
            "{e}"
        );

        let (_, waiting) = school
            .get_json("/api/v1/construction/procurement?overdue=true")
            .await;
        assert_eq!(waiting, json!([]));
        let (s, page) = school
            .get_text(&format!("/construction/procurement/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("合格") && page.contains("沈科长"), "{page}");
    }
);
