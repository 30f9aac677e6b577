//! A school's notices to parents: a class's page opened by its link shows
//! the class's notices and no pupil; a parent confirms with the pupil's
//! name and the last four characters of the ID number.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{set_cookie_header, spawn_app, Backend, TestApp};

/// A class of the institution with its pupils (name, ID number, phones).
async fn a_class(
    app: &TestApp,
    institution: i64,
) -> (i64, String, Vec<(String, String, String, String)>) {
    let (grade, class_name): (i64, String) = app
        .db
        .fetch_one(
            Sql::new("SELECT grade, class_name FROM students_enrolments WHERE status <> 'left' AND institution_id = ")
                .bind(institution)
                .push(" GROUP BY grade, class_name ORDER BY grade, class_name LIMIT 1"),
        )
        .await
        .unwrap();
    let pupils: Vec<(String, String, String, String)> = app
        .db
        .fetch_all(
            Sql::new(
                "SELECT s.name, s.id_number, s.phone, s.guardian_phone FROM students s \
                 JOIN students_enrolments e ON e.student_id = s.id WHERE e.status <> 'left' AND e.institution_id = ",
            )
            .bind(institution)
            .push(" AND e.grade = ")
            .bind(grade)
            .push(" AND e.class_name = ")
            .bind(class_name.as_str()),
        )
        .await
        .unwrap();
    (grade, class_name, pupils)
}

both_backends!(a_parent_confirms_a_class_notice, |b: Backend| async move {
    let app = spawn_app(b).await;
    let school = app.institution_of("school003").await;
    let (grade, class_name, pupils) = a_class(&app, school).await;
    let mut staff = app.login("school003").await;
    let (s, link) = staff
        .post_json(
            "/api/v1/public/class-links",
            &json!({"grade": grade, "class_name": class_name}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{link}");
    let code = link["code"].as_str().unwrap().to_string();
    let (s, again) = staff
        .post_json(
            "/api/v1/public/class-links",
            &json!({"grade": grade, "class_name": class_name}),
        )
        .await;
    assert_eq!(
        (s, again["code"].as_str()),
        (StatusCode::OK, Some(code.as_str())),
        "one link per class"
    );
    let (s, sent) = staff
        .post_json(
            "/api/v1/public/parent-notices",
            &json!({"title": "关于召开家长会的通知", "body": "周五下午四时在本班教室召开。",
                    "audience": "class", "audience_value": format!("{grade}:{class_name}")}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{sent}");
    assert_eq!(sent["recipients"], pupils.len() as i64);
    let id = sent["id"].as_i64().unwrap();

    let public = app.client();
    let page = public.get(&format!("/open/class/{code}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let cookie = set_cookie_header(&page, "edb_form_csrf").expect("form cookie");
    let token = cookie
        .split(';')
        .next()
        .and_then(|p| p.split_once('='))
        .map(|(_, v)| v.to_string())
        .unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains("关于召开家长会的通知"));
    for (name, id_number, phone, guardian_phone) in &pupils {
        assert!(
            !html.contains(name.as_str()),
            "a pupil's name on the public page"
        );
        assert!(!html.contains(id_number.as_str()));
        for p in [phone, guardian_phone] {
            assert!(p.is_empty() || !html.contains(p.as_str()));
        }
    }
    let (name, id_number, _, _) = &pupils[0];
    let tail: String = id_number
        .chars()
        .skip(id_number.chars().count() - 4)
        .collect();
    let confirm = |tail: String| {
        let form = vec![
            ("_csrf".to_string(), token.clone()),
            ("notice_id".to_string(), id.to_string()),
            ("pupil_name".to_string(), name.clone()),
            ("id_tail".to_string(), tail),
        ];
        public
            .http
            .post(app.url(&format!("/open/class/{code}")))
            .header("cookie", format!("edb_form_csrf={token}"))
            .form(&form)
            .send()
    };
    let wrong = if tail == "0000" { "1111" } else { "0000" };
    let r = confirm(wrong.into()).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = confirm(tail.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("已确认阅读"));
    confirm(tail.to_lowercase()).await.unwrap();
    let (_, mine) = staff
        .get_json(&format!("/api/v1/public/notices/{id}"))
        .await;
    assert_eq!(mine["stats"]["read"], 1, "one receipt per pupil");
    // A malformed or unknown code finds nothing.
    for bad in ["abc", "ZZZZZZZZ"] {
        assert_eq!(
            public.get(&format!("/open/class/{bad}")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    // A notice to a class with no pupils is refused.
    let (s, _) = staff
        .post_json(
            "/api/v1/public/parent-notices",
            &json!({"title": "t", "body": "b", "audience": "class", "audience_value": "3:没有的班"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
});
