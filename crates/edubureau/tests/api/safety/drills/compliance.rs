//! Drills logged by a school and by the 安全科 count towards the year's
//! compliance of every institution, by township; bad drills change nothing.

use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{Backend, Client};
use crate::safety::hazards::fixtures::{count, png, refused_fields, spawn_without_demo};

async fn log(client: &mut Client, institution: Option<i64>, on: &str) -> (StatusCode, Value) {
    client
        .post_json(
            "/api/v1/safety/drills",
            &json!({"institution_id": institution, "drilled_on": on, "drill_type": "fire",
                    "participants": "800", "duration_minutes": "20", "evaluation": "疏散有序"}),
        )
        .await
}

fn row(v: &Value, institution: i64) -> &Value {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["institution_id"] == institution)
        .expect("the institution's row")
}

both_backends!(
    two_drills_a_year_make_a_school_compliant,
    |b: Backend| async move {
        let app = spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let today = platform::time::today();
        let this_year = today.year();
        let last_year = format!("{}-06-01", this_year - 1);
        let mut school = app.login("school003").await;
        let (s, v) = log(&mut school, None, &today.to_string()).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, _) = log(&mut school, None, &last_year).await;
        assert_eq!(s, StatusCode::CREATED);

        let mut anquan = app.login("anquanke").await;
        let (_, v) = anquan.get_json("/api/v1/safety/drills/compliance").await;
        assert_eq!(v["year"], this_year);
        assert_eq!(
            (
                row(&v, own)["drills"].as_i64(),
                row(&v, own)["short"].as_i64()
            ),
            (Some(1), Some(1))
        );
        assert_eq!(row(&v, other)["short"], 2);
        assert_eq!(v["compliant"], 0, "{}", v["compliant"]);
        let institutions = v["institutions"].as_i64().unwrap();
        let by_town: i64 = v["townships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["institutions"].as_i64().unwrap())
            .sum();
        assert_eq!(by_town, institutions);

        let (s, _) = log(&mut anquan, Some(own), &today.to_string()).await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, v) = anquan
            .get_json("/api/v1/safety/drills/compliance?short=true")
            .await;
        assert_eq!(v["compliant"], 1);
        assert!(
            v["rows"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["institution_id"] != own),
            "only the short ones"
        );
        let rate = v["rate"].as_f64().unwrap();
        assert!((rate - 100.0 / institutions as f64).abs() < 1e-9, "{rate}");
        let (_, v) = anquan
            .get_json(&format!(
                "/api/v1/safety/drills/compliance?year={}",
                this_year - 1
            ))
            .await;
        assert_eq!(row(&v, own)["drills"], 1);

        let (_, v) = anquan
            .get_json("/api/v1/indicators/safety.drill_compliance")
            .await;
        let value = v[0]["value"].as_f64().unwrap();
        assert!((value - 100.0 / institutions as f64).abs() < 1e-9, "{v}");

        let (_, drills) = school.get_json("/api/v1/safety/drills").await;
        assert_eq!(drills.as_array().map(Vec::len), Some(2));
        let (_, html) = anquan.get_text("/safety/drills?short=true").await;
        let other_name = crate::common::browser::institution_name(&app, other).await;
        assert!(
            html.contains("演练达标率") && html.contains(&other_name),
            "{html}"
        );
    }
);

both_backends!(bad_drills_change_nothing, |b: Backend| async move {
    let app = spawn_without_demo(b).await;
    let mut school = app.login("school003").await;
    let (s, v) = school
        .post_json(
            "/api/v1/safety/drills",
            &json!({"drilled_on": "2999-01-01", "drill_type": "flood", "participants": "0",
                    "duration_minutes": "abc"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = refused_fields(&v);
    assert_eq!(
        fields,
        [
            "drilled_on",
            "drill_type",
            "participants",
            "duration_minutes"
        ]
    );
    let r = school
        .upload_response(
            "/safety/drills",
            "a.png",
            b"not a picture".to_vec(),
            &[
                ("drilled_on", &platform::time::today().to_string()),
                ("drill_type", "fire"),
                ("participants", "100"),
                ("duration_minutes", "20"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a file that is not a picture"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM safety_drills").await, 0);
    let r = school
        .upload_response(
            "/safety/drills",
            "a.png",
            png(),
            &[
                ("drilled_on", &platform::time::today().to_string()),
                ("drill_type", "fire"),
                ("participants", "100"),
                ("duration_minutes", "20"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM safety_drills").await, 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM inspection_evidence WHERE subject = 'drill'"
        )
        .await,
        1
    );
});
