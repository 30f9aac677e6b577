//! Assigning responsible inspectors: an external one by name and phone, an
//! inspector account, the history, and what is refused.

use reqwest::StatusCode;

use super::{assign, day, spawn_without_visits};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_new_inspector_ends_the_current_one_the_day_before,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let (s, first) = assign(&mut dudao, school, "王建华", &day(-100)).await;
        assert_eq!(s, StatusCode::CREATED, "{first}");
        assert_eq!(first["inspector_name"], "王建华");
        assert_eq!(first["ends_on"], serde_json::Value::Null);

        let duxue = platform::auth::users::find_by_username(&app.db, "duxue")
            .await
            .unwrap()
            .unwrap();
        let body = serde_json::json!({ "account_id": duxue.id.0, "starts_on": day(-10) });
        let path = format!("/api/v1/supervision/institutions/{school}/assignments");
        let (s, second) = dudao.post_json(&path, &body).await;
        assert_eq!(s, StatusCode::CREATED, "{second}");
        assert_eq!(second["inspector_name"], "督学 施老师");
        assert_eq!(second["account_id"], duxue.id.0);

        let (s, page) = dudao
            .get_json(&format!("/api/v1/supervision/institutions/{school}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        let history = page["assignments"].as_array().unwrap();
        assert_eq!(history.len(), 2, "{page}");
        assert_eq!(history[0]["inspector_name"], "督学 施老师");
        assert_eq!(history[1]["ends_on"], day(-11), "ended the day before");

        let (s, v) = assign(&mut dudao, school, "李丽娟", &day(-10)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "same start: {v}");
        assert!(v.to_string().contains("应晚于现任"), "{v}");
        let (s, v) = dudao
            .post_json(
                &path,
                &serde_json::json!({ "inspector_name": "李丽娟", "phone": "12" }),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v.to_string().contains("联系电话"), "{v}");
        let (s, _) = dudao
            .post_json(
                &path,
                &serde_json::json!({ "account_id": 999999, "starts_on": day(0) }),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not an inspector account"
        );
        let (_, page) = dudao
            .get_json(&format!("/api/v1/supervision/institutions/{school}"))
            .await;
        assert_eq!(
            page["assignments"].as_array().unwrap().len(),
            2,
            "nothing changed"
        );

        let mut school_user = app.login("school003").await;
        let (s, _) = assign(&mut school_user, school, "张三", &day(0)).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a school reads, never assigns");
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = assign(&mut jijiao, school, "张三", &day(0)).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "基教科 does not write supervision"
        );
    }
);

both_backends!(
    the_assignment_form_saves_and_redisplays_mistakes,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let school = app.institution_of("school004").await;
        let mut dudao = app.login("dudao").await;
        let path = format!("/supervision/institutions/{school}");
        let r = dudao
            .post_form(&path, &[("inspector_name", "周卫东"), ("phone", "abc")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(html.contains("联系电话“abc”格式不正确"), "{html}");
        assert!(html.contains("周卫东"), "what was typed comes back");
        let r = dudao
            .post_form(
                &path,
                &[("inspector_name", "周卫东"), ("phone", "0572-3021234")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, html) = dudao.get_text(&path).await;
        assert!(html.contains("周卫东") && html.contains("至今"), "{html}");
    }
);
