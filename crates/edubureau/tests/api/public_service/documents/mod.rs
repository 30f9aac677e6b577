//! Official documents (电子公文): drafting, 核稿, 签发 with its number, issue
//! and receipts; incoming documents and their routing; who sees what; the
//! demo's documents and the indicators.

pub mod demo;
mod flow;
mod incoming;
mod scoping;

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{spawn_app, Backend, Client, TestApp};

/// A demo app without the documents (and their files), for tests that count
/// their own.
pub async fn spawn_without_documents(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    for sql in [
        "DELETE FROM public_document_recipients",
        "DELETE FROM public_document_steps",
        "DELETE FROM public_documents",
        "DELETE FROM public_incoming",
        "DELETE FROM public_files WHERE subject = 'document'",
    ] {
        app.db
            .execute(Sql::new(sql))
            .await
            .expect("empty documents");
    }
    app
}

/// Drafts a document as `client`, sent to `schools` (主送) and copied to the
/// 安全科; returns its id.
pub async fn draft(client: &mut Client, title: &str, schools: &[i64]) -> i64 {
    let mut recipients: Vec<Value> = schools
        .iter()
        .map(|id| json!({ "institution_id": id }))
        .collect();
    recipients.push(json!({ "section": "safety", "copy_only": true }));
    let (s, v) = client
        .post_json(
            "/api/v1/public/documents",
            &json!({
                "doc_type": "notice",
                "title": title,
                "body": "各学校：\n请认真做好相关工作。",
                "recipients": recipients,
            }),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["document"]["id"].as_i64().unwrap()
}

/// Takes a step on a document; returns the status and the body.
pub async fn step(client: &mut Client, id: i64, step: &str, body: Value) -> (StatusCode, Value) {
    client
        .post_json(&format!("/api/v1/public/documents/{id}/{step}"), &body)
        .await
}

/// Drafts, reviews (办公室) and signs (leadership) a document; returns
/// its id and number.
pub async fn issued(app: &TestApp, title: &str, schools: &[i64]) -> (i64, String) {
    let mut jijiao = app.login("jijiao").await;
    let id = draft(&mut jijiao, title, schools).await;
    assert_eq!(
        step(&mut jijiao, id, "submit", json!({})).await.0,
        StatusCode::OK
    );
    let mut office = app.login("bangongshi").await;
    assert_eq!(
        step(&mut office, id, "pass", json!({})).await.0,
        StatusCode::OK
    );
    let mut admin = app.login("admin").await;
    let (s, v) = step(&mut admin, id, "sign", json!({ "comment": "同意" })).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    (id, v["document"]["number"].as_str().unwrap().to_string())
}

/// The keys of the steps in a document's history, oldest first.
pub fn steps_of(v: &Value) -> Vec<&str> {
    v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect()
}
