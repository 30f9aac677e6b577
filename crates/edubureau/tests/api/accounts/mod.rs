//! Account administration: leadership (and the information centre) create,
//! change, disable and enable accounts and reset passwords, each change
//! audited; everybody else is refused.

mod changes;
mod list;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// Posts the new-account form: user name, display name, role, institution
/// and password (empty for a temporary one).
async fn create_by_form(admin: &mut Client, values: [&str; 5]) -> reqwest::Response {
    let names = [
        "username",
        "display_name",
        "role",
        "institution",
        "password",
    ];
    let fields: Vec<_> = names.into_iter().zip(values).collect();
    admin.post_form("/accounts", &fields).await
}

pub async fn user_id(app: &TestApp, username: &str) -> i64 {
    platform::auth::users::find_by_username(&app.db, username)
        .await
        .expect("query")
        .expect("user exists")
        .id
        .0
}

/// The audit entries about account `id`, oldest first.
pub async fn audit_of(admin: &Client, id: i64) -> Vec<Value> {
    let (s, log) = admin
        .get_json(&format!("/api/v1/audit?entity=user&entity_id={id}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let mut entries = log.as_array().expect("entries").clone();
    entries.reverse();
    entries
}

pub fn json_of(entry: &Value, field: &str) -> Value {
    serde_json::from_str(entry[field].as_str().unwrap_or("null")).expect("json")
}

/// A new account made through the API, signed in after replacing its
/// initial password.
pub async fn new_account(app: &TestApp, admin: &mut Client, username: &str, role: Value) -> Client {
    let mut body = role;
    body["username"] = json!(username);
    body["display_name"] = json!(format!("测试 {username}"));
    body["password"] = json!("initial2026x");
    let (s, created) = admin.post_json("/api/v1/accounts", &body).await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    let mut c = app.client();
    assert_eq!(
        c.api_login(username, "initial2026x").await.status(),
        StatusCode::OK
    );
    let changed = c.change_password("initial2026x", "changed2026x", "changed2026x");
    assert_eq!(changed.await.status(), StatusCode::SEE_OTHER);
    let mut c = app.client();
    assert_eq!(
        c.api_login(username, "changed2026x").await.status(),
        StatusCode::OK
    );
    c
}

/// The temporary password shown once on the page after creating or resetting.
fn shown_password(page: &str) -> String {
    let start = page
        .find("id=\"temporary-password\">")
        .expect("password shown")
        + 24;
    page[start..].split('<').next().expect("text").to_string()
}
both_backends!(
    a_leader_creates_an_account_that_must_change_its_password,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut admin = app.login("admin").await;
        let r = create_by_form(
            &mut admin,
            ["xinxi01", "信息中心 赵老师", "section:information", "", ""],
        )
        .await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.expect("body");
        let temporary = shown_password(&page);
        assert_eq!(temporary.len(), 12, "{temporary}");

        let mut user = app.client();
        let r = user.api_login("xinxi01", &temporary).await;
        assert_eq!(r.status(), StatusCode::OK);
        let me: Value = r.json().await.expect("json");
        assert_eq!(me["must_change_password"], true);
        assert_eq!(me["role"], "section");
        // Nothing else answers until the password is changed.
        let r = user.get("/accounts").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/account/password");
        let (s, body) = user.get_json("/api/v1/accounts").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        assert_eq!(body["code"], "password_change_required");
        assert_eq!(user.get("/account/password").await.status(), StatusCode::OK);
        let r = user
            .change_password(&temporary, "xinxi2026new", "xinxi2026new")
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // The information centre manages accounts too.
        let mut again = app.client();
        assert_eq!(
            again.api_login("xinxi01", "xinxi2026new").await.status(),
            StatusCode::OK
        );
        let (s, list) = again.get_json("/api/v1/accounts?q=xinxi").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(list["total"], 1);
        assert_eq!(list["items"][0]["must_change_password"], false);
        assert_eq!(list["items"][0]["role_label"], "科室人员（信息中心）");

        let id = user_id(&app, "xinxi01").await;
        let entries = audit_of(&admin, id).await;
        let create = &entries[0];
        assert_eq!(
            (&create["action"], &create["username"]),
            (&json!("create"), &json!("admin"))
        );
        let after = json_of(create, "after_json");
        assert_eq!(after["section"], "information");
        assert_eq!(after["must_change_password"], true);
        assert!(!create["after_json"]
            .as_str()
            .unwrap_or("")
            .contains("argon2"));
    }
);

both_backends!(
    institutions_are_chosen_by_name_and_a_failed_form_keeps_what_was_typed,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut admin = app.login("admin").await;
        let school = app.institution_of("school001").await;
        let (_, inst) = admin
            .get_json(&format!("/api/v1/institutions/{school}"))
            .await;
        let name = inst["name"].as_str().expect("name").to_string();
        let (_, form) = admin.get_text("/accounts/new").await;
        assert!(
            form.contains(&format!("value=\"{name}")),
            "the picker offers {name}"
        );

        let r = create_by_form(
            &mut admin,
            ["王老师", "王老师", "institution", "不存在的学校", "short"],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        for kept in [
            "value=\"王老师\"",
            "value=\"不存在的学校\"",
            "value=\"institution\" selected",
        ] {
            assert!(page.contains(kept), "kept {kept}");
        }
        for message in [
            "用户名须为",
            "未找到机构“不存在的学校”",
            "密码至少需要 8 个字符",
        ] {
            assert!(
                page.contains(&format!("class=\"field-error\">{message}")),
                "{message} beside its field"
            );
        }
        assert_eq!(page.matches("class=\"field-error\"").count(), 3);

        let r = admin
            .post_form(
                "/accounts",
                &[
                    ("username", "wang.school1"),
                    ("display_name", "王老师"),
                    ("role", "institution"),
                    ("institution", name.as_str()),
                    ("password", "school2026a"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let (_, list) = admin
            .get_json(&format!("/api/v1/accounts?institution_id={school}"))
            .await;
        let names: Vec<&str> = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|a| a["username"].as_str())
            .collect();
        assert_eq!(names, ["school001", "wang.school1"]);
        assert_eq!(
            list["items"][1]["institution_name"]
                .as_str()
                .map(|n| n.starts_with(&name)),
            Some(true)
        );
        // A user name is taken once.
        let (s, body) = admin
            .post_json(
                "/api/v1/accounts",
                &json!({"username": "wang.school1", "display_name": "另一位", "role": "inspector"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["fields"][0]["field"], "username");
    }
);
