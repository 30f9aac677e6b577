//! Every estate route taking an id answers 404 for another school's record
//! and works for the school's own.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::fixtures::{add_building, asset, building, days_ago, purchase};
use crate::both_backends;
use crate::common::{Backend, Client};

/// (building, asset, purchase) ids of the signed-in school.
async fn records(c: &mut Client, own: i64) -> (i64, i64, i64) {
    let b = add_building(c, own, "1号教学楼", 2400, Some("D")).await;
    let (_, a) = c
        .post_json(
            "/api/v1/construction/assets",
            &asset(own, "学生计算机", 10, 45_000),
        )
        .await;
    let (_, p) = c
        .post_json(
            "/api/v1/construction/procurement",
            &purchase(own, "录播教室设备", &days_ago(10)),
        )
        .await;
    (
        b,
        a["id"].as_i64().expect("asset"),
        p["id"].as_i64().expect("purchase"),
    )
}

fn routes(own: i64, (b, a, p): (i64, i64, i64)) -> Vec<(Method, String, Option<Value>)> {
    let mut change = building(own, "1号教学楼", 2500, Some("D"));
    change["version"] = json!(1);
    let disposal = json!({"kind": "disposal", "quantity": 1, "moved_on": days_ago(1), "approved_by": "总务主任", "reason": "损坏"});
    let acceptance = json!({"accepted_on": days_ago(1), "members": "王明、李华", "result": "pass"});
    vec![
        (
            Method::GET,
            format!("/api/v1/construction/buildings/{b}"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/construction/buildings/{b}"),
            Some(change),
        ),
        (Method::GET, format!("/construction/buildings/{b}"), None),
        (
            Method::GET,
            format!("/construction/buildings/{b}/edit"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/construction/assets/{a}"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/construction/assets/{a}/movements"),
            Some(disposal),
        ),
        (Method::GET, format!("/construction/assets/{a}"), None),
        (
            Method::GET,
            format!("/api/v1/construction/procurement/{p}"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/construction/procurement/{p}/acceptance"),
            Some(acceptance),
        ),
        (Method::GET, format!("/construction/procurement/{p}"), None),
    ]
}

async fn call(c: &mut Client, method: &Method, path: &str, body: &Option<Value>) -> StatusCode {
    match body {
        Some(v) => c.send_json(method.clone(), path, v).await.0,
        None => c.get(path).await.status(),
    }
}

both_backends!(
    a_school_reaches_only_its_own_estate,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut mine = app.login("school003").await;
        let mut theirs = app.login("school004").await;
        let my = records(&mut mine, own).await;
        let their = records(&mut theirs, other).await;
        for (method, path, body) in routes(other, their) {
            assert_eq!(
                call(&mut mine, &method, &path, &body).await,
                StatusCode::NOT_FOUND,
                "{method} {path}"
            );
        }
        // The rebuild route answers 404 for a foreign building before it says
        // a school may not start projects.
        let rebuild = format!("/api/v1/construction/buildings/{}/rebuild", their.0);
        assert_eq!(
            mine.post_json(&rebuild, &json!({})).await.0,
            StatusCode::NOT_FOUND
        );
        let form = format!("/construction/buildings/{}", their.0);
        let r = mine
            .post_form(&form, &[("version", "1"), ("name", "x")])
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        for (method, path, body) in routes(own, my) {
            let s = call(&mut mine, &method, &path, &body).await;
            assert!(s.is_success(), "{method} {path}: {s}");
        }
        let (_, list) = mine.get_json("/api/v1/construction/buildings").await;
        assert_eq!(
            list["totals"]["buildings"], 1,
            "a school lists only its own"
        );
    }
);
