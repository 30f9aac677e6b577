//! An institution user can never reach another institution's records,
//! whatever the URL: every route that takes an institution id answers 404
//! for someone else's id, and works for the user's own.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::students::{admit, child, code_of, id_for};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client};

/// (method, path template, body) of every route taking an institution id.
fn routes() -> Vec<(Method, &'static str, Option<serde_json::Value>)> {
    vec![
        (Method::GET, "/api/v1/institutions/{id}", None),
        (
            Method::PUT,
            "/api/v1/institutions/{id}",
            Some(json!({"version": 1, "phone": "0572-0000000"})),
        ),
        (Method::GET, "/api/v1/institutions/{id}/designations", None),
        (
            Method::POST,
            "/api/v1/institutions/{id}/designations",
            Some(json!({"title": "优质学校", "event": "awarded", "year": 2020})),
        ),
        (Method::GET, "/api/v1/institutions/{id}/tracking", None),
        (
            Method::POST,
            "/api/v1/institutions/{id}/tracking",
            Some(json!({"date": "2026-04-01", "status": "found"})),
        ),
        (Method::GET, "/api/v1/institutions/{id}/capacity", None),
        (Method::GET, "/institutions/{id}", None),
        (Method::GET, "/institutions/{id}/edit", None),
    ]
}

/// Page form posts taking an id.
fn form_routes() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "/institutions/{id}",
            vec![("version", "1"), ("phone", "0572-0000000")],
        ),
        (
            "/institutions/{id}/designations",
            vec![
                ("title", "优质学校"),
                ("event", "awarded"),
                ("year", "2020"),
            ],
        ),
        (
            "/institutions/{id}/tracking",
            vec![("date", "2026-04-01"), ("status", "found")],
        ),
    ]
}

async fn call(
    c: &mut Client,
    method: &Method,
    path: &str,
    body: &Option<serde_json::Value>,
) -> StatusCode {
    match body {
        Some(b) => c.send_json(method.clone(), path, b).await.0,
        None => c.get(path).await.status(),
    }
}

both_backends!(
    every_id_route_hides_other_institutions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school004").await;
        let other = app.institution_of("school009").await;
        let before: Vec<String> = {
            let admin = app.login("admin").await;
            let (_, v) = admin
                .get_json(&format!("/api/v1/institutions/{other}"))
                .await;
            vec![
                v.to_string(),
                admin
                    .get_json(&format!("/api/v1/institutions/{other}/designations"))
                    .await
                    .1
                    .to_string(),
            ]
        };
        let mut c = app.login("school004").await;
        for (method, template, body) in routes() {
            let path = template.replace("{id}", &other.to_string());
            let status = call(&mut c, &method, &path, &body).await;
            assert_eq!(
                status,
                StatusCode::NOT_FOUND,
                "{method} {path} must be 404 for another institution"
            );
            // And an id that does not exist at all looks the same.
            let missing = template.replace("{id}", "987654");
            assert_eq!(
                call(&mut c, &method, &missing, &body).await,
                StatusCode::NOT_FOUND,
                "{method} {missing}"
            );
        }
        for (template, fields) in form_routes() {
            let path = template.replace("{id}", &other.to_string());
            let r = c.post_form(&path, &fields).await;
            assert_eq!(
                r.status(),
                StatusCode::NOT_FOUND,
                "POST {path} must be 404 for another institution"
            );
            assert!(!r.text().await.expect("body").contains("school009"));
        }
        // The user's own records answer.
        for template in [
            "/api/v1/institutions/{id}",
            "/api/v1/institutions/{id}/designations",
            "/api/v1/institutions/{id}/capacity",
            "/institutions/{id}",
            "/institutions/{id}/edit",
        ] {
            let path = template.replace("{id}", &own.to_string());
            assert_eq!(c.get(&path).await.status(), StatusCode::OK, "{path}");
        }
        // Lists and exports hold only the user's own institution.
        let (_, list) = c.get_json("/api/v1/institutions?page=1").await;
        assert_eq!(list["total"], 1);
        assert_eq!(list["items"][0]["id"], own);
        let r = c.get("/api/v1/institutions/export").await;
        let bytes = r.bytes().await.expect("xlsx").to_vec();
        let table = platform::excel::read_table(&bytes, "x.xlsx", None).expect("readable export");
        assert_eq!(table.rows.len(), 1);
        // Nothing about the other institution changed.
        let admin = app.login("admin").await;
        let after = vec![
            admin
                .get_json(&format!("/api/v1/institutions/{other}"))
                .await
                .1
                .to_string(),
            admin
                .get_json(&format!("/api/v1/institutions/{other}/designations"))
                .await
                .1
                .to_string(),
        ];
        assert_eq!(before, after);
    }
);

both_backends!(
    scope_is_applied_in_the_storage_layer,
    |b: Backend| async move {
        // Straight to the store, bypassing every handler: the scope alone hides
        // the record.
        let app = spawn_app(b).await;
        let own = platform::InstitutionId(app.institution_of("school004").await);
        let other = platform::InstitutionId(app.institution_of("school009").await);
        let scope = platform::auth::Scope::Institution(own);
        assert!(institutions::store::get(&app.db, &scope, own).await.is_ok());
        assert!(matches!(
            institutions::store::get(&app.db, &scope, other).await,
            Err(platform::db::DbError::NotFound)
        ));
        assert!(institutions::store::designations(&app.db, &scope, other)
            .await
            .expect("query")
            .is_empty());
        assert!(
            institutions::store::capacity_history(&app.db, &scope, other)
                .await
                .expect("query")
                .is_empty()
        );
        let page = institutions::store::list(&app.db, &scope, &Default::default())
            .await
            .expect("list");
        assert_eq!(
            page.items.iter().map(|i| i.id).collect::<Vec<_>>(),
            vec![own]
        );
    }
);

/// (method, path template, body) of every route taking a student id.
fn student_routes() -> Vec<(Method, &'static str, Option<serde_json::Value>)> {
    vec![
        (Method::GET, "/api/v1/students/{id}", None),
        (Method::GET, "/api/v1/students/{id}/enrolments", None),
        (Method::GET, "/api/v1/students/{id}/aid", None),
        (
            Method::POST,
            "/api/v1/students/{id}/suspend",
            Some(json!({})),
        ),
        (Method::GET, "/students/{id}", None),
        (Method::GET, "/aid/students/{id}", None),
    ]
}

both_backends!(
    every_student_route_hides_other_institutions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let code = code_of(&app, "school001").await;
        let mut owner = app.login("school001").await;
        let (s, rec) = admit(
            &mut owner,
            &child("沈小红", &id_for("20170305", 41), &code, "三年级"),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{rec}");
        let sid = rec["id"].as_i64().expect("id");
        let mut c = app.login("school004").await;
        for (method, template, body) in student_routes() {
            for id in [sid, 987_654] {
                let path = template.replace("{id}", &id.to_string());
                let status = call(&mut c, &method, &path, &body).await;
                assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
            }
        }
        for (method, template, _) in student_routes() {
            if method == Method::GET {
                let path = template.replace("{id}", &sid.to_string());
                assert_eq!(owner.get(&path).await.status(), StatusCode::OK, "{path}");
            }
        }
    }
);
