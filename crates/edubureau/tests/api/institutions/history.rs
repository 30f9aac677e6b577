//! Designations and the tracking of unlicensed kindergartens.

use super::*;

both_backends!(designations_follow_their_history, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut c = app.login("xueqian").await;
    let id = app.institution_of("school001").await;
    let (s, e) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "reverified", "year": 2014}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "re-verifying what was never awarded: {e}"
    );
    let (s, _) = c.post_json(&format!("/api/v1/institutions/{id}/designations"), &json!({"title": "二级幼儿园", "event": "awarded", "year": 2010, "document": "浔教〔2010〕8号"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "复验通过", "year": "2014"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, history) = c
        .get_json(&format!("/api/v1/institutions/{id}/designations"))
        .await;
    let mine: Vec<_> = history
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["title"] == "二级幼儿园")
        .map(|d| (d["event"].clone(), d["year"].clone()))
        .collect();
    assert_eq!(
        mine,
        vec![
            (json!("awarded"), json!(2010)),
            (json!("reverified"), json!(2014))
        ]
    );
    let (_, held) = c
        .get_json("/api/v1/institutions?designation=%E4%BA%8C%E7%BA%A7%E5%B9%BC%E5%84%BF%E5%9B%AD")
        .await;
    assert!(held["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["id"] == id));
    let (s, _) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "revoked", "year": 2020}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, held) = c
        .get_json("/api/v1/institutions?designation=%E4%BA%8C%E7%BA%A7%E5%B9%BC%E5%84%BF%E5%9B%AD")
        .await;
    assert!(
        !held["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["id"] == id),
        "revoked is no longer held"
    );
});

both_backends!(
    unlicensed_kindergartens_are_tracked_to_closure,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("xueqian").await;
        let (_, list) = c.get_json("/api/v1/institutions?licence=unlicensed").await;
        let kg = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["tracking_status"] == "rectifying")
            .expect("one under rectification")
            .clone();
        let id = kg["id"].as_i64().expect("id");
        let (s, e) = c
            .post_json(
                &format!("/api/v1/institutions/{id}/tracking"),
                &json!({"date": "2026-04-28", "status": "rectifying"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert!(e["fields"].to_string().contains("整改期限"));
        let (s, _) = c.post_json(&format!("/api/v1/institutions/{id}/tracking"), &json!({"date": "2026-04-28", "status": "已取缔", "note": "复查仍未整改，依法取缔"})).await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, after) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
        assert_eq!(after["tracking_status"], "banned");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/institutions/{id}/tracking"),
                &json!({"date": "2026-04-29", "status": "found"}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a closed case takes no more events"
        );
        let (_, events) = c
            .get_json(&format!("/api/v1/institutions/{id}/tracking"))
            .await;
        assert_eq!(
            events.as_array().expect("events").last().expect("last")["status"],
            "banned"
        );
        // A licensed school cannot be tracked.
        let school = app.institution_of("school001").await;
        let (s, _) = c
            .post_json(
                &format!("/api/v1/institutions/{school}/tracking"),
                &json!({"date": "2026-04-28", "status": "found"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);
