//! Who sees a case: the 办公室 and leadership every case, a section only
//! those assigned to it, an inspector every case masked, an institution
//! none (a petition may be about a school; the writer's name never reaches
//! it). Every view of a case's personal data is audited.

use reqwest::StatusCode;
use serde_json::json;

use super::count;
use super::handling::register;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_section_sees_only_its_cases_an_institution_none,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut office = app.login("bangongshi").await;
        let (mine, _) = register(&mut office, "admission").await;
        let (theirs, _) = register(&mut office, "safety").await;
        for (id, section) in [(mine, "basic_education"), (theirs, "safety")] {
            let (s, v) = office
                .post_json(
                    &format!("/api/v1/public/petitions/{id}/assign"),
                    &json!({"section": section}),
                )
                .await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
        let jijiao = app.login("jijiao").await;
        let (s, list) = jijiao.get_json("/api/v1/public/petitions").await;
        assert_eq!(s, StatusCode::OK);
        let ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [mine]);
        let (s, v) = jijiao
            .get_json(&format!("/api/v1/public/petitions/{mine}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            (v["full"].as_bool(), v["petition"]["name"].as_str()),
            (Some(true), Some("李四光"))
        );
        let (s, _) = jijiao
            .get_json(&format!("/api/v1/public/petitions/{theirs}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = jijiao
            .get_text(&format!("/public/petitions/{theirs}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, page) = jijiao.get_text(&format!("/public/petitions/{mine}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("13712345678"), "the handler sees the phone");
        let anquan = app.login("anquanke").await;
        let (_, list) = anquan.get_json("/api/v1/public/petitions").await;
        assert_eq!(list.as_array().unwrap().len(), 1);

        let mut school = app.login("school003").await;
        let (s, list) = school.get_json("/api/v1/public/petitions").await;
        assert_eq!((s, list), (StatusCode::OK, json!([])));
        for id in [mine, theirs] {
            let (s, _) = school
                .get_json(&format!("/api/v1/public/petitions/{id}"))
                .await;
            assert_eq!(s, StatusCode::NOT_FOUND);
        }
        let (s, _) = school
        .post_json("/api/v1/public/petitions", &json!({"channel": "letter", "name": "某", "phone": "13712345678", "topic": "fees", "subject": "a", "content": "b"}))
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = school.get_json("/api/v1/public/petitions/stats").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

both_backends!(
    others_see_personal_data_masked_and_handlers_views_are_audited,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut office = app.login("bangongshi").await;
        let (id, _) = register(&mut office, "admission").await;
        let views =
            "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'public_petition'";
        let before = count(&app, views).await;
        let duxue = app.login("duxue").await;
        let (s, v) = duxue
            .get_json(&format!("/api/v1/public/petitions/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        let p = &v["petition"];
        assert_eq!(v["full"], json!(false));
        assert_eq!(p["name"], "李**");
        assert_eq!(p["phone"], "137****5678");
        let text = v.to_string();
        assert!(
            !text.contains("李四光") && !text.contains("13712345678"),
            "{text}"
        );
        assert_eq!(
            count(&app, views).await,
            before,
            "a masked view shows no personal data"
        );
        let (_, list) = office.get_json("/api/v1/public/petitions").await;
        assert!(
            !list.to_string().contains("13712345678"),
            "lists carry no personal data"
        );
        let (s, _) = office
            .get_json(&format!("/api/v1/public/petitions/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(count(&app, views).await, before + 1);
        let by = count(&app, &format!("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity_id = {id} AND username = 'bangongshi'")).await;
        assert_eq!(by, 1);
    }
);
