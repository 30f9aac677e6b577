//! 基建项目: filing projects with their seven phases, who may write them,
//! scoping by institution, the order of phases, delivering a new school to
//! the registry, funding within contracts, the timeline, and the demo's
//! figures from the seeds.

use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::db::Sql;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

/// A 计财科 account, which the demo does not make.
async fn finance(app: &TestApp) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("tx");
    users::create(
        &mut tx,
        NewUser {
            username: "jicai",
            display_name: "计财科 吴老师",
            password_hash: &hash,
            role: Role::Section(Section::Finance),
            institution: None,
            must_change_password: false,
        },
    )
    .await
    .expect("user");
    tx.commit().await.expect("commit");
    app.login("jicai").await
}

fn at_school(institution: i64, name: &str) -> Value {
    json!({"name": name, "kind": "dangerous_rebuild", "institution_id": institution, "year": 2026,
           "planned_floor_area": 1200, "dangerous_area_removed": 600, "responsible_person": "王工"})
}

fn new_school(township: i64, school: &str) -> Value {
    json!({"name": format!("{school}新建工程"), "kind": "新建", "township_id": township,
           "school_name": school, "school_type": "211", "school_code": "3305039901", "year": 2025,
           "planned_floor_area": 21000})
}

async fn create(c: &mut Client, body: &Value) -> i64 {
    let (s, v) = c.post_json("/api/v1/construction/projects", body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

async fn township(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT id FROM townships ORDER BY code LIMIT 1"))
        .await
        .expect("township")
}

fn messages(v: &Value) -> String {
    v["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["message"].as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

async fn phase(c: &mut Client, id: i64, phase: &str, body: Value) -> (StatusCode, Value) {
    c.put_json(
        &format!("/api/v1/construction/projects/{id}/phases/{phase}"),
        &body,
    )
    .await
}

mod delivery;
mod demo;
mod filing;
mod funding;
mod phases;
mod scoping;
mod timeline;
