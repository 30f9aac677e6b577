//! A teacher reads their own record at /teachers/me once the bureau links
//! it to their account; nobody else's.

use platform::auth::{password, users, Role};
use reqwest::StatusCode;
use serde_json::json;

use super::created;
use crate::both_backends;
use crate::common::{Backend, TestApp};

async fn account(app: &TestApp, username: &str) {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let user = users::NewUser {
        username,
        display_name: "教师本人",
        password_hash: &hash,
        role: Role::Inspector,
        institution: None,
        must_change_password: false,
    };
    users::create(&mut tx, user).await.unwrap();
    tx.commit().await.unwrap();
}

both_backends!(
    a_teacher_reads_their_own_record,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "韩梅", 71).await;
        account(&app, "hanmei").await;
        let teacher = app.login("hanmei").await;
        let (status, _) = teacher.get_json("/api/v1/teachers/me").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "no record linked yet");

        let path = format!("/api/v1/teachers/staff/{id}/account");
        let (status, body) = renshi.put_json(&path, &json!({"username": "nobody"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let mut school = app.login("school003").await;
        let (status, _) = school.put_json(&path, &json!({"username": "hanmei"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "the bureau links accounts");
        let (status, _) = renshi.put_json(&path, &json!({"username": "hanmei"})).await;
        assert_eq!(status, StatusCode::NO_CONTENT);

        let (status, v) = teacher.get_json("/api/v1/teachers/me").await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["record"]["name"], "韩梅");
        assert_eq!(v["record"]["national_id"].as_str().unwrap().len(), 18);
        assert!(
            !v["record"]["national_id"].as_str().unwrap().contains('*'),
            "their own ID in full"
        );
        let (status, page) = teacher.get_text("/teachers/me").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("韩梅") && !page.contains("编辑信息"));
        let (status, _) = renshi.get_json("/api/v1/teachers/me").await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "renshi has no record of their own"
        );
    }
);
