//! A school asking for another school's staff record by id gets 404 on
//! every route that takes an id; its own works.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{created, record};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn status(c: &mut Client, method: Method, path: &str) -> StatusCode {
    let body = match method {
        Method::GET => return c.get(path).await.status(),
        _ if path.ends_with("/postings") => {
            json!({"kind": "交流轮岗", "institution": "x", "starts_on": "2030-01-01"})
        }
        _ if path.ends_with("/honours") => {
            json!({"kind": "荣誉", "title": "优秀教师", "level": "校级", "year": "2024"})
        }
        _ if path.ends_with("/reject") => json!({"comment": "请核实"}),
        _ => {
            let mut r = record("郑洁", "19870707", 51);
            r["version"] = json!(1);
            r["subjects"] = json!("英语");
            r
        }
    };
    c.send_json(method, path, &body).await.0
}

both_backends!(
    other_schools_staff_are_not_found,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "郑洁", 51).await;
        let mut other = app.login("school002").await;
        let mut own = app.login("school003").await;
        let routes = [
            (Method::GET, format!("/teachers/staff/{id}")),
            (Method::GET, format!("/teachers/staff/{id}/edit")),
            (Method::GET, format!("/api/v1/teachers/staff/{id}")),
            (Method::POST, format!("/api/v1/teachers/staff/{id}/honours")),
            (Method::PUT, format!("/api/v1/teachers/staff/{id}")),
        ];
        for (method, path) in &routes {
            assert_eq!(
                status(&mut other, method.clone(), path).await,
                StatusCode::NOT_FOUND,
                "{method} {path}"
            );
            let s = status(&mut own, method.clone(), path).await;
            assert!(s.is_success(), "{method} {path} for the own school: {s}");
        }
        let postings = format!("/api/v1/teachers/staff/{id}/postings");
        assert_eq!(
            status(&mut other, Method::POST, &postings).await,
            StatusCode::NOT_FOUND
        );
        // The own school reaches the route (the made-up institution is refused).
        assert_eq!(
            status(&mut own, Method::POST, &postings).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        // The school's pending change is not another school's to see, and
        // never a school's to decide.
        let (_, queue) = own.get_json("/api/v1/teachers/reviews").await;
        let change = queue[0]["id"].as_i64().expect("the pending change");
        let (_, theirs) = other.get_json("/api/v1/teachers/reviews").await;
        assert_eq!(theirs.as_array().unwrap().len(), 0);
        for path in [
            format!("/api/v1/teachers/reviews/{change}/approve"),
            format!("/api/v1/teachers/reviews/{change}/reject"),
        ] {
            assert_eq!(
                status(&mut other, Method::POST, &path).await,
                StatusCode::NOT_FOUND,
                "{path}"
            );
            assert_eq!(
                status(&mut own, Method::POST, &path).await,
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        assert_eq!(
            status(
                &mut renshi,
                Method::POST,
                &format!("/api/v1/teachers/reviews/{change}/reject")
            )
            .await,
            StatusCode::NO_CONTENT
        );

        // Form posts as well; linking an account is the bureau's alone.
        let honour = [
            ("kind", "荣誉"),
            ("title", "优秀"),
            ("level", "校级"),
            ("year", "2024"),
        ];
        let path = format!("/teachers/staff/{id}/honours");
        assert_eq!(
            other.post_form(&path, &honour).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            own.post_form(&path, &honour).await.status(),
            StatusCode::SEE_OTHER
        );
        let forms: [(String, &[(&str, &str)]); 5] = [
            (
                format!("/teachers/staff/{id}"),
                &[("version", "1"), ("name", "郑洁")],
            ),
            (
                format!("/teachers/staff/{id}/postings"),
                &[("kind", "交流轮岗"), ("starts_on", "2030-01-01")],
            ),
            (
                format!("/teachers/staff/{id}/account"),
                &[("username", "school002")],
            ),
            (format!("/teachers/reviews/{change}/approve"), &[]),
            (
                format!("/teachers/reviews/{change}/reject"),
                &[("comment", "请核实")],
            ),
        ];
        for (path, fields) in &forms {
            let status = other.post_form(path, fields).await.status();
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        let account = format!("/api/v1/teachers/staff/{id}/account");
        let body = json!({"username": "school002"});
        for client in [&mut other, &mut own] {
            assert_eq!(
                client.put_json(&account, &body).await.0,
                StatusCode::NOT_FOUND
            );
        }
    }
);
