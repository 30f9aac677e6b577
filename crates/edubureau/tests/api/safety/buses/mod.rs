//! School buses (校车): registering with the plate and licence rules, the
//! expiry alerts in the list and the inbox, the fleet's spreadsheets, the
//! demo fleet, and scoping.

mod files;

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{created, day as in_days, spawn_emptied, task as count};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

/// A test app without demo buses.
pub async fn spawn_without_buses(backend: Backend) -> TestApp {
    spawn_emptied(backend, &["safety_buses"]).await
}

/// A bus whose first paper (the insurance) expires in `days` days.
pub fn bus(institution: i64, plate: &str, days: i64) -> Value {
    json!({
        "institution_id": institution,
        "plate": plate,
        "seats": 19,
        "operator": "将乐县校车服务有限公司",
        "permit_no": "闽G校0001",
        "permit_expires": in_days(300),
        "inspection_expires": in_days(200),
        "insurance_expires": in_days(days),
        "driver_name": "李建国",
        "driver_class": "B1",
        "driver_licence_expires": in_days(900),
        "driver_approved": true,
        "route": "水南—古镛—学校",
        "pupils": 18
    })
}

/// Registers a bus and gives its id.
pub async fn add_bus(c: &mut Client, institution: i64, plate: &str, days: i64) -> i64 {
    created(c, "/api/v1/safety/buses", &bus(institution, plate, days)).await
}

both_backends!(
    a_bus_is_refused_for_a_bad_plate_an_unfit_licence_or_overloading,
    |b: Backend| async move {
        let app = spawn_without_buses(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let mut bad = bus(own, "G12345", 100);
        bad["seats"] = json!(20);
        bad["pupils"] = json!(25);
        let (s, e) = school.post_json("/api/v1/safety/buses", &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        let fields: Vec<&str> = e["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert_eq!(fields, ["plate", "driver_class", "pupils"], "{e}");

        let id = add_bus(&mut school, own, "闽g 1234a", 100).await;
        let (_, got) = school.get_json(&format!("/api/v1/safety/buses/{id}")).await;
        assert_eq!(got["plate"], "闽G1234A");
        assert_eq!(got["status"], "valid");
        assert_eq!(got["first_expiry"], json!(in_days(100)));
        let (s, e) = school
            .post_json("/api/v1/safety/buses", &bus(own, "闽G·1234A", 100))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.to_string().contains("已登记"), "{e}");
        let (_, all) = school.get_json("/api/v1/safety/buses").await;
        assert_eq!(all.as_array().map(Vec::len), Some(1));
    }
);

both_backends!(
    expiring_and_expired_papers_show_in_the_list_and_both_inboxes,
    |b: Backend| async move {
        let app = spawn_without_buses(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school001").await;
        let mut bureau = app.login("anquanke").await;
        add_bus(&mut bureau, own, "闽G10001", -1).await;
        add_bus(&mut bureau, own, "闽G10002", 0).await;
        add_bus(&mut bureau, own, "闽G10003", 30).await;
        add_bus(&mut bureau, own, "闽G10004", 31).await;
        add_bus(&mut bureau, other, "闽G10005", 5).await;

        let plates = |v: &Value| -> Vec<String> {
            v.as_array()
                .expect("list")
                .iter()
                .map(|b| b["plate"].as_str().unwrap_or("").to_string())
                .collect()
        };
        let (_, expired) = bureau.get_json("/api/v1/safety/buses?state=expired").await;
        assert_eq!(plates(&expired), ["闽G10001"]);
        assert_eq!(expired[0]["status"], "expired");
        let (_, expiring) = bureau.get_json("/api/v1/safety/buses?state=expiring").await;
        assert_eq!(plates(&expiring), ["闽G10002", "闽G10005", "闽G10003"]);
        let (_, found) = bureau.get_json("/api/v1/safety/buses?q=闽G·10004").await;
        assert_eq!(plates(&found), ["闽G10004"]);

        let (_, inbox) = bureau.get_json("/api/v1/inbox").await;
        assert_eq!(count(&inbox, "校车证照已过期"), Some(1), "{inbox}");
        assert_eq!(count(&inbox, "校车证照 30 天内到期"), Some(3), "{inbox}");
        let school = app.login("school003").await;
        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        assert_eq!(count(&inbox, "校车证照 30 天内到期"), Some(2), "{inbox}");
        let everyone = platform::auth::Caller::system("test");
        let alerts = safety::service::buses::expiring_count(&app.db, &everyone, 30)
            .await
            .expect("count");
        assert_eq!(alerts, 4);

        let (s, page) = school.get_text("/safety/buses?state=expired").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("闽G·10001") && page.contains("已过期"),
            "{page}"
        );
        assert!(!page.contains("闽G·10005"), "another school's bus");
    }
);

both_backends!(another_schools_bus_is_not_found, |b: Backend| async move {
    let app = spawn_without_buses(b).await;
    let own = app.institution_of("school003").await;
    let other = app.institution_of("school001").await;
    let mut bureau = app.login("anquanke").await;
    let theirs = add_bus(&mut bureau, other, "闽G20001", 100).await;
    let mine = add_bus(&mut bureau, own, "闽G20002", 100).await;
    let school = app.login("school003").await;
    for path in [
        format!("/api/v1/safety/buses/{theirs}"),
        format!("/safety/buses/{theirs}"),
    ] {
        let (s, _) = school.get_text(&path).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
    }
    let (s, page) = school.get_text(&format!("/safety/buses/{mine}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("闽G·20002") && page.contains("李建国"),
        "{page}"
    );
    let (s, _) = school
        .get_json(&format!("/api/v1/safety/buses/{mine}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, mine_only) = school
        .get_json(&format!("/api/v1/safety/buses?institution_id={other}"))
        .await;
    assert_eq!(mine_only, json!([]));
});

both_backends!(the_demo_fleet_has_alerts, |b: Backend| async move {
    let app = spawn_without_buses(b).await;
    let made = safety::service::buses::fill_demo(&app.db, platform::area::DemoSize::Small)
        .await
        .expect("demo");
    assert_eq!(made, 36);
    let mut bureau = app.login("anquanke").await;
    let (_, all) = bureau.get_json("/api/v1/safety/buses").await;
    assert_eq!(all.as_array().map(Vec::len), Some(36));
    let (_, expired) = bureau.get_json("/api/v1/safety/buses?state=expired").await;
    let (_, expiring) = bureau.get_json("/api/v1/safety/buses?state=expiring").await;
    let (n_expired, n_expiring) = (
        expired.as_array().map_or(0, Vec::len),
        expiring.as_array().map_or(0, Vec::len),
    );
    assert!(
        n_expired >= 1 && n_expiring >= 3,
        "{n_expired} {n_expiring}"
    );
    let overloaded = all
        .as_array()
        .expect("list")
        .iter()
        .filter(|b| b["pupils"].as_i64() > b["seats"].as_i64())
        .count();
    assert_eq!(overloaded, 0);
    let (s, _) = bureau
        .post_json("/api/v1/safety/buses", &bus(1, "闽G·A0000", 100))
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the demo's plates are on record"
    );
});
