//! Personal data by construction: records come masked for the caller with
//! nothing that gives the mask away, every view is audited once, and the
//! bureau-only part of aid answers an institution user one way.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::exports::{column, first_sheet};
use super::students::{admit, child, code_of, id_for};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// A pupil of school001 born on 2017-03-05: (student id, ID number).
async fn pupil(app: &TestApp, seq: u32) -> (i64, String) {
    let school = code_of(app, "school001").await;
    let mut c = app.login("school001").await;
    let id_number = id_for("20170305", seq);
    let (s, rec) = admit(&mut c, &child("沈小明", &id_number, &school, "三年级")).await;
    assert_eq!(s, StatusCode::CREATED, "{rec}");
    (rec["id"].as_i64().expect("id"), id_number)
}

both_backends!(
    an_inspector_sees_the_birth_year_only_and_cannot_search_by_number,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (sid, id_number) = pupil(&app, 31).await;
        let duxue = app.login("duxue").await;
        let (s, rec) = duxue.get_json(&format!("/api/v1/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK, "{rec}");
        assert_eq!(
            rec["id_number"],
            format!("{}********{}", &id_number[..6], &id_number[14..])
        );
        assert_eq!(
            rec["birth_date"], "2017年",
            "the year only beside a masked ID"
        );
        let (_, page) = duxue.get_text(&format!("/students/{sid}")).await;
        assert!(page.contains("2017年"), "{page}");
        assert!(!page.contains("2017-03-05") && !page.contains(&id_number));
        // A search by number is refused whether or not the number exists.
        for q in [id_number.clone(), id_for("20100101", 999)] {
            let (s, e) = duxue.get_json(&format!("/api/v1/students?q={q}")).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert!(e.to_string().contains("不能按证件号查找"), "{e}");
        }
        // Lists and exports show the year only too.
        let (_, list) = duxue.get_json("/api/v1/students?q=沈小明").await;
        assert_eq!(list["items"][0]["birth_date"], "2017年", "{list}");
        let bytes = duxue
            .get("/api/v1/students/export?q=沈小明")
            .await
            .bytes()
            .await
            .expect("xlsx");
        let sheet = first_sheet(&bytes);
        assert_eq!(column(&sheet, "出生日期")[0].to_string(), "2017年");
        // Full view is unchanged.
        let jijiao = app.login("jijiao").await;
        let (_, full) = jijiao.get_json(&format!("/api/v1/students/{sid}")).await;
        assert_eq!(full["birth_date"], "2017-03-05");
        assert_eq!(full["id_number"], id_number.as_str());
    }
);

async fn views_by(app: &TestApp, username: &str) -> i64 {
    app.db
        .scalar(
            platform::db::Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND username = ",
            )
            .bind(username),
        )
        .await
        .expect("count")
}

both_backends!(
    every_view_of_a_student_is_audited_once,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (sid, _) = pupil(&app, 32).await;
        let c = app.login("zizhu").await;
        for path in [
            "/api/v1/students?page=1".to_string(),
            format!("/api/v1/students/{sid}/aid"),
            format!("/aid/students/{sid}"),
            format!("/api/v1/students/{sid}/enrolments"),
            format!("/api/v1/students/{sid}"),
        ] {
            let before = views_by(&app, "zizhu").await;
            assert_eq!(c.get(&path).await.status(), StatusCode::OK, "{path}");
            assert_eq!(
                views_by(&app, "zizhu").await,
                before + 1,
                "{path} writes one view"
            );
        }
    }
);

/// Every bureau-only aid route: (method, path, JSON or form body).
fn bureau_only() -> Vec<(Method, &'static str, Value)> {
    let term = json!({"school_year": 2025, "half": 1, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100});
    let program = json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}]});
    let reverse = json!({"reason": "错发", "reissue_amount": ""});
    vec![
        (Method::GET, "/api/v1/aid/runs", Value::Null),
        (Method::POST, "/api/v1/aid/runs", term.clone()),
        (Method::GET, "/api/v1/aid/runs/1", Value::Null),
        (Method::POST, "/api/v1/aid/runs/1/approve", json!({})),
        (Method::POST, "/api/v1/aid/runs/1/pay", json!({})),
        (
            Method::POST,
            "/api/v1/aid/ledger/1/reverse",
            reverse.clone(),
        ),
        (Method::POST, "/api/v1/aid/programs", program.clone()),
        (
            Method::PUT,
            "/api/v1/aid/programs/1",
            json!({"version": 1, "name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}]}),
        ),
        (Method::GET, "/aid/programs/new", Value::Null),
        (Method::GET, "/aid/programs/1/edit", Value::Null),
        (Method::GET, "/aid/runs/1", Value::Null),
        (Method::PATCH, "/aid/runs", term),
        (Method::PATCH, "/aid/programs", json!({"name": "x"})),
        (
            Method::PATCH,
            "/aid/programs/1",
            json!({"version": "1", "name": "x"}),
        ),
        (Method::PATCH, "/aid/runs/1/approve", json!({})),
        (Method::PATCH, "/aid/runs/1/pay", json!({})),
        (Method::PATCH, "/aid/ledger/1/reverse", reverse),
    ]
}

/// PATCH in the table stands for a page form post.
async fn call(c: &mut Client, method: &Method, path: &str, body: &Value) -> StatusCode {
    if *method == Method::PATCH {
        let fields: Vec<(String, String)> = body
            .as_object()
            .expect("fields")
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str().map(String::from).unwrap_or(v.to_string()),
                )
            })
            .collect();
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        c.post_form(path, &fields).await.status()
    } else if body.is_null() {
        c.get(path).await.status()
    } else {
        c.send_json(method.clone(), path, body).await.0
    }
}

both_backends!(
    a_school_gets_404_on_every_bureau_only_aid_route,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut school = app.login("school001").await;
        for (method, path, body) in bureau_only() {
            assert_eq!(
                call(&mut school, &method, path, &body).await,
                StatusCode::NOT_FOUND,
                "{method} {path}"
            );
        }
        // The bureau reaches them; a section without the right is refused.
        let zizhu = app.login("zizhu").await;
        assert_eq!(zizhu.get("/api/v1/aid/runs").await.status(), StatusCode::OK);
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .post_json("/api/v1/aid/programs", &bureau_only()[6].2)
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);
