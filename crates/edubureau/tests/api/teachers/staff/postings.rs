//! Postings close the open one, refuse overlaps, and move the employing
//! institution only for a 调动; honours and 师德 records with the veto.

use reqwest::StatusCode;
use serde_json::json;

use super::super::super::students::code_of;
use super::{count, created};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    postings_follow_each_other_without_overlap,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "孙丽", 41).await;
        let path = format!("/api/v1/teachers/staff/{id}/postings");
        let other = code_of(&app, "school004").await;
        let today = platform::time::today();
        let day = |n: i64| (today + chrono::Duration::days(n)).to_string();

        // 交流轮岗 to another school: the appointment closes the day before,
        // and the employing institution stays.
        let rotation = json!({"kind": "交流轮岗", "institution": other, "starts_on": day(30)});
        let (status, body) = renshi.post_json(&path, &rotation).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let (_, v) = renshi
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(v["postings"][0]["ends_on"], day(29));
        assert_eq!(v["postings"][1]["ends_on"], serde_json::Value::Null);
        assert_eq!(
            v["record"]["institution_id"],
            app.institution_of("school003").await
        );

        // Starting on or before the open posting's start overlaps it.
        let before = count(&app, "teachers_postings").await;
        let overlap = json!({"kind": "调动", "institution": other, "starts_on": day(30)});
        let (status, body) = renshi.post_json(&path, &overlap).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = body["fields"][0]["message"].as_str().unwrap();
        assert!(message.contains("岗位时间不能重叠"), "{message}");
        let into_closed = json!({"kind": "支教", "destination": "四川省某县中学", "starts_on": day(10), "ends_on": day(20)});
        let (status, body) = renshi.post_json(&path, &into_closed).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        // A rotation must name an institution of the district.
        let outside = json!({"kind": "交流轮岗", "destination": "外地", "starts_on": day(60)});
        let (status, body) = renshi.post_json(&path, &outside).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["fields"][0]["field"], "institution");
        // The page's form comes back with the reason beside the record.
        let form = [
            ("kind", "调动"),
            ("institution", other.as_str()),
            ("starts_on", "2000-01-01"),
        ];
        let r = renshi
            .post_form(&format!("/teachers/staff/{id}/postings"), &form)
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.unwrap();
        assert!(page.contains("时间重叠，请改正起止日期"), "{page}");
        assert_eq!(
            count(&app, "teachers_postings").await,
            before,
            "nothing changed"
        );

        // 对口支援 outside the district keeps the employer; 调动 moves it.
        let paired = json!({"kind": "对口支援", "destination": "新疆阿克苏地区某小学", "starts_on": day(60)});
        let (status, _) = renshi.post_json(&path, &paired).await;
        assert_eq!(status, StatusCode::CREATED);
        let transfer = json!({"kind": "调动", "institution": other, "starts_on": day(400)});
        let (status, _) = renshi.post_json(&path, &transfer).await;
        assert_eq!(status, StatusCode::CREATED);
        let (_, v) = renshi
            .get_json(&format!("/api/v1/teachers/staff/{id}"))
            .await;
        assert_eq!(
            v["record"]["institution_id"],
            app.institution_of("school004").await
        );
        let open: Vec<_> = v["postings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["ends_on"].is_null())
            .collect();
        assert_eq!(open.len(), 1);
        assert_eq!(v["postings"][2]["destination"], "新疆阿克苏地区某小学");
    }
);

both_backends!(
    the_database_keeps_one_open_posting,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        let id = created(&app, &mut renshi, "school003", "钱伟", 42).await;
        let second = app
        .db
        .execute(
            platform::db::Sql::new(
                "INSERT INTO teachers_postings (staff_id, kind, institution_id, starts_on, created_at) VALUES ($1, 'rotation', $2, $3, $4)",
            )
            .arg(id)
            .arg(app.institution_of("school004").await)
            .arg(platform::time::today())
            .arg(chrono::Utc::now()),
        )
        .await;
        assert!(
            second.is_err(),
            "a second open posting is refused by the index"
        );
    }
);

both_backends!(honours_and_ethics_records, |backend: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
    let mut school = app.login("school003").await;
    let mut renshi = app.login("renshi").await;
    let id = created(&app, &mut renshi, "school003", "吴敏", 43).await;
    let path = format!("/api/v1/teachers/staff/{id}/honours");
    let award = json!({"kind": "师德表彰", "title": "师德楷模", "level": "市级", "year": "2024"});
    let (status, body) = school.post_json(&path, &award).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let violation = json!({"kind": "师德失范", "title": "有偿补课", "level": "区县级", "year": "2025", "veto": "是"});
    let (status, _) = school.post_json(&path, &violation).await;
    assert_eq!(status, StatusCode::CREATED);
    let bad_veto = json!({"kind": "荣誉", "title": "优秀班主任", "level": "校级", "year": "2025", "veto": "是"});
    let (status, body) = school.post_json(&path, &bad_veto).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["message"], "只有师德失范记录可以一票否决");
    let (status, body) = school
        .post_json(
            &path,
            &json!({"kind": "荣誉", "title": "x", "level": "省级", "year": "1800"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, v) = school
        .get_json(&format!("/api/v1/teachers/staff/{id}"))
        .await;
    let honours = v["honours"].as_array().unwrap();
    assert_eq!(honours.len(), 2);
    assert_eq!(honours[0]["veto"], true);
    assert_eq!(honours[0]["kind"], "ethics_violation");
});
