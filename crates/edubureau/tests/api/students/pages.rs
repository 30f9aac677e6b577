//! The student pages.

use super::*;

both_backends!(
    pages_list_record_and_admission_form,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let (s, list) = c
            .get_text("/students?grade=&township_id=&category=left_behind")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("留守"));
        let (_, json) = c.get_json("/api/v1/students?category=left_behind").await;
        let sid = json["items"][0]["id"]
            .as_i64()
            .expect("a left-behind pupil in the demo");
        let (s, page) = c.get_text(&format!("/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("学籍变动"));
        let (s, form) = c.get_text("/students/new").await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("身份证件号"));
        let r = c
            .post_form("/students", &[("姓名", "表单学生"), ("身份证件号", "123")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("身份证号应为 18 位"));
    }
);
