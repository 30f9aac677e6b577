//! A transferred pupil is placed in a class by the receiving school: when
//! it confirms, or afterwards from the 待分班 list it is prompted with.

use super::*;

/// school001 asks to transfer a new fifth-grader (`seq`) to school014;
/// the pupil's and the transfer's ids.
async fn transfer_out(app: &TestApp, name: &str, seq: u32) -> (i64, i64) {
    let from = code_of(app, "school001").await;
    let to = code_of(app, "school014").await;
    let mut sender = app.login("school001").await;
    let (s, rec) = admit(
        &mut sender,
        &child(name, &id_for("20150610", seq), &from, "五年级"),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{rec}");
    let sid = rec["id"].as_i64().expect("id");
    let (s, t) = sender
        .post_json(
            &format!("/api/v1/students/{sid}/transfer"),
            &json!({"to_code": to, "reason": "随父母搬家"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    (sid, t["id"].as_i64().expect("id"))
}

async fn class_of(c: &Client, sid: i64) -> Value {
    c.get_json(&format!("/api/v1/students/{sid}")).await.1["class_name"].clone()
}

both_backends!(
    the_receiving_school_places_a_transferred_pupil,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut receiver = app.login("school014").await;

        // Placed when confirming.
        let (placed, tid) = transfer_out(&app, "分班生", 71).await;
        let (_, page) = receiver.get_text("/students/transfers").await;
        assert!(
            page.contains("name=\"class_name\""),
            "the confirmation asks for a class"
        );
        let r = receiver
            .post_form(
                &format!("/students/transfers/{tid}/confirm"),
                &[("class_name", "3班")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(class_of(&receiver, placed).await, "3班");
        let (_, list) = receiver.get_text("/students").await;
        assert!(!list.contains("unplaced-prompt"), "nobody waits");

        // Confirmed without a class: flagged and prompted until placed.
        let (waiting, tid) = transfer_out(&app, "待分班生", 73).await;
        let (s, _) = receiver
            .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(class_of(&receiver, waiting).await, "");
        let (_, list) = receiver.get_text("/students").await;
        assert!(
            list.contains("unplaced-prompt") && list.contains("1 名转入学生待分班"),
            "{list}"
        );
        let (_, page) = receiver.get_text("/students/transfers").await;
        assert!(page.contains("id=\"unplaced\"") && page.contains("待分班生"));
        let r = receiver
            .post_form(
                &format!("/students/placement/{waiting}"),
                &[("class_name", " ")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Another school cannot place the pupil.
        let mut other = app.login("school001").await;
        let r = other
            .post_form(
                &format!("/students/placement/{waiting}"),
                &[("class_name", "9班")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = receiver
            .post_form(
                &format!("/students/placement/{waiting}"),
                &[("class_name", "2班")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(class_of(&receiver, waiting).await, "2班");
        let (_, list) = receiver.get_text("/students").await;
        assert!(!list.contains("unplaced-prompt"));
        let r = receiver
            .post_form(
                &format!("/students/placement/{waiting}"),
                &[("class_name", "4班")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "placed once");
    }
);
