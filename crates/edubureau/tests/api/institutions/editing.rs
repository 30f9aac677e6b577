//! Stale edits and what institution staff may change.

use super::*;

both_backends!(
    second_save_on_a_stale_version_is_refused,
    |b: Backend| async move {
        let StaleEdit {
            app: _app,
            mut bob,
            id,
            mut current,
            version,
        } = stale_edit(b).await;
        current["version"] = json!(version);
        current["phone"] = json!("0572-2222222");
        current["township"] = json!("330503001");
        let (s, refused) = bob
            .put_json(&format!("/api/v1/institutions/{id}"), &current)
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(refused["message"]
            .as_str()
            .expect("message")
            .contains("已被他人修改"));
        let (_, now) = bob.get_json(&format!("/api/v1/institutions/{id}")).await;
        assert_eq!(now["phone"], "0572-1111111", "the first save stands");
    }
);

both_backends!(
    institution_staff_edit_only_contact_fields,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let id = app.institution_of("school002").await;
        let mut c = app.login("school002").await;
        let (_, current) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
        let mut body = current.clone();
        body["principal"] = json!("新校长");
        body["name"] = json!("改名企图");
        body["approved_places"] = json!(99999);
        let (s, saved) = c
            .put_json(&format!("/api/v1/institutions/{id}"), &body)
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["principal"], "新校长");
        assert_eq!(saved["name"], current["name"]);
        assert_eq!(saved["approved_places"], current["approved_places"]);
    }
);
